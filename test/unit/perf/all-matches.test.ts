import { describe, expect, it } from 'vitest';
import { allMatches } from '../../../src/kernel/all-matches.js';
import { unseenTexts } from '../../../bench/lib/workload.js';

/** What a match array says: the text, the groups, where it starts. */
const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ all: [...m], index: m.index, groups: m.groups }));

const PATTERNS: RegExp[] = [
  /\d+-\d+-\d+|\d+x\d+(?:x\d+)?|\d+\/\d+|\d+(?:[.,]\d+)?|#|[a-z0-9]+|"/g,
  /[a-z]+|\d+(?:[.,/-]\d+)*[a-z]*/g,
  /(?:\+|\b00)?\(?\d[\d\s().-]{6,}\d/g,
  /(?<n>\d+)\s*(?<unit>sacos?|galones?)?/g,
  /x*/g, // empty matches at every position
  /\p{L}*/gu, // empty matches over surrogate pairs
  /(?:)/gu,
];
const TEXTS = ['', 'dame 10 sacos de cemento y 2x4x10, tel 809-555-1234', 'tubo 1/2 y 3-1/2 de 2,5 m #12 "4"', '𝟏𝟎 sacos 😀 y 𝒂𝒃 arena', 'xx x xxx', ...unseenTexts().slice(0, 200)];

describe('allMatches', () => {
  it('should give the matches matchAll gives, in order, for every pattern and text', () => {
    for (const re of PATTERNS) for (const text of TEXTS) expect(shape(allMatches(text, re))).toEqual(shape(text.matchAll(re)));
  });

  it('should start where the pattern stands, as matchAll does, and leave its lastIndex as it was', () => {
    const re = /\d+/g;
    re.lastIndex = 5;
    const expected = shape('12 34 56 78'.matchAll(re));
    expect(re.lastIndex).toBe(5);
    expect(shape(allMatches('12 34 56 78', re))).toEqual(expected);
    expect(re.lastIndex).toBe(5);
  });

  it('should not be disturbed by the same pattern used inside the loop over its matches', () => {
    const re = /[a-z]+/g;
    const seen: string[] = [];
    for (const m of allMatches('uno dos tres', re)) {
      seen.push(m[0]);
      allMatches('otra cosa', re);
      re.test('zzz');
    }
    expect(seen).toEqual(['uno', 'dos', 'tres']);
  });

  it('should refuse a pattern without the g flag, as matchAll does', () => {
    expect(() => allMatches('a', /a/)).toThrow(TypeError);
    expect(() => 'a'.matchAll(/a/)).toThrow(TypeError);
  });
});
