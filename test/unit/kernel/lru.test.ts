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

  it('copies plain data deeply, undefined values kept', () => {
    const value = { a: [1, { b: 'x' }], c: undefined, d: null };
    const copy = copyPlain(value);
    expect(copy).toStrictEqual(value);
    (copy.a[1] as { b: string }).b = 'y';
    expect((value.a[1] as { b: string }).b).toBe('x');
  });
});
