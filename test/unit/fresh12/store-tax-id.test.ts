import { describe, expect, it } from 'vitest';
import { storeFactsAsked } from '../../../src/actors/brain/rule/store-facts.js';

describe("storeFactsAsked: the store's own RNC", () => {
  it.each(['cual es el rnc de la ferreteria?', 'me pasan el rnc de ustedes pa la factura', "what's your company's tax id?", 'cual es su rnc'])('%s → storeTaxId', (text) => {
    expect(storeFactsAsked(text)).toContain('storeTaxId');
  });

  it.each(['quiero una factura a nombre de mi empresa, el rnc es 131123456', 'necesito factura con el rnc de la empresa', 'mi rnc es 131123456'])('%s → not the store\'s', (text) => {
    expect(storeFactsAsked(text)).not.toContain('storeTaxId');
  });
});

describe('storeFactsAsked: a surcharge for paying by card', () => {
  it.each(['si pago con tarjeta me cobran algo extra?', 'hay recargo por pagar con tarjeta?', 'do you charge extra for card payments?', 'is there a card fee?'])('%s → cardSurcharge', (text) => {
    expect(storeFactsAsked(text)).toContain('cardSurcharge');
  });

  it.each(['aceptan tarjeta?', 'aceptan visa?', 'cuanto cobran por el delivery?', 'me cobran algo extra por el delivery?'])('%s → not a card surcharge', (text) => {
    expect(storeFactsAsked(text)).not.toContain('cardSurcharge');
  });
});
