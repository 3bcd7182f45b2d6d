import { describe, expect, it } from 'vitest';
import { asksWhyAsked } from '../../../src/machines/lead-why.js';

describe('why the form asks a detail', () => {
  it('should read a short why, es and en', () => {
    for (const text of ['¿para qué quieren mi correo?', 'y por qué necesitan el nombre de la empresa?', 'pa que?', 'why do you need my name?', 'what do you need my email for?', 'what for?']) {
      expect(asksWhyAsked(text), text).toBe(true);
    }
  });

  it('should not read an answer that gives a reason, or a long message', () => {
    for (const text of ['porque es para mi casa', 'Juan Pérez', 'para que me llamen mañana temprano a mi celular o me escriban al correo que ya les di, gracias', 'es para una obra']) {
      expect(asksWhyAsked(text), text).toBe(false);
    }
  });
});
