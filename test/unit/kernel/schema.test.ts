import { describe, expect, it } from 'vitest';
import { boundedText, charLength, checkWith, describeValue, formatPath, toProblems, z } from '../../../src/kernel/schema.js';

describe('kernel/schema', () => {
  describe('charLength', () => {
    it('should count code points, so an emoji or an astral letter is one character', () => {
      expect(charLength('hola')).toBe(4);
      expect(charLength('👍🏽')).toBe(2); // thumbs up + skin tone modifier: two code points, four UTF-16 units
      expect('👍🏽'.length).toBe(4);
      expect(charLength('')).toBe(0);
    });
  });

  describe('formatPath', () => {
    it('should write array indexes in brackets and keys with dots, under an optional root', () => {
      expect(formatPath(['entry', 0, 'changes', 1, 'value'])).toBe('entry[0].changes[1].value');
      expect(formatPath([12, 'price'], '$')).toBe('$[12].price');
      expect(formatPath(['branches', 1, 'hours', 'en'], '$')).toBe('$.branches[1].hours.en');
      expect(formatPath([], '$')).toBe('$');
      expect(formatPath([])).toBe('');
      expect(formatPath([0])).toBe('[0]');
    });
  });

  describe('boundedText', () => {
    it('should bound length in code points and trim when asked', () => {
      const five = boundedText({ min: 1, max: 5, trim: true });
      expect(five.parse('  hola  ')).toBe('hola');
      expect(five.parse('😀😀😀😀😀')).toBe('😀😀😀😀😀'); // 10 UTF-16 units, 5 characters
      expect(five.safeParse('😀😀😀😀😀😀').success).toBe(false);
      expect(five.safeParse('   ').success).toBe(false);
      expect(boundedText({ min: 1, max: 5 }).parse(' a ')).toBe(' a ');
    });

    it('should report too_small and too_big with the bound, as zod does for its own checks', () => {
      const text = boundedText({ min: 2, max: 3 });
      const short = text.safeParse('a');
      const long = text.safeParse('abcd');
      expect(short.error?.issues[0]).toMatchObject({ code: 'too_small', origin: 'string', minimum: 2 });
      expect(long.error?.issues[0]).toMatchObject({ code: 'too_big', origin: 'string', maximum: 3 });
      expect(text.safeParse(7).error?.issues[0]).toMatchObject({ code: 'invalid_type', expected: 'string' });
    });
  });

  describe('checkWith', () => {
    const Body = z.strictObject({ name: z.string(), tags: z.array(z.string()).max(2), age: z.int().optional() });

    it('should answer the parsed value when the input is valid', () => {
      expect(checkWith(Body, { name: 'Ana', tags: [] })).toEqual({ ok: true, value: { name: 'Ana', tags: [] } });
    });

    it('should list every problem in order, one per unknown key, worded by the caller', () => {
      const checked = checkWith(Body, { tags: ['a', 1], age: 1.5, x: 1, y: 2 }, {
        wording: (issue) => (issue.code === 'invalid_type' ? (issue.input === undefined ? 'is required' : `must be a ${issue.expected}`) : issue.code === 'unrecognized_keys' ? 'is not allowed' : undefined),
      });
      expect(checked).toEqual({
        ok: false,
        problems: [
          { path: 'name', problem: 'is required' },
          { path: 'tags[1]', problem: 'must be a string' },
          { path: 'age', problem: 'must be a int' },
          { path: 'x', problem: 'is not allowed' },
          { path: 'y', problem: 'is not allowed' },
        ],
      });
    });

    it('should fall back to zod\'s own words where the caller has none', () => {
      const checked = checkWith(Body, { name: 'Ana', tags: ['a', 'b', 'c'] }, { wording: () => undefined });
      expect(checked).toEqual({ ok: false, problems: [{ path: 'tags', problem: 'Too big: expected array to have <=2 items' }] });
    });

    it('should let a message on the schema win over the caller\'s wording', () => {
      const Code = z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 code' });
      const checked = checkWith(Code, 'usd', { wording: () => 'generic', root: '$' });
      expect(checked).toEqual({ ok: false, problems: [{ path: '$', problem: 'expected an ISO 4217 code' }] });
    });

    it('should keep at most `max` problems and honour a custom path writer', () => {
      const Many = z.array(z.string());
      const checked = checkWith(Many, [1, 2, 3, 4], { max: 2, formatPath: (path) => `#/${path.join('/')}` });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.problems.map((p) => p.path)).toEqual(['#/0', '#/1']);
    });
  });

  describe('toProblems', () => {
    it('should put unknown keys first when asked (a misspelt key explains the missing one)', () => {
      const result = z.strictObject({ greeting: z.string() }).safeParse({ greting: 'Hola' });
      expect(toProblems(result.error!.issues).map((p) => p.path)).toEqual(['greeting', 'greting']);
      expect(toProblems(result.error!.issues, { unknownKeysFirst: true }).map((p) => p.path)).toEqual(['greting', 'greeting']);
    });

    it('should report a value of the wrong type once, not also its length (zod checks the length of an array given for a string)', () => {
      const result = z.strictObject({ a: z.string().min(1).max(2), b: z.array(z.unknown()).max(1) }).safeParse({ a: [], b: 'long' });
      expect(result.error!.issues.length).toBeGreaterThan(2);
      expect(toProblems(result.error!.issues).map((p) => p.path)).toEqual(['a', 'b']);
    });

    it('should put an unknown key at its own path under the object that refused it', () => {
      const result = z.object({ inner: z.strictObject({}) }).safeParse({ inner: { a: 1 } });
      expect(toProblems(result.error!.issues, { root: '$' })).toEqual([{ path: '$.inner.a', problem: expect.any(String) }]);
    });
  });

  describe('describeValue', () => {
    it('should describe what was found for messages, cutting long strings', () => {
      expect(describeValue(undefined)).toBe('nothing (missing)');
      expect(describeValue(null)).toBe('null');
      expect(describeValue([1])).toBe('an array');
      expect(describeValue({})).toBe('an object');
      expect(describeValue(12)).toBe('number 12');
      expect(describeValue('mil')).toBe('"mil"');
      expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    });
  });
});
