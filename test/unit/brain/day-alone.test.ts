import { describe, expect, it } from 'vitest';
import { namesOnlyADay } from '../../../src/actors/brain/rule/store-questions.js';
import { askedDay } from '../../../src/actors/tools/opening-days.js';

const TZ = 'America/Santo_Domingo';
/** Sunday 22 November 2026, 10:00 in La Romana. */
const SUNDAY_22 = Date.UTC(2026, 10, 22, 14, 0);

describe('a day alone as the whole message (the store hours that day)', () => {
  it('reads a date, a weekday, tomorrow or a holiday said alone, es and en', () => {
    for (const text of ['¿y el 31?', 'y el 24?', '¿y el domingo?', 'y mañana?', 'y pasado mañana?', '¿y el 1 de enero?', 'el 31 de diciembre?', 'y pa navidad?', 'and on the 31st?', 'what about christmas?', 'and tomorrow?', 'december 24th?']) {
      expect(namesOnlyADay(text), text).toBe(true);
    }
  });

  it('never reads a count, a size, a product or a question with more in it as a day', () => {
    for (const text of ['y 2?', '¿y 31?', 'y el de 2?', 'el de 1/2', 'y el cemento?', 'el 2 de 3/4', 'quiero 31 sacos', 'a que hora abren el domingo?', 'el domingo te llamo para pedir cemento']) {
      expect(namesOnlyADay(text), text).toBe(false);
    }
  });

  it('takes a day of the month already past as next month\'s, never next year\'s', () => {
    expect(askedDay('y el 2?', SUNDAY_22, TZ)).toMatchObject({ kind: 'date', date: { year: 2026, month: 12, day: 2 } });
    expect(askedDay('y el 31?', SUNDAY_22, TZ)).toMatchObject({ kind: 'date', date: { year: 2026, month: 12, day: 31 } });
    expect(askedDay('y el 24?', SUNDAY_22, TZ)).toMatchObject({ kind: 'date', date: { year: 2026, month: 11, day: 24 } });
    expect(askedDay('y el 22?', SUNDAY_22, TZ)).toMatchObject({ kind: 'date', relative: 'today' });
  });
});
