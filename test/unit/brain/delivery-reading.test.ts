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
