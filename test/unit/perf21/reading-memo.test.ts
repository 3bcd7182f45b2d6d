import { describe, expect, it } from 'vitest';
import { perReading } from '../../../src/machines/reading-memo.js';

/** A reader that counts how often it really reads. */
function countingReader() {
  const calls: string[] = [];
  const read = (text: string) => {
    calls.push(text);
    return { words: text.split(' ').length };
  };
  return { calls, read };
}

describe('perReading', () => {
  it('should read a text once per reading object and hand back the same answer after', () => {
    const { calls, read } = countingReader();
    const reading = Object.freeze({ nlu: 'hola' });
    const first = perReading(reading, 'hola buenas', 'words', read);
    const second = perReading(reading, 'hola buenas', 'words', read);
    expect(first).toEqual({ words: 2 });
    expect(second).toBe(first);
    expect(calls).toEqual(['hola buenas']);
  });

  it('should read again when the same reading object comes with another text', () => {
    const { calls, read } = countingReader();
    const reading = {};
    expect(perReading(reading, 'uno', 'words', read)).toEqual({ words: 1 });
    expect(perReading(reading, 'uno dos tres', 'words', read)).toEqual({ words: 3 });
    expect(perReading(reading, 'uno', 'words', read)).toEqual({ words: 1 });
    expect(calls).toEqual(['uno', 'uno dos tres', 'uno']);
  });

  it('should keep the answers of two readers of one text apart', () => {
    const reading = {};
    expect(perReading(reading, 'dame 20', 'length', (t) => t.length)).toBe(7);
    expect(perReading(reading, 'dame 20', 'digits', (t) => t.replace(/\D/g, ''))).toBe('20');
    expect(perReading(reading, 'dame 20', 'length', () => -1)).toBe(7);
  });

  it('should keep a false or null answer as an answer', () => {
    const { calls } = countingReader();
    const reading = {};
    const never = (t: string) => {
      calls.push(t);
      return null;
    };
    expect(perReading(reading, 'gracias', 'none', never)).toBeNull();
    expect(perReading(reading, 'gracias', 'none', never)).toBeNull();
    expect(calls).toEqual(['gracias']);
  });

  it('should read every time when there is no reading to keep the answer with', () => {
    const { calls, read } = countingReader();
    perReading(null, 'hola', 'words', read);
    perReading(undefined, 'hola', 'words', read);
    expect(calls).toEqual(['hola', 'hola']);
  });

  it('should not share answers between two reading objects of the same text', () => {
    const a = {};
    const b = {};
    expect(perReading(a, 'sí', 'mark', () => 'a')).toBe('a');
    expect(perReading(b, 'sí', 'mark', () => 'b')).toBe('b');
  });
});
