import { describe, it, expect } from 'vitest';
import { isEnglishPing, languageAfterPing, onlyPings } from '../../../src/machines/ping-language.js';
import { loadDemo, chatOnFreshHost } from '../../helpers/memory-host.js';

describe('a one-word English ping', () => {
  it('should be a greeting word alone, however drawn out or punctuated', () => {
    for (const t of ['hello??', 'hi', 'Hey!!', 'hellooo', 'hello hello', 'hi 👋']) expect(isEnglishPing(t)).toBe(true);
    for (const t of ['hello, do you sell paint?', 'hi I need cement', 'thanks', 'hola']) expect(isEnglishPing(t)).toBe(false);
  });

  it('should keep the conversation\'s language after its first message only', () => {
    expect(languageAfterPing('hello??', 'en', 'es', 3)).toBe('es');
    expect(languageAfterPing('hi', 'en', 'es', 1)).toBe('en');
    expect(languageAfterPing('do you sell paint?', 'en', 'es', 3)).toBe('en');
  });

  it('should tell a message that only checks the chat is alive', () => {
    for (const t of ['¿sigues ahí?', 'hola??', 'hello?', '¿hay alguien?', 'are you there?', 'are you still there?']) expect(onlyPings(t)).toBe(true);
    for (const t of ['Pedro Gómez', 'hola, necesito cemento', 'sí', 'alto']) expect(onlyPings(t)).toBe(false);
  });

  it('should answer "hello??" in a Spanish conversation in Spanish', async () => {
    const { tenant, brain } = await loadDemo();
    const [, again] = await chatOnFreshHost(tenant, brain, 'talk11-hello', 'hola', 'hello??');
    expect(again).toMatch(/Hola de nuevo/);
    expect(again).not.toMatch(/Hi again/);
  });

  it('should not pass the form\'s question over after two pings', async () => {
    const { tenant, brain } = await loadDemo();
    const replies = await chatOnFreshHost(tenant, brain, 'talk11-form-ping', 'quiero una cotización para mi empresa', '¿sigues ahí?', '¿sigues ahí?', 'hola??');
    for (const r of replies.slice(1)) {
      expect(r).toMatch(/nombre completo/);
      expect(r).not.toMatch(/correo/);
    }
  });
});
