import { describe, expect, it } from 'vitest';
import { asksFreeDeliveryFor, purchaseAmount } from '../../../src/actors/tools/free-delivery-for.js';

/** The amount a customer says they will buy, read for "¿el envío es gratis?". */
describe('the purchase amount said with a delivery question', () => {
  it.each([
    ['20 mil pesos de compra a Villa Hermosa, ¿es gratis?', 20000],
    ['si compro RD$5,000 ¿el envío a Caleta es gratis?', 5000],
    ['compra de 15.000 pesos a Casa de Campo, gratis?', 15000],
    ['an order of 20,000 pesos to Caleta, is it free?', 20000],
    ['si compro 20k me lo llevan gratis?', 20000],
    ['una compra de $ 12500, free delivery?', 12500],
  ])('should read "%s" as %i', (text, amount) => {
    expect(purchaseAmount(text)).toBe(amount);
  });

  it.each(['¿el envío a Caleta es gratis?', 'llevan a la calle 10 de Villa Hermosa?', 'cemento 42.5 a Caleta', 'km 3 carretera San Pedro'])('should read no amount in "%s"', (text) => {
    expect(purchaseAmount(text)).toBeUndefined();
  });
});

/** Free delivery asked for an amount, or from what amount, in a follow-up that names no place. */
describe('free delivery asked after a zone\'s fee', () => {
  it.each(['y si la compra es de 20 mil es gratis?', 'and if I spend 15k?', 'a partir de cuánto es gratis?', 'what if my order is 20k, is it free?', 'y si compro RD$10,000 me lo llevan gratis?', 'from how much is it free?'])('should read "%s" as asking it', (text) => {
    expect(asksFreeDeliveryFor(text)).toBe(true);
  });

  it.each(['¿el envío a Caleta es gratis?', 'y si compro 100?', 'gracias', 'and 20 lbs of tie wire', 'es gratis el estacionamiento?'])('should not read "%s" as asking it', (text) => {
    expect(asksFreeDeliveryFor(text)).toBe(false);
  });
});
