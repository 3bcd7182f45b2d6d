import { describe, expect, it } from 'vitest';
import { countsGoodsToDeliver } from '../../../src/actors/brain/rule/signals.js';
import { loadDemo } from '../../helpers/memory-host.js';

const counted = [{ quantity: 20 }];

describe('countsGoodsToDeliver: counted goods sent to a place', () => {
  it.each(['20 sacos de cemento con delivery a villa hermosa', '10 gallons of white paint delivered to Casa de Campo', '40 varillas con envío a Caleta', 'quiero 20 sacos con el flete hasta Bayahibe', 'me llevan 50 blocks a villa hermosa hoy?', 'can you deliver 10 bags of cement to Casa de Campo tomorrow?'])('%s', (text) => {
    expect(countsGoodsToDeliver(text, counted)).toBe(true);
  });

  it('needs a count above one and the goods sent somewhere', () => {
    expect(countsGoodsToDeliver('cemento con delivery a villa hermosa', [{}])).toBe(false);
    expect(countsGoodsToDeliver('un saco con delivery a caleta', [{ quantity: 1 }])).toBe(false);
    expect(countsGoodsToDeliver('20 sacos de cemento, hacen delivery?', counted)).toBe(false);
    expect(countsGoodsToDeliver('20 sacos de cemento', counted)).toBe(false);
  });

  it('reads such a message as a price quote, a delivery question without goods as the store\'s', async () => {
    const { brain } = await loadDemo();
    expect(brain.parse('20 sacos de cemento con delivery a villa hermosa').intent.name).toBe('price_quote');
    expect(brain.parse('hacen delivery a villa hermosa?').intent.name).toBe('store_hours_location');
  });
});
