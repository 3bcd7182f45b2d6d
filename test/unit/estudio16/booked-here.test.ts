import { describe, expect, it } from 'vitest';
import { estudioWorkflows, NOW, settleRun, TZ, type StudioBackend } from '../workflow/studio-harness.js';
import { startRun } from '../../../src/machines/workflow/index.js';
import { recordsShown, trustAfterBooking } from '../../../src/machines/phone-trust.js';
import { customerPhone } from '../../../src/actors/tools/studio-phone.js';

/**
 * docs/workflows-trust.md: a web visitor who booked here with a number may act on the bookings made
 * here, never on that number's others; the channel's phone (or one proven by a code) reaches all.
 */

const spec = (id: string) => estudioWorkflows().workflows.find((w) => w.id === id)!;
const PHONE = '+18095550101';
const booking = (id: string, date: string) => ({ id, serviceId: 'manicure', date, time: '10:00', status: 'confirmed' });
/** The number has two bookings: BV-1001 made elsewhere (another day, another device), BV-1002 made here. */
const backend: StudioBackend = (path) => (path === '/bookings' ? { items: [booking('BV-1001', '2026-12-04'), booking('BV-1002', '2026-12-05')] } : { items: [] });
const ctx = { text: 'quiero cancelar mi cita', nowMs: NOW, timeZone: TZ, lang: 'es' as const };

describe('bookings made in this conversation', () => {
  it('should list only the booking made here when the number is known by it', () => {
    const { run } = settleRun(startRun(spec('cancelar_cita'), { ...ctx, known: { phone: PHONE, only: ['BV-1002'] } }), backend);
    expect(run.values.phone).toBe(PHONE);
    expect(run.options.booking!.items.map((i) => i.value)).toEqual(['BV-1002']);
    // A list of one answers the question by itself.
    expect(run.values.booking).toBe('BV-1002');
  });

  it('should list every booking of a number the channel vouches for', () => {
    const { run } = settleRun(startRun(spec('reprogramar'), { ...ctx, text: 'quiero mover mi cita', known: { phone: PHONE } }), backend);
    expect(run.options.booking!.items.map((i) => i.value)).toEqual(['BV-1001', 'BV-1002']);
  });

  it('should take neither a typed nor a remembered phone when nothing is known', () => {
    const run = startRun(spec('cancelar_cita'), { ...ctx, text: 'cancelar mi cita, mi numero es 809 555 0101', contact: { phone: PHONE }, known: null });
    expect(run.values.phone).toBeUndefined();
  });

  it('should not let a booking made here change the number\'s profile', () => {
    const run = startRun(spec('actualizar_perfil'), { ...ctx, text: 'quiero cambiar mi correo', known: { phone: PHONE, only: ['BV-1002'] } });
    expect(run.values.phone).toBeUndefined();
    expect(startRun(spec('actualizar_perfil'), { ...ctx, text: 'quiero cambiar mi correo', known: { phone: PHONE } }).values.phone).toBe(PHONE);
  });

  it('should learn the booking made here, and only add to the same number', () => {
    const run = { ...startRun(spec('agendar_cita'), { ...ctx, text: 'quiero cita' }), values: { phone: PHONE } };
    const first = trustAfterBooking(null, run, { id: 'BV-1002' });
    expect(first).toEqual({ phone: PHONE, only: ['BV-1002'] });
    expect(trustAfterBooking(first, run, { id: 'BV-1003' })).toEqual({ phone: PHONE, only: ['BV-1002', 'BV-1003'] });
    expect(trustAfterBooking(first, { ...run, values: { phone: '+18295551234' } }, { id: 'BV-1004' })).toEqual({ phone: '+18295551234', only: ['BV-1004'] });
    // The WhatsApp number writing stays the one known after booking for someone else.
    expect(trustAfterBooking({ phone: '+18095557788' }, run, { id: 'BV-1002' })).toBeUndefined();
    // A snapshot from before trust was kept is left as it was.
    expect(trustAfterBooking(undefined, run, { id: 'BV-1002' })).toBeUndefined();
    expect(recordsShown(first, PHONE)).toEqual(['BV-1002']);
    expect(recordsShown({ phone: PHONE }, PHONE)).toBeNull();
  });

  it('should read the informational answers by the same trust', () => {
    expect(customerPhone('+18095557788', { phoneTrust: null })).toEqual({ phone: '+18095557788', only: null });
    expect(customerPhone(null, { phoneTrust: null, contact: { phone: PHONE } })).toBeNull();
    expect(customerPhone(null, { phoneTrust: { phone: PHONE, only: ['BV-1002'] } })).toEqual({ phone: PHONE, only: ['BV-1002'] });
    expect(customerPhone(null, { contact: { phone: PHONE } })).toEqual({ phone: PHONE, only: null });
  });
});
