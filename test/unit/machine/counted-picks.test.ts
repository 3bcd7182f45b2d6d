import { describe, expect, it } from 'vitest';
import { countedPicks } from '../../../src/machines/counted-picks.js';

describe('counted picks of the options on the counter', () => {
  it('should read each part: a count and what it points at', () => {
    expect(countedPicks('dame 50 de esa y 20 de la otra')).toEqual([{ quantity: 50, points: 'this' }, { quantity: 20, points: 'other' }]);
    expect(countedPicks('2 de la primera y 3 de la segunda')).toEqual([{ quantity: 2, points: 'la primera' }, { quantity: 3, points: 'la segunda' }]);
    expect(countedPicks('give me 5 of the first and 3 of the other one')).toEqual([{ quantity: 5, points: 'the first' }, { quantity: 3, points: 'other' }]);
    expect(countedPicks('ok dame 20 d la grado 40, 10 d la grado 60')).toEqual([{ quantity: 20, points: 'la grado 40' }, { quantity: 10, points: 'la grado 60' }]);
  });

  it('should leave alone one pick, products named afresh, and talk', () => {
    expect(countedPicks('dame 2 de la primera')).toBeNull();
    expect(countedPicks('dame 20 de cemento y 10 de arena')).toBeNull();
    expect(countedPicks('cemento y arena')).toBeNull();
    expect(countedPicks('si y gracias')).toBeNull();
  });
});
