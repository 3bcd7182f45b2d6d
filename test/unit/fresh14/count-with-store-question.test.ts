import { describe, expect, it } from 'vitest';
import { countSaidFor } from '../../../src/actors/tools/count-with-store-question.js';

const CEMENT = ['Cemento Gris Cemex Tipo GU (saco 42.5 kg)', 'saco 42.5 kg'] as const;
const PIPE = ['Tubo PVC 1/2" SDR-26 (6 m)', 'unidad'] as const;
const SCREWS = ['Tornillo para Drywall 1 1/4" (libra)', 'libra'] as const;

describe('countSaidFor: a count said first with a store question', () => {
  it.each([
    ["I'll take 5 bags, can you deliver to Casa de Campo?", CEMENT, 5],
    ['dame 5 sacos, me lo pueden llevar a casa de campo?', CEMENT, 5],
    ['ok, quiero diez y me lo llevan a caleta', CEMENT, 10],
    ['I want 4, do you deliver to Bayahibe?', CEMENT, 4],
    ['dale, 6 tubos pa villa hermosa', PIPE, 6],
    ['send me 3 units to caleta', PIPE, 3],
  ] as const)('%s → %s', (text, [name, unit], count) => {
    expect(countSaidFor(text, name, unit)).toBe(count);
  });

  it.each([
    ['dame 5 sacos de arena, me lo llevan a caleta?', CEMENT],
    ["I'll take 3 boxes, deliver to caleta?", SCREWS],
    ['me lo llevan a caleta?', CEMENT],
    ['quiero 3/4, me lo llevan?', PIPE],
    ['5 taladros a caleta', CEMENT],
    ['do you deliver to caleta? I need it by 5', CEMENT],
  ] as const)('no count for the line: %s', (text, [name, unit]) => {
    expect(countSaidFor(text, name, unit)).toBeUndefined();
  });
});
