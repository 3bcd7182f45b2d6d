import { describe, expect, it } from 'vitest';
import { otherColoursSaid } from '../../../src/machines/colour-said.js';
import { takesTheOneShown } from '../../../src/machines/order-words.js';
import { followUpCore, isProductFollowUp } from '../../../src/machines/product-focus.js';
import { readFocusQuestion } from '../../../src/machines/focus-questions.js';

const WHITE = 'Pintura Acrílica Tropical Blanco (galón)';

describe('otherColoursSaid (another colour wanted than the one shown)', () => {
  it.each([
    ['la quiero en azul', ['azul']],
    ['la quiero color crema', ['crema']],
    ['I want it in blue', ['blue']],
    ['mejor en gris', ['gris']],
  ])('should find %j against the white paint', (text, found) => {
    expect(otherColoursSaid(text, WHITE)).toEqual(found);
  });

  it.each(['la quiero blanca', 'sí, claro', 'yes, the white one', 'dale, lo quiero', 'ok, la quiero light'])('should find none in %j', (text) => {
    expect(otherColoursSaid(text, WHITE)).toEqual([]);
  });
});

describe('takesTheOneShown', () => {
  it('should take the one shown unless another colour is asked', () => {
    expect(takesTheOneShown('la quiero', WHITE)).toBe(true);
    expect(takesTheOneShown('la quiero en azul', WHITE)).toBe(false);
    expect(takesTheOneShown('I want it in blue', WHITE)).toBe(false);
  });
});

describe('the one in focus wanted in another colour or size', () => {
  it.each([
    ['la quiero en azul', 'en azul'],
    ['lo necesito de 3/4', 'de 3/4'],
    ['si, en azul', 'en azul'],
    ['I want it in blue', 'in blue'],
  ])('should read %j as a follow-up of the product in focus (%j)', (text, core) => {
    expect(followUpCore(text)).toBe(core);
    expect(isProductFollowUp(text)).toBe(true);
  });
});

describe('work asked of the tool shown is a purpose, not a product', () => {
  it.each([
    ['cual me recomiendas para cortar ceramica?', 'cortar ceramica'],
    ['which one for cutting tile?', 'cutting tile'],
    ['cual me recomiendas pa taladrar concreto?', 'taladrar concreto'],
  ])('should read %j as the purpose %j', (text, use) => {
    expect(readFocusQuestion(text)).toEqual({ kind: 'purpose', use, which: true });
  });
});
