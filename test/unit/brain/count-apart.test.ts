import { describe, expect, it } from 'vitest';
import { withAreasAsUnits, withCountApart } from '../../../src/actors/brain/rule/count-apart.js';

const mention = (text: string, query: string, quantity?: number) => {
  const start = text.indexOf(query.split(' ')[0] as string);
  return { query, start, end: start + query.length, ...(quantity !== undefined ? { quantity } : {}) };
};

describe('a count said in a sentence of its own beside the one product named', () => {
  it('should give the product that count, with the selling unit said', () => {
    const es = 'tienen pintura blanca? cuánto por 5 galones?';
    expect(withCountApart(es, [mention(es, 'pintura blanca')])).toEqual([{ ...mention(es, 'pintura blanca'), query: 'galon pintura blanca', quantity: 5 }]);
    const en = 'do you have white paint? how much for 5 gallons?';
    expect(withCountApart(en, [mention(en, 'white paint')])[0]).toMatchObject({ query: 'gallon white paint', quantity: 5 });
    const bare = 'tienen block de 6? necesito 200';
    expect(withCountApart(bare, [mention(bare, 'block')])[0]).toMatchObject({ query: 'block', quantity: 200 });
  });

  it('should leave a size, a counted product, two products and one sentence alone', () => {
    const size = 'tienen tubo de 1/2? y de 3/4?';
    expect(withCountApart(size, [mention(size, 'tubo')])[0]?.quantity).toBeUndefined();
    const counted = 'quiero 3 galones de pintura. y 5 brochas';
    expect(withCountApart(counted, [mention(counted, 'pintura', 3)])[0]?.quantity).toBe(3);
    const decimal = 'cemento de 42.5';
    expect(withCountApart(decimal, [mention(decimal, 'cemento')])[0]?.quantity).toBeUndefined();
    const two = 'tienen cemento y arena? necesito 10';
    expect(withCountApart(two, [mention(two, 'cemento'), mention(two, 'arena')]).every((m) => m.quantity === undefined)).toBe(true);
    const one = 'tienen 5 galones de pintura blanca';
    expect(withCountApart(one, [mention(one, 'pintura blanca')])[0]?.quantity).toBeUndefined();
  });
});

describe('an area said in words', () => {
  it('should read "metros cuadrados" as a unit and leave an area to cover out of the product words, keeping the length', () => {
    const text = 'cuánta pintura para 100 metros cuadrados';
    expect(withAreasAsUnits(text).length).toBe(text.length);
    expect(withAreasAsUnits(text)).not.toMatch(/cuadrad|100/);
    expect(withAreasAsUnits('necesito 20 metros cuadrados de cerámica')).toMatch(/^necesito 20 m2\s+de cerámica$/);
    expect(withAreasAsUnits('tienen tubo cuadrado?')).toBe('tienen tubo cuadrado?');
  });
});
