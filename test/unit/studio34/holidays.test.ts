import { describe, expect, it } from 'vitest';
import { closedOn, nearestOpenDays } from '../../../src/machines/workflow/closed-days.js';
import { holidayReply } from '../../../src/actors/tools/studio-hours.js';

const WEEK = {
  mon: { open: '09:00', close: '19:00' },
  tue: { open: '09:00', close: '19:00' },
  wed: { open: '09:00', close: '19:00' },
  thu: { open: '09:00', close: '20:00' },
  fri: { open: '09:00', close: '20:00' },
  sat: { open: '08:00', close: '18:00' },
  sun: null,
};
/** Thursday 3 December 2026, 11:00 in Santo Domingo. */
const NOW = Date.parse('2026-12-03T15:00:00Z');
const TZ = 'America/Santo_Domingo';

describe('holidays (closedDates)', () => {
  it('should close a yearly MM-DD and a one-off YYYY-MM-DD, and skip them for the nearest open days', () => {
    expect(closedOn(WEEK, '2026-12-25', ['12-25'])).toBe(true);
    expect(closedOn(WEEK, '2027-12-25', ['12-25'])).toBe(true);
    expect(closedOn(WEEK, '2026-12-24', ['12-25', '2026-12-31'])).toBe(false);
    expect(closedOn(WEEK, '2026-12-31', ['2026-12-31'])).toBe(true);
    expect(closedOn(WEEK, '2026-12-25')).toBe(false);
    expect(nearestOpenDays(WEEK, '2026-12-25', '2026-12-03', ['12-25', '12-26'])).toEqual(['2026-12-24', '2026-12-28']);
  });

  it('should say a holiday asked about is closed, with the next open day, and leave any other day alone', () => {
    const r = holidayReply(WEEK, ['12-25'], { text: 'abren el 25 de diciembre?', now: NOW, timeZone: TZ, lang: 'es' });
    expect(r).toEqual({ template: 'studio.hours.holiday', params: { day: 'viernes 25 de diciembre', next: 'sábado 26 de diciembre', opens: '8:00 a. m.' } });
    expect(holidayReply(WEEK, ['12-25'], { text: 'abren el 24 de diciembre?', now: NOW, timeZone: TZ, lang: 'es' })).toBeNull();
    expect(holidayReply(WEEK, [], { text: 'abren el 25 de diciembre?', now: NOW, timeZone: TZ, lang: 'es' })).toBeNull();
  });
});

describe("a date's hours", () => {
  it('should answer a day of a month asked with that date and its weekday hours, or closed', async () => {
    const { dayHoursReply } = await import('../../../src/actors/tools/studio-hours.js');
    const ask = (text: string, lang: 'es' | 'en' = 'es') => dayHoursReply(WEEK, { text, now: NOW, timeZone: TZ, lang }, 'Piantini');
    expect(ask('el 31 de diciembre abren?')).toMatchObject({ template: 'studio.hours.day', params: { day: 'jueves 31 de diciembre', open: '9:00 a. m.', close: '8:00 p. m.' } });
    expect(ask('what are your hours on december 31?', 'en')).toMatchObject({ params: { day: 'Thursday, December 31' } });
    expect(ask('abren el 27 de diciembre?')).toMatchObject({ template: 'studio.hours.closed_day', params: { day: 'domingo 27 de diciembre' } });
    expect(ask('abren el sabado?')).toMatchObject({ params: { day: 'sábado' } });
  });
});
