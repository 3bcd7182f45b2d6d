import { describe, expect, it } from 'vitest';
import { groupSize } from '../../../src/machines/workflow/group-booking.js';
import { studioFactAsked } from '../../../src/actors/brain/rule/studio-asks.js';

/** Fresh clients of the studio: a bride and her bridesmaids, tourists as a group, gift cards and tax asked. */

describe('a group said by its count', () => {
  it.each([
    ['quiero maquillaje para mi y 3 damas', 4],
    ['can 3 of us get manicures tomorrow?', 3],
    ['makeup for me and 2 bridesmaids', 3],
    ['para mi y mis 2 amigas', 3],
    ['quiero un corte a las 3', null],
    ['a manicure at 3 tomorrow', null],
  ])('should read "%s" as %s people', (text, n) => {
    expect(groupSize(text)).toBe(n);
  });
});

describe('facts the studio has not written', () => {
  it.each([
    ['venden tarjetas de regalo?', 'giftcard'],
    ['do you have gift cards?', 'giftcard'],
    ['quiero regalarle un masaje a mi mama', 'giftcard'],
    ['el precio incluye itbis?', 'tax'],
    ['do prices include tax?', 'tax'],
    ['is that plus tax?', 'tax'],
    ['cuanto cuesta un taxi hasta alla?', null],
    ['tienen parqueo?', 'parking'],
  ])('should read "%s" as %s', (text, key) => {
    expect(studioFactAsked(text)).toBe(key);
  });
});
