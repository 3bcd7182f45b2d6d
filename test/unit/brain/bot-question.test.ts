import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { asksIfBot, readingWithBotQuestion } from '../../../src/actors/brain/rule/bot-question.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('asksIfBot', () => {
  it('should read a question about what answers, in either language', () => {
    for (const text of ['eres un robot?', '¿hablo con una persona?', 'hola, eres un bot?', 'hay una persona real ahí o es un robot?', 'me está contestando una máquina?', 'esto es una máquina?', 'esto es automático?', 'eres real?', 'are you a bot?', 'am I talking to a real person?', 'is this a bot or a person?', 'r u a bot']) {
      expect(asksIfBot(text), text).toBe(true);
    }
  });

  it('should leave a request for a person to the triage, and other sentences alone', () => {
    for (const text of ['tu eres un robot? pasame con alguien', 'eres un bot? pasame con alguien de verdad', 'no quiero hablar con un robot', 'quiero que me atienda una persona, no un bot', 'can I speak to a real person', 'Is there a real person I can chat with?', 'a human please, not a bot', 'quiero hablar con una persona', 'es un regalo para una persona', 'hablo con ferreteria la romana?']) {
      expect(asksIfBot(text), text).toBe(false);
    }
  });
});

describe('readingWithBotQuestion (any brain\'s reading)', () => {
  let brain: Brain;
  beforeAll(async () => {
    ({ brain } = await loadDemo());
  });
  const read = (text: string) => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-1' });

  it('should flag a question about what answers that the brain read as nothing known or a request for a person', async () => {
    for (const text of ['esto es automático?', 'is this automated?', 'eres un robot?']) {
      const reading = await read(text);
      expect(['out_of_scope', 'human_agent'], text).toContain(reading.nlu.intent.name);
      expect(readingWithBotQuestion(reading, text).asksIfBot, text).toBe(true);
    }
  });

  it('should flag it when a tenant reads it as a help question (an informational label: the studio\'s "ayuda")', async () => {
    for (const text of ['eres un robot?', 'esto es automático?', 'are you a bot?']) {
      const reading = await read(text);
      const asHelp = { ...reading, asksIfBot: undefined, nlu: { ...reading.nlu, intent: { ...reading.nlu.intent, name: 'store_hours_location' as const } } };
      expect(readingWithBotQuestion(asHelp, text).asksIfBot, text).toBe(true);
    }
    const hours = await read('a qué hora abren?');
    expect(readingWithBotQuestion(hours, 'a qué hora abren?')).toBe(hours);
  });

  it('should leave every other reading as it was (the same object)', async () => {
    for (const text of ['¿tienen cemento?', 'quiero hablar con una persona', 'hola']) {
      const reading = await read(text);
      expect(readingWithBotQuestion(reading, text), text).toBe(reading);
    }
  });
});
