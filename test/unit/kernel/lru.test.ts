import { describe, expect, it } from 'vitest';
import { copyPlain, createLru, remembered } from '../../../src/kernel/lru.js';

describe('createLru', () => {
  it('drops the least recently used entry past its bound, a hit counting as a use', () => {
    const lru = createLru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.keys()).toEqual(['a', 'c']);
    expect(lru.has('b')).toBe(false);
    lru.set('a', 10); // a rewrite is a use too
    lru.set('d', 4);
    expect(lru.keys()).toEqual(['a', 'd']);
    expect(lru.get('a')).toBe(10);
    expect(lru.delete('a')).toBe(true);
    expect(lru.size).toBe(1);
  });

  it('stores nothing with a bound of zero', () => {
    const lru = createLru<number>(0);
    lru.set('a', 1);
    expect([lru.size, lru.get('a')]).toEqual([0, undefined]);
  });

  it('remembers a read, a stored undefined included, and reads again what fell out', () => {
    const lru = createLru<number | undefined>(1);
    let reads = 0;
    const read = (k: string) => {
      reads++;
      return k === 'none' ? undefined : k.length;
    };
    expect([remembered(lru, 'none', read), remembered(lru, 'none', read)]).toEqual([undefined, undefined]);
    expect(reads).toBe(1);
    expect(remembered(lru, 'abc', read)).toBe(3);
    expect(remembered(lru, 'none', read)).toBeUndefined();
    expect(reads).toBe(3);
  });

  it('should keep the same use order as moving every hit, over 20,000 mixed operations', () => {
    // The reference: a Map where every hit is deleted and inserted again (the LRU before it skipped
    // the move for a hit on the newest key).
    const reference = new Map<string, number>();
    const refGet = (k: string): number | undefined => {
      if (!reference.has(k)) return undefined;
      const v = reference.get(k) as number;
      reference.delete(k);
      reference.set(k, v);
      return v;
    };
    const refSet = (k: string, v: number): void => {
      reference.delete(k);
      reference.set(k, v);
      if (reference.size > 5) reference.delete(reference.keys().next().value as string);
    };
    const lru = createLru<number>(5);
    let x = 12_345;
    const rand = (n: number): number => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) % n;
    for (let i = 0; i < 20_000; i++) {
      const k = `k${rand(8)}`;
      const op = rand(10);
      if (op < 5) expect(lru.get(k), `get ${k} at ${i}`).toBe(refGet(k));
      else if (op < 8) {
        lru.set(k, i);
        refSet(k, i);
      } else if (op < 9) expect(lru.delete(k)).toBe(reference.delete(k));
      else expect(remembered(lru, k, () => i)).toBe(refGet(k) ?? (refSet(k, i), i));
      expect(lru.keys(), `order at ${i}`).toEqual([...reference.keys()]);
    }
  });

  it('copies plain data deeply, undefined values kept', () => {
    const value = { a: [1, { b: 'x' }], c: undefined, d: null };
    const copy = copyPlain(value);
    expect(copy).toStrictEqual(value);
    (copy.a[1] as { b: string }).b = 'y';
    expect((value.a[1] as { b: string }).b).toBe('x');
  });
});
