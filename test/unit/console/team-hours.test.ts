import { describe, expect, it } from 'vitest';
import { afterHoursNotice } from '../../../src/actors/console/after-hours.js';
import { describeOpening, describeTeamHours, serviceStart, teamWindow, type TeamHours } from '../../../src/domain/team-hours.js';
import { STORE, TENANT_SETTINGS } from '../../../src/persistence/tenant-schemas.js';

const SD = 'America/Santo_Domingo'; // UTC-4 all year (no DST)
const nine = { open: '08:00', close: '18:00' };
/** Monday to Friday 8–18, Saturday 8–14, Sunday closed, Christmas closed. */
const HOURS: TeamHours = {
  weekly: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: { open: '08:00', close: '14:00' }, sun: null },
  closedDates: ['2026-12-25'],
};
/** A local Santo Domingo wall time as an instant. */
const sd = (isoLocal: string) => Date.parse(`${isoLocal}-04:00`);
const closedUntil = (at: number, hours = HOURS, tz = SD) => {
  const w = teamWindow(hours, tz, at);
  return w.open ? null : new Date(w.opensAt).toISOString();
};

describe('team hours: the next opening in the tenant time zone', () => {
  it('should be open just before closing and closed at the closing minute, opening the next morning', () => {
    expect(teamWindow(HOURS, SD, sd('2026-12-03T17:59'))).toEqual({ open: true, closesAt: sd('2026-12-03T18:00') });
    expect(closedUntil(sd('2026-12-03T18:00'))).toBe('2026-12-04T12:00:00.000Z');
    expect(describeOpening(sd('2026-12-04T08:00'), sd('2026-12-03T18:00'), SD, 'es')).toBe('mañana a partir de las 8:00');
    expect(describeOpening(sd('2026-12-04T08:00'), sd('2026-12-03T18:00'), SD, 'en')).toBe('tomorrow from 8:00');
  });

  it('should send a Saturday afternoon and a Sunday to Monday morning', () => {
    expect(teamWindow(HOURS, SD, sd('2026-12-05T13:30')).open).toBe(true);
    expect(closedUntil(sd('2026-12-05T15:00'))).toBe('2026-12-07T12:00:00.000Z');
    expect(closedUntil(sd('2026-12-06T10:00'))).toBe('2026-12-07T12:00:00.000Z');
    expect(describeOpening(sd('2026-12-07T08:00'), sd('2026-12-05T15:00'), SD, 'es')).toBe('el lunes a partir de las 8:00');
    expect(describeOpening(sd('2026-12-07T08:00'), sd('2026-12-06T10:00'), SD, 'en')).toBe('tomorrow from 8:00');
  });

  it('should read midnight and the small hours by the local date, not the UTC one', () => {
    // 23:59 Thursday in Santo Domingo is already Friday in UTC: the opening is still "tomorrow".
    expect(closedUntil(sd('2026-12-03T23:59'))).toBe('2026-12-04T12:00:00.000Z');
    expect(describeOpening(sd('2026-12-04T08:00'), sd('2026-12-03T23:59'), SD, 'es')).toBe('mañana a partir de las 8:00');
    expect(closedUntil(sd('2026-12-04T00:00'))).toBe('2026-12-04T12:00:00.000Z');
    expect(describeOpening(sd('2026-12-04T08:00'), sd('2026-12-04T00:00'), SD, 'es')).toBe('hoy a partir de las 8:00');
    expect(teamWindow(HOURS, SD, sd('2026-12-04T08:00')).open).toBe(true);
  });

  it('should skip closed dates and name a date a week or more away', () => {
    expect(closedUntil(sd('2026-12-24T19:00'))).toBe('2026-12-26T12:00:00.000Z');
    expect(describeOpening(sd('2026-12-26T08:00'), sd('2026-12-24T19:00'), SD, 'es')).toBe('el sábado a partir de las 8:00');
    const long: TeamHours = { ...HOURS, closedDates: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'] };
    expect(closedUntil(sd('2026-12-26T15:00'), long)).toBe('2027-01-04T12:00:00.000Z');
    expect(describeOpening(sd('2027-01-04T08:00'), sd('2026-12-26T15:00'), SD, 'es')).toBe('el lunes 4 de enero a partir de las 8:00');
    expect(describeOpening(sd('2027-01-04T08:00'), sd('2026-12-26T15:00'), SD, 'en')).toBe('on Monday, January 4 from 8:00');
  });

  it('should keep the same UTC opening all year in a zone without DST, and follow DST where there is one', () => {
    expect(closedUntil(sd('2027-01-13T20:00'))).toBe('2027-01-14T12:00:00.000Z');
    expect(closedUntil(sd('2027-07-14T20:00'))).toBe('2027-07-15T12:00:00.000Z');
    // New York springs forward on Sunday 2027-03-14: Monday's 8:00 is 12:00Z, Friday's was 13:00Z.
    const NY = 'America/New_York';
    expect(closedUntil(Date.parse('2027-03-12T00:00:00Z'), HOURS, NY)).toBe('2027-03-12T13:00:00.000Z');
    expect(closedUntil(Date.parse('2027-03-13T22:00:00Z'), HOURS, NY)).toBe('2027-03-15T12:00:00.000Z');
  });

  it('should start an SLA at the opening time when the ticket opened while the team was away', () => {
    expect(serviceStart(HOURS, SD, sd('2026-12-03T10:00'))).toBe(sd('2026-12-03T10:00'));
    expect(serviceStart(HOURS, SD, sd('2026-12-05T15:00'))).toBe(sd('2026-12-07T08:00'));
    expect(serviceStart(undefined, SD, 42)).toBe(42);
  });

  it('should say the weekly hours in both languages, grouping equal days', () => {
    expect(describeTeamHours(HOURS, 'es')).toBe('de lunes a viernes 8:00–18:00; los sábados 8:00–14:00');
    expect(describeTeamHours(HOURS, 'en')).toBe('Monday to Friday 8:00–18:00; Saturdays 8:00–14:00');
    const six: TeamHours = { weekly: { ...HOURS.weekly, sat: nine } };
    expect(describeTeamHours(six, 'es')).toBe('de lunes a sábado 8:00–18:00');
  });
});

describe('tenant settings: console service rules', () => {
  const base = { id: 't', displayName: 'T', defaultLang: 'es', timeZone: SD, currency: 'DOP' };
  it('should accept an SLA from one second to a day, and refuse zero, negatives, fractions and more than a day', () => {
    expect(TENANT_SETTINGS.safeParse({ ...base, console: { slaSeconds: 120 } }).success).toBe(true);
    expect(TENANT_SETTINGS.safeParse({ ...base, console: { slaSeconds: 86_400 } }).success).toBe(true);
    for (const bad of [0, -5, 1.5, 86_401, '120']) expect(TENANT_SETTINGS.safeParse({ ...base, console: { slaSeconds: bad } }).success, String(bad)).toBe(false);
    expect(TENANT_SETTINGS.safeParse({ ...base, console: { sla: 120 } }).success).toBe(false);
  });

  it('should refuse team hours that close before they open, unknown days, bad times and a week without hours', () => {
    const store = { name: 'S', city: 'C', branches: [{ name: 'b', address: 'a', phone: '1', hours: { es: 'x', en: 'x' } }], deliveryZones: [], paymentMethods: { es: ['x'], en: ['x'] }, phone: '1', whatsapp: '1', email: 'a@b.co' };
    const week = (day: unknown) => ({ mon: day, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null });
    expect(STORE.safeParse({ ...store, teamHours: { weekly: week({ open: '08:00', close: '24:00' }), closedDates: ['2026-12-25'] } }).success).toBe(true);
    expect(STORE.safeParse({ ...store, teamHours: { weekly: week({ open: '18:00', close: '08:00' }) } }).success).toBe(false);
    expect(STORE.safeParse({ ...store, teamHours: { weekly: week({ open: '8:00', close: '18:00' }) } }).success).toBe(false);
    expect(STORE.safeParse({ ...store, teamHours: { weekly: week(null) } }).success).toBe(false);
    expect(STORE.safeParse({ ...store, teamHours: { weekly: { ...week(nine), sunday: null } } }).success).toBe(false);
    expect(STORE.safeParse({ ...store, teamHours: { weekly: week(nine), closedDates: ['25/12'] } }).success).toBe(false);
  });
});

describe('after-hours notice', () => {
  const data = (templates: Record<'es' | 'en', Record<string, string>>, teamHours: TeamHours | null = HOURS) =>
    ({ store: teamHours ? { teamHours } : {}, settings: { timeZone: SD }, templates }) as unknown as Parameters<typeof afterHoursNotice>[1];
  const saturdayNight = sd('2026-12-05T19:00');

  it("should follow a handoff reply while the team is away, with the tenant's template and its params", () => {
    const notice = afterHoursNotice('handoff.ticket.customer_request', data({ es: { 'handoff.after_hours': '{hours} / {when}' }, en: {} }), 'es', saturdayNight);
    expect(notice).toEqual({ template: 'handoff.after_hours', params: { hours: 'de lunes a viernes 8:00–18:00; los sábados 8:00–14:00', when: 'el lunes a partir de las 8:00' } });
  });

  it('should say nothing within hours, without teamHours, or after an agent took the conversation over', () => {
    const d = data({ es: { 'handoff.after_hours': 'x' }, en: {} });
    expect(afterHoursNotice('handoff.ticket.customer_request', d, 'es', sd('2026-12-04T10:00'))).toBeNull();
    expect(afterHoursNotice('handoff.ticket.customer_request', data({ es: {}, en: {} }, null), 'es', saturdayNight)).toBeNull();
    expect(afterHoursNotice('handoff.ticket.agent_takeover', d, 'es', saturdayNight)).toBeNull();
    expect(afterHoursNotice('handoff.resolved', d, 'es', saturdayNight)).toBeNull();
  });

  it('should fall back to a built-in text in the customer language when the tenant has no template', () => {
    const notice = afterHoursNotice('handoff.ticket.critical', data({ es: {}, en: {} }), 'en', saturdayNight);
    expect(notice).toEqual({ text: 'Our team is not available right now: we answer Monday to Friday 8:00–18:00; Saturdays 8:00–14:00. A person will reply on Monday from 8:00.' });
  });
});
