import { describe, expect, it } from 'vitest';
import { asksProductToo, asksWhyAsked } from '../../../src/machines/lead-why.js';

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

describe('a product question asked with the need', () => {
  const understanding = (intent: string, need: string | undefined, products: number) =>
    ({ nlu: { intent: { name: intent, confidence: 0.9 } }, leadFields: need === undefined ? {} : { problem_statement: need }, products: Array.from({ length: products }, () => ({ query: 'x' })) }) as never;

  it('should read the question as a detour when the need was read without it', () => {
    expect(asksProductToo(understanding('price_quote', 'quiero remodelar la cocina', 1), 'quiero remodelar la cocina, cuanto cuesta el porcelanato?')).toBe(true);
  });

  it('should not when the whole message is the need, or no product is asked', () => {
    expect(asksProductToo(understanding('sales_lead', 'remodelar un baño, ¿me pueden ayudar?', 0), 'remodelar un baño, ¿me pueden ayudar?')).toBe(false);
    expect(asksProductToo(understanding('price_quote', 'cemento y varilla para una casa', 2), 'cemento y varilla para una casa')).toBe(false);
  });
});
