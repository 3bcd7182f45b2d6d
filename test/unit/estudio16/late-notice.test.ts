import { describe, expect, it } from 'vitest';
import { answerLateNotice, type LateNoticeInput } from '../../../src/actors/tools/studio-late.js';
import type { BackendClient } from '../../../src/actors/connectors/backend-client.js';
import { tellsRunningLate } from '../../../src/machines/running-late.js';
import { estudioWorkflows } from '../workflow/studio-harness.js';

/** "Voy tarde" at the studio: the day and the book are looked at before a person is told (`studio-late.ts`). */

const TZ = 'America/Santo_Domingo';
const THURSDAY = Date.parse('2026-12-03T15:00:00Z');
const SUNDAY = Date.parse('2026-12-06T14:00:00Z');
const hours = estudioWorkflows().openingHours;
const booking = (id: string, date: string, status = 'confirmed') => ({ id, serviceId: 'manicure', date, time: '12:00', start: `${date}T16:00:00.000Z`, status, paymentStatus: 'unpaid' });
const clientWith = (items: unknown[]): BackendClient => ({ request: async () => ({ items }) }) as unknown as BackendClient;
const failing = { request: async () => Promise.reject(new Error('down')) } as unknown as BackendClient;
const input = (over: Partial<LateNoticeInput>): LateNoticeInput => ({ now: THURSDAY, timeZone: TZ, lang: 'es', hours, phone: { phone: '+18095557788', only: null }, client: clientWith([]), ...over });

describe('a late customer at the studio', () => {
  it('should read the everyday ways of saying it', () => {
    for (const text of ['voy tarde', 'llego 10 minutos tarde', 'se me hizo tarde', "I'm running late", "I'll be 10 minutes late"]) expect(tellsRunningLate(text)).toBe(true);
    expect(tellsRunningLate('tienen cita en la tarde?')).toBe(false);
  });

  it('should say the studio is closed today, with the next opening, whoever writes', async () => {
    const replies = await answerLateNotice(input({ now: SUNDAY, phone: null, client: null }));
    expect(replies).toEqual([{ template: 'studio.late.closed', params: { day: 'domingo 6 de diciembre', next: 'lunes 7 de diciembre', opens: '9:00 a. m.' } }]);
  });

  it('should say there is no booking today, and name the next one', async () => {
    expect(await answerLateNotice(input({}))).toEqual([{ template: 'studio.late.none', params: { day: 'jueves 3 de diciembre' } }]);
    const [next] = await answerLateNotice(input({ client: clientWith([booking('BV-1001', '2026-12-05'), booking('BV-1000', '2026-12-03', 'cancelled')]) }));
    expect(next).toMatchObject({ template: 'studio.late.next', params: { id: 'BV-1001' } });
  });

  it('should leave a booking today to a person (the stylist is told)', async () => {
    expect(await answerLateNotice(input({ client: clientWith([booking('BV-1001', '2026-12-03')]) }))).toEqual([]);
  });

  it('should look only at the bookings made here when that is all the number is known by', async () => {
    const client = clientWith([booking('BV-1001', '2026-12-03'), booking('BV-1002', '2026-12-05')]);
    const [reply] = await answerLateNotice(input({ client, phone: { phone: '+18095550101', only: ['BV-1002'] } }));
    expect(reply).toMatchObject({ template: 'studio.late.next', params: { id: 'BV-1002' } });
  });

  it('should leave it to a person when nobody is known or the backend does not answer', async () => {
    expect(await answerLateNotice(input({ phone: null }))).toEqual([]);
    expect(await answerLateNotice(input({ client: failing }))).toEqual([]);
  });
});
