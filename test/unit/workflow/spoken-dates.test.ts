import { describe, expect, it } from 'vitest';
import { spokenDate, spokenInstant, spokenTime, spokenValue } from '../../../src/machines/workflow/spoken-dates.js';

const TZ = 'America/Santo_Domingo';

describe('spoken dates', () => {
  it('should say a calendar date as a clerk would, in Spanish and English', () => {
    expect(spokenDate('2026-12-04', 'es')).toBe('viernes 4 de diciembre');
    expect(spokenDate('2026-12-04', 'en')).toBe('Friday, December 4');
    expect(spokenDate('2027-01-06', 'es')).toBe('miércoles 6 de enero');
    expect(spokenDate('2026-02-30', 'es')).toBeNull();
    expect(spokenDate('4 de diciembre', 'es')).toBeNull();
  });

  it('should say a time of day on a 12-hour clock', () => {
    expect(spokenTime('15:00', 'es')).toBe('3:00 p. m.');
    expect(spokenTime('15:00', 'en')).toBe('3:00 PM');
    expect(spokenTime('09:30', 'es')).toBe('9:30 a. m.');
    expect(spokenTime('00:15', 'en')).toBe('12:15 AM');
    expect(spokenTime('12:00', 'es')).toBe('12:00 p. m.');
    expect(spokenTime('24:00', 'es')).toBeNull();
  });

  it('should say an instant in the tenant\'s time zone, not in UTC', () => {
    // 19:00 UTC is 15:00 in Santo Domingo (UTC-4, no daylight saving).
    expect(spokenInstant('2026-12-04T19:00:00.000Z', 'es', TZ)).toBe('viernes 4 de diciembre a las 3:00 p. m.');
    expect(spokenInstant('2026-12-04T19:00:00.000Z', 'en', TZ)).toBe('Friday, December 4 at 3:00 PM');
    // 02:30 UTC on the 5th is still the evening of the 4th there.
    expect(spokenInstant('2026-12-05T02:30:00Z', 'es', TZ)).toBe('viernes 4 de diciembre a las 10:30 p. m.');
    expect(spokenInstant('2026-12-04T19:00:00', 'es', TZ)).toBeNull();
  });

  it('should leave anything that is no date or time as it is', () => {
    for (const v of ['BV-1001', '+18095550188', '1500', 'Corte y secado', '10:00, 11:30', '']) expect(spokenValue(v, 'es', TZ)).toBe(v);
    expect(spokenValue('2026-12-04', 'es', TZ)).toBe('viernes 4 de diciembre');
    expect(spokenValue('15:00', 'en', TZ)).toBe('3:00 PM');
  });
});
