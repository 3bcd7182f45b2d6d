import { describe, expect, it } from 'vitest';
import { rememberRecent } from '../../../src/kernel/recent-texts.js';

describe('rememberRecent', () => {
  it('should read a text once while it is among the last four read, and again once it fell out', () => {
    const reads: string[] = [];
    const upper = rememberRecent((t: string) => {
      reads.push(t);
      return t.toUpperCase();
    });
    for (const t of ['a', 'b', 'a', 'c', 'd', 'a', 'b']) expect(upper(t)).toBe(t.toUpperCase());
    expect(reads).toEqual(['a', 'b', 'c', 'd']);
    upper('e'); // the oldest read ('a') makes room
    expect(upper('b')).toBe('B');
    expect(upper('a')).toBe('A');
    expect(reads).toEqual(['a', 'b', 'c', 'd', 'e', 'a']);
  });

  it('should give what the reader gives over 10,000 texts in any order, and keep an undefined answer', () => {
    const read = (t: string): string | undefined => (t.length % 3 === 0 ? undefined : `${t}:${t.length}`);
    const remembered = rememberRecent(read, 3);
    let x = 99;
    for (let i = 0; i < 10_000; i++) {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      const t = 'w'.repeat(x % 9);
      expect(remembered(t), t).toBe(read(t));
    }
  });
});
