import { afterEach, describe, expect, it } from 'vitest';
import { extractDate, matchOption } from '../../../src/machines/workflow/slot-extractors.js';
import type { OptionItem } from '../../../src/machines/workflow/run-types.js';

const items: OptionItem[] = [
  { value: 'corte', label: 'Corte' },
  { value: 'corte-secado', label: 'Corte y secado' },
  { value: 'manicure-clasico', label: 'Manicure clásico', aliases: ['manicure', 'manos'] },
  { value: 'rayitos', label: 'Rayitos' },
  { value: 'cejas', label: 'Diseño de cejas', aliases: ['cejas'] },
] as OptionItem[];

const RealRegExp = globalThis.RegExp;
let built = 0;
/** Counts `new RegExp(...)` (literals are compiled with the module, not here). */
function countRegExps(): void {
  built = 0;
  globalThis.RegExp = new Proxy(RealRegExp, {
    construct(target, args: [string, string?]) {
      built++;
      return Reflect.construct(target, args) as object;
    },
  });
}

/**
 * The studio's option reader (harden17's backlog): `matchOption` built a RegExp for every name of
 * every option on every call, and it runs for every piece of a message. Each name's pattern is
 * now compiled once; the weekdays' patterns with the module.
 */
describe('matchOption and extractDate compile their patterns once (harden18)', () => {
  afterEach(() => {
    globalThis.RegExp = RealRegExp;
  });

  it('should build no RegExp on a second reading of the same options', () => {
    expect(matchOption('quiero el rayito', items)).toBe(3);
    countRegExps();
    for (let i = 0; i < 50; i++) {
      expect(matchOption('quiero el rayito', items)).toBe(3);
      expect(matchOption('corte y secado por favor', items)).toBe(1);
      expect(matchOption('unas cejas', items)).toBe(4);
      expect(matchOption('nada de eso', items)).toBeNull();
    }
    expect(built).toBe(0);
  });

  it('should read weekdays without building a RegExp per call', () => {
    // Monday 7 December 2026, noon in Santo Domingo.
    const now = Date.parse('2026-12-07T16:00:00.000Z');
    countRegExps();
    expect(extractDate('el viernes', now, 'America/Santo_Domingo')).toBe('2026-12-11');
    expect(extractDate('next monday', now, 'America/Santo_Domingo', 'en')).toBe('2026-12-14');
    expect(built).toBe(0);
  });

  it('should still match names that need escaping and plurals said in the singular', () => {
    const odd: OptionItem[] = [{ value: 'a+b', label: 'Uñas (gel)' }, { value: 'c', label: 'Mechas.' }] as OptionItem[];
    expect(matchOption('las uñas (gel) por favor', odd)).toBe(0);
    expect(matchOption('unas mechas. ok', odd)).toBe(1);
    expect(matchOption('un rayito', items)).toBe(3);
  });
});
