import { describe, expect, it } from 'vitest';
import { tellsPurchaseTrouble } from '../../../src/actors/brain/rule/purchase-trouble.js';

/** Charged other than told: a billing complaint, never a price question. */
describe('a charge told as wrong', () => {
  it('should read being charged other than told, in Spanish and English', () => {
    for (const text of [
      'mi factura dice un precio diferente al que me dijeron',
      'el cemento me lo cobraron a 700',
      'me cobraron de más en la principal',
      'me cobraron doble la pintura',
      'you charged me twice for the paint',
      'I was overcharged',
      'the invoice shows a different price',
    ])
      expect(tellsPurchaseTrouble(text), text).toBe(true);
  });

  it('should not read questions about what is charged', () => {
    for (const text of ['¿cuánto me cobran por el delivery a Caleta?', '¿me cobran el envío?', 'how much do you charge for delivery?', '¿cobran por cortar la madera?', 'a como me lo dejan si compro 100?'])
      expect(tellsPurchaseTrouble(text), text).toBe(false);
  });
});
