import { describe, expect, it } from 'vitest';
import { followUpCore, isProductFollowUp, readFollowUpQuantity } from '../../../src/machines/product-focus.js';
import { correctedCount } from '../../../src/machines/count-words.js';
import { saysThatsAll, takesTheOrder } from '../../../src/machines/order-words.js';

describe('follow-up words › the product in focus in another colour or size, no kind named', () => {
  it.each([
    ['¿tienen en gris?', 'en gris'],
    ['¿hay en verde?', 'en verde'],
    ['¿tienen de 1/2?', 'de 1/2'],
    ['ustedes tienen en blanco?', 'en blanco'],
    ['do you have any in blue?', 'in blue'],
  ])('should read "%s" as "%s" about the one shown', (text, core) => {
    expect(followUpCore(text)).toBe(core);
    expect(isProductFollowUp(text)).toBe(true);
  });

  it('should leave a product named with the colour to the search', () => {
    expect(followUpCore('¿tienen pintura en gris?')).toBe('tienen pintura en gris');
  });
});

describe('follow-up words › the one just shown, pointed at', () => {
  it.each(['dame esa', 'me llevo ese', 'quiero esa', 'dame ese mismo', 'esa misma'])('should read "%s" as a follow-up on the one shown', (text) => {
    expect(isProductFollowUp(text)).toBe(true);
  });

  it.each(['dame esa', 'me llevo ese', 'quiero esa entonces', 'dame ese mismo', "I'll take that one", 'give me that one'])('"%s" takes the order', (text) => {
    expect(takesTheOrder(text)).toBe(true);
  });

  it.each(['dame esa en azul', 'dame ese de 3/4', 'esa no me sirve'])('"%s" does not take it (it changes or refuses the one shown)', (text) => {
    expect(takesTheOrder(text)).toBe(false);
  });
});

describe('follow-up words › a count corrected', () => {
  it.each([
    ['perdón, 2 no 20', 2, 20],
    ['2, no 20', 2, 20],
    ['no 20, 2', 2, 20],
    ['no 20 sino 2', 2, 20],
    ['sorry, 2 not 20', 2, 20],
  ])('should read "%s" as %i (correcting %i)', (text, meant, was) => {
    expect(readFollowUpQuantity(text)?.quantity).toBe(meant);
    expect(readFollowUpQuantity(text)?.change).toBeUndefined();
    expect(correctedCount(text)).toBe(was);
  });

  it.each(['quise decir 2', 'era 2', 'I meant 2'])('should read "%s" as 2', (text) => {
    expect(readFollowUpQuantity(text)?.quantity).toBe(2);
  });

  it('should find no corrected count in a plain count', () => {
    expect(correctedCount('dame 20')).toBeUndefined();
    expect(correctedCount('no, que sean 15')).toBeUndefined();
  });
});

describe('follow-up words › counts said in words', () => {
  it.each([
    ['dame una docena', 12, 'piezas'],
    ['dame media docena', 6, 'piezas'],
    ['dos docenas', 24, 'piezas'],
    ['half a dozen please', 6, 'piezas'],
    ['dame un par', 2, 'pares'],
    ['dame dos pares', 4, 'pares'],
    ['give me a couple of pairs', 4, 'pares'],
    ['a couple pairs', 4, 'pares'],
    ['un par de pares', 4, 'pares'],
  ])('should read "%s" as %i (%s)', (text, quantity, unit) => {
    expect(readFollowUpQuantity(text)).toEqual({ quantity, unit });
  });

  it.each(['otra igual', 'otro más', 'dame una más', 'another one please', 'one more'])('should read "%s" as one more', (text) => {
    expect(readFollowUpQuantity(text)).toEqual({ quantity: 1, change: 'more' });
  });

  it('should still read "y la otra?" as no count (the other option)', () => {
    expect(readFollowUpQuantity('y la otra?')).toBeUndefined();
  });
});

describe('follow-up words › WhatsApp spellings', () => {
  it.each([
    ['dame 5 xfa', 5],
    ['dame 20 d esa', 20],
    ['q sean 10', 10],
  ])('should read "%s" as %i', (text, quantity) => {
    expect(readFollowUpQuantity(text)?.quantity).toBe(quantity);
  });

  it('should read "y d 1/2?" as a size follow-up', () => {
    expect(isProductFollowUp('y d 1/2?')).toBe(true);
  });

  it.each(['eso e to', 'eso es todo', 'ok eso e todo'])('should read "%s" as the order complete', (text) => {
    expect(saysThatsAll(text)).toBe(true);
  });
});
