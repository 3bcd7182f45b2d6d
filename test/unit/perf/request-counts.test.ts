import { describe, expect, it } from 'vitest';
import { inHundreds, withLengthQuantities, withSizedQuantities } from '../../../src/actors/tools/request-counts.js';
import type { Wanted } from '../../../src/actors/tools/product-request.js';
import { unseenTexts } from '../../../bench/lib/workload.js';
import { inHundredsBefore, withLengthQuantitiesBefore, withSizedQuantitiesBefore } from './request-counts-before.js';

/** Messages where each reader finds its count, and near misses, beside 400 never-seen messages of the load benchmark. */
const TEXTS = [
  'necesito 50 half inch rebars',
  '100 six inch blocks y 20 sacos',
  'dame 3 de media pulgada tubos',
  '2 cientos de tornillos para techo',
  'a hundred screws',
  'three hundreds of screws please',
  'dame 200 tornillos',
  '3 docenas de tornillos',
  '100 pies de cable',
  'a hundred feet of wire',
  '100 feet of #12 wire y 50 metros de manguera',
  'veinte yardas de tela',
  '20 ft of 12 gauge wire',
  '10 metros de cable calibre 12 de cobre',
  'quiero cable',
  '',
  '10\u00a0half inch rebars',
  'tubos 10 tubos',
  ...unseenTexts().slice(0, 400),
];

/** Queries for every text: its own words (a stem found in it), fixed product heads, and stems that are pattern syntax. */
function queriesOf(text: string): string[] {
  const own = text.toLowerCase().split(/\s+/).filter((w) => w.length >= 3).slice(0, 6);
  return [...own, 'rebars', 'blocks de concreto', 'tornillos para techo', 'cable', 'wire', 'manguera', 'saco cemento', 'tub.s', 'c|b', 'a(b)c', 'ca+ble'];
}

describe('request counts, pre-checked and hoisted', () => {
  it('should give withSizedQuantities the answers of the pattern built on every call', () => {
    for (const text of TEXTS) {
      for (const query of queriesOf(text)) {
        const wanted: Wanted[] = [{ query }, { query, quantity: 4 }, { query, lengthQuantity: 10 }];
        expect(withSizedQuantities(wanted, text), `${query} in ${text}`).toEqual(withSizedQuantitiesBefore(wanted, text));
      }
    }
  });

  it('should give inHundreds the answers of the pattern built on every call', () => {
    for (const text of TEXTS) {
      for (const query of queriesOf(text)) {
        for (const item of [{ query }, { query, quantity: 200 }, { query, quantity: 36 }] as Wanted[]) {
          expect(inHundreds(item, text), `${query} in ${text}`).toEqual(inHundredsBefore(item, text));
        }
      }
    }
  });

  it('should give withLengthQuantities the answers of matchAll with no pre-check', () => {
    for (const text of TEXTS) {
      const wanted: Wanted[] = queriesOf(text).flatMap((query) => [{ query }, { query, quantity: 2 }]);
      expect(withLengthQuantities(wanted, text), text).toEqual(withLengthQuantitiesBefore(wanted, text));
    }
  });

  it('should find the counts the readers exist for', () => {
    expect(withSizedQuantities([{ query: 'rebars' }], '50 half inch rebars')).toEqual([{ query: 'half inch rebars', quantity: 50 }]);
    expect(inHundreds({ query: 'tornillos para techo' }, '2 cientos de tornillos para techo')).toEqual({ query: 'tornillos para techo', quantity: 2 });
    expect(withLengthQuantities([{ query: 'cable' }], '100 pies de cable')).toEqual([{ query: 'cable', lengthQuantity: 100 }]);
  });
});
