import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { loadDemo } from '../../helpers/memory-host.js';

let brain: Brain;
beforeAll(async () => {
  ({ brain } = await loadDemo());
});

/** "hasta" after a delivery verb names a place, not a farewell ("hasta luego"). */
describe('delivery questions that look like farewells', () => {
  it.each(['ustedes llegan hasta Boca Chica?', 'llegan a Bávaro?', '¿entregan hasta Guaymate?', 'reparten hasta la Caleta?'])('should read "%s" as a store (delivery) question', (text) => {
    expect(brain.parse(text).intent.name).toBe('store_hours_location');
  });

  it.each(['gracias, hasta luego', 'ok gracias, bye', 'hasta mañana, gracias'])('should still read "%s" as a goodbye', (text) => {
    expect(brain.parse(text).intent.name).toBe('goodbye');
  });
});

/** A purchase to a place asked free ("20 mil pesos de compra a Villa Hermosa, ¿es gratis?"): a delivery question. */
describe('free delivery asked with a purchase', () => {
  it.each(['20 mil pesos de compra a Villa Hermosa, ¿es gratis?', 'compra de 15.000 pesos a Casa de Campo, gratis?', 'an order of 20,000 pesos to Caleta, is it free?'])('should read "%s" as a store (delivery) question', (text) => {
    expect(brain.parse(text).intent.name).toBe('store_hours_location');
  });
});

/** Two kinds of one product with the second's word alone: "pintura acrílica y satinada" is the satin paint, not an acrylic satin. */
describe('a second kind said alone after the first', () => {
  it('should give the second item the head and its own kind word', async () => {
    const u = await brain.understand({ text: 'pintura acrílica y satinada', messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-elided' });
    expect(u.products.map((p) => p.query)).toEqual(['pintura acrilica', 'pintura satinada']);
  });
});
