import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackendClient } from '../../../src/actors/connectors/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { z } from '../../../src/kernel/schema.js';
import { loadHardwareStore, type HardwareStore } from '../../../src/demo-backend/ferreteria.js';
import { loadSeed, type Seed } from '../../../src/demo-backend/seed.js';
import { createDemoBackend, type DemoBackend } from '../../../src/demo-backend/server.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let seed: Seed;
let store: HardwareStore;
let backend: DemoBackend | null = null;

beforeAll(async () => {
  seed = await loadSeed(`${root}/tenants/estudio/backend-seed.json`);
});

afterEach(async () => {
  await backend?.close();
  backend = null;
});

/** Thursday 3 December 2026, 10:00 in Santo Domingo (UTC-4). */
const NOW = Date.parse('2026-12-03T14:00:00Z');

async function start(extra: { token?: string; hmacSecret?: string } = {}) {
  const clock = createManualClock(NOW);
  // A fresh copy of the store's data per test: the stock test changes it.
  store = await loadHardwareStore(`${root}/tenants/ferreteria`);
  backend = createDemoBackend({ seed, store, clock, logger: createSilentLogger(), ...extra });
  const url = await backend.listen();
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as any };
  };
  return { url, clock, call };
}

const customer = (n: number) => ({ phone: `+1809555${String(7000 + n)}`, name: `Cliente ${n}` });

describe('demo booking backend', () => {
  it('should serve the studio in Santo Domingo: services with es/en names and DOP prices, packages, staff', async () => {
    const { call } = await start();
    const services = await call('GET', '/estudio/services');
    expect(services.status).toBe(200);
    expect(services.body.items.length).toBeGreaterThanOrEqual(12);
    expect(services.body.items.find((s: { id: string }) => s.id === 'keratina')).toMatchObject({ name: { es: 'Alisado de keratina', en: 'Keratin smoothing treatment' }, price: 6500 });
    expect((await call('GET', '/estudio/business')).body).toMatchObject({ city: 'Santo Domingo', currency: 'DOP', timeZone: 'America/Santo_Domingo' });
    expect((await call('GET', '/estudio/packages')).body.items.map((p: { id: string }) => p.id)).toContain('dia-de-spa');
    expect((await call('GET', '/estudio/staff')).body.items.length).toBe(6);
  });

  it('should list free slots in local time, none on Sunday, none in the past', async () => {
    const { call } = await start();
    const sat = await call('GET', '/estudio/slots?service=manicure-clasico&date=2026-12-05');
    expect(sat.body.items[0]).toEqual({ slotId: 'yahaira.2026-12-05.08:00', staffId: 'yahaira', date: '2026-12-05', time: '08:00', start: '2026-12-05T12:00:00.000Z', end: '2026-12-05T12:45:00.000Z' });
    // 45 minutes take two 30-minute cells: the last start is 17:00 (closing 18:00).
    expect(sat.body.items.at(-1).time).toBe('17:00');
    expect((await call('GET', '/estudio/slots?service=manicure-clasico&date=2026-12-06')).body.items).toEqual([]);
    const today = (await call('GET', '/estudio/slots?service=manicure-clasico&date=2026-12-03')).body.items;
    expect(today[0].time).toBe('10:30');
    expect((await call('GET', '/estudio/slots?service=nope&date=2026-12-05')).body.error.code).toBe('service_not_found');
    expect((await call('GET', '/estudio/slots?service=cejas&date=5/12/2026')).status).toBe(400);
  });

  it('should let exactly one of many simultaneous bookings of one slot win', async () => {
    const { call } = await start();
    const slotId = 'carlos.2026-12-05.10:00';
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => call('POST', '/estudio/bookings', { serviceId: 'masaje-relajante', slotId, customer: customer(i) })));
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'slot_taken')).toHaveLength(24);
    // The hour is gone for everyone, and a start inside it too (10:30 overlaps 10:00–11:00).
    const free = (await call('GET', '/estudio/slots?service=masaje-relajante&date=2026-12-05&staff=carlos')).body.items.map((s: { time: string }) => s.time);
    expect(free).not.toContain('10:00');
    expect(free).not.toContain('10:30');
    expect(free).toContain('09:00');
    expect(free).toContain('11:00');
    expect((await call('POST', '/estudio/bookings', { serviceId: 'masaje-relajante', slotId: 'carlos.2026-12-05.10:30', customer: customer(99) })).body.error.code).toBe('slot_taken');
  });

  it('should answer a retried booking with the same Idempotency-Key with the same booking', async () => {
    const { call } = await start();
    const body = { serviceId: 'cejas', slotId: 'wendy.2026-12-04.15:00', customer: { phone: '+18095550101' } };
    const first = await call('POST', '/estudio/bookings', body, { 'idempotency-key': 'turn-1' });
    const again = await call('POST', '/estudio/bookings', body, { 'idempotency-key': 'turn-1' });
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    expect((await call('POST', '/estudio/bookings', body, { 'idempotency-key': 'turn-2' })).status).toBe(409);
  });

  it('should report, reschedule and cancel a booking, freeing its slot', async () => {
    const { call, clock } = await start();
    const made = await call('POST', '/estudio/bookings', { serviceId: 'corte-secado', slotId: 'yokasta.2026-12-04.11:00', customer: { phone: '+18295550102' } });
    const id = made.body.id as string;
    expect(made.body).toMatchObject({ status: 'confirmed', paymentStatus: 'unpaid', price: 1500, currency: 'DOP', start: '2026-12-04T15:00:00.000Z' });
    expect((await call('GET', `/estudio/bookings/${id}`)).body.status).toBe('confirmed');
    expect((await call('GET', '/estudio/bookings?customer=%2B18295550102')).body.items.map((b: { id: string }) => b.id)).toEqual([id]);
    const moved = await call('POST', `/estudio/bookings/${id}/reschedule`, { slotId: 'yokasta.2026-12-04.16:00' });
    expect(moved.body).toMatchObject({ id, time: '16:00' });
    const free = (await call('GET', '/estudio/slots?service=corte-secado&date=2026-12-04&staff=yokasta')).body.items.map((s: { time: string }) => s.time);
    expect(free).toContain('11:00');
    expect(free).not.toContain('16:00');
    expect((await call('POST', `/estudio/bookings/${id}/reschedule`, { slotId: 'yokasta.2026-12-06.10:00' })).body.error.code).toBe('slot_invalid');
    // Within the 4 hours before the appointment, cancelling is refused.
    clock.set(Date.parse('2026-12-04T18:30:00Z'));
    expect((await call('POST', `/estudio/bookings/${id}/cancel`)).body.error.code).toBe('too_late_to_cancel');
    clock.set(NOW);
    expect((await call('POST', `/estudio/bookings/${id}/cancel`)).body.status).toBe('cancelled');
    expect((await call('GET', '/estudio/slots?service=corte-secado&date=2026-12-04&staff=yokasta')).body.items.map((s: { time: string }) => s.time)).toContain('16:00');
    expect((await call('GET', '/estudio/bookings/BV-1')).body.error.code).toBe('booking_not_found');
    expect((await call('POST', '/estudio/bookings', { serviceId: 'corte-secado', slotId: 'yokasta.2026-12-03.08:00', customer: customer(1) })).body.error.code).toBe('slot_invalid');
    expect((await call('POST', '/estudio/bookings', { serviceId: 'corte-secado', slotId: 'yokasta.2026-12-04.11:00', customer: { phone: '+18095559999' } })).body.error.code).toBe('customer_name_required');
  });

  it('should keep the stylist a booking asked for while a move stays with her, and let her go when moved to someone else', async () => {
    const { call } = await start();
    const asked = await call('POST', '/estudio/bookings', { serviceId: 'corte-secado', slotId: 'yokasta.2026-12-04.11:00', staff: 'yokasta', customer: { phone: '+18295550102' } });
    expect(asked.body.chosenStaffId).toBe('yokasta');
    const team = await call('POST', '/estudio/bookings', { serviceId: 'corte-secado', slotId: 'yokasta.2026-12-04.14:00', staff: '', customer: { phone: '+18295550102' } });
    expect(team.body.chosenStaffId).toBeUndefined();
    expect((await call('POST', `/estudio/bookings/${asked.body.id}/reschedule`, { slotId: 'yokasta.2026-12-05.10:00', staff: 'yokasta' })).body.chosenStaffId).toBe('yokasta');
    expect((await call('POST', `/estudio/bookings/${asked.body.id}/reschedule`, { slotId: 'rosanna.2026-12-05.12:00', staff: '' })).body.chosenStaffId).toBeUndefined();
    expect((await call('POST', `/estudio/bookings/${team.body.id}/reschedule`, { slotId: 'rosanna.2026-12-05.15:00', staff: 'rosanna' })).body.chosenStaffId).toBe('rosanna');
  });

  it('should create a payment link through the provider port, the same link when asked twice, and record the purchase when paid', async () => {
    const { call, url } = await start();
    const booking = (await call('POST', '/estudio/bookings', { serviceId: 'facial-hidratante', slotId: 'wendy.2026-12-05.09:00', customer: { phone: '+18495550103' } })).body;
    const link = await call('POST', '/estudio/payments', { bookingId: booking.id });
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ status: 'pending', amount: 2800, currency: 'DOP', provider: 'fake', bookingId: booking.id });
    expect(link.body.url).toMatch(new RegExp(`^${url}/pay/fk_`));
    expect((await call('POST', '/estudio/payments', { bookingId: booking.id })).body.id).toBe(link.body.id);
    const page = await call('GET', new URL(link.body.url).pathname);
    expect(page.body).toContain('RD$');
    expect(page.body).not.toMatch(/card.?number|n[uú]mero de tarjeta|cvv/i);
    const paid = await fetch(link.body.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=paid' });
    expect(((await paid.json()) as { status: string }).status).toBe('paid');
    expect((await call('GET', `/estudio/payments/${link.body.id}`)).body.status).toBe('paid');
    expect((await call('GET', `/estudio/bookings/${booking.id}`)).body.paymentStatus).toBe('paid');
    expect((await call('POST', '/estudio/payments', { bookingId: booking.id })).body.error.code).toBe('already_paid');
    const history = (await call('GET', '/estudio/customers/+18495550103/history')).body;
    expect(history.purchases[0]).toMatchObject({ kind: 'service', itemId: 'facial-hidratante', amount: 2800, date: '2026-12-03' });
    expect(history.bookings.map((b: { id: string }) => b.id)).toEqual([booking.id]);
    const pkg = await call('POST', '/estudio/payments', { packageId: 'dia-de-spa', customerPhone: '+18095550101' });
    expect(pkg.body).toMatchObject({ amount: 6400, packageId: 'dia-de-spa' });
  });

  it('should read and update a customer profile, refusing bad fields', async () => {
    const { call } = await start();
    expect((await call('GET', '/estudio/customers/+18095550101')).body).toMatchObject({ name: 'María Fernanda Rosario', preferredLang: 'es' });
    expect((await call('PATCH', '/estudio/customers/+18095550101', { email: 'maria@example.com', preferredLang: 'en' })).body).toMatchObject({ email: 'maria@example.com', preferredLang: 'en' });
    const bad = await call('PATCH', '/estudio/customers/+18095550101', { email: 'not-an-email', role: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation');
    expect((await call('PATCH', '/estudio/customers/+18095550101', '{oops')).body.error.code).toBe('invalid_json');
    expect((await call('GET', '/estudio/customers/+18000000000')).status).toBe(404);
    expect((await call('GET', '/estudio/customers/+18095550101/history')).body.purchases.map((p: { id: string }) => p.id)).toEqual(['P-1003', 'P-1002', 'P-1001']);
  });

  it('should serve the hardware store live stock and accounts, with stock changed while it runs', async () => {
    const { call } = await start();
    const sku = store.stock()[0]!.sku;
    expect((await call('PUT', `/ferreteria/stock/${sku}`, { stock: 0 })).body).toEqual({ sku, stock: 0 });
    expect((await call('GET', `/ferreteria/stock?sku=${sku}`)).body).toEqual({ items: [{ sku, stock: 0 }] });
    expect((await call('GET', '/ferreteria/accounts/12345')).body).toMatchObject({ number: '12345', standing: 'al_dia' });
    expect((await call('GET', '/ferreteria/accounts/99999')).status).toBe(404);
    expect((await call('PUT', '/ferreteria/stock/NOPE', { stock: 1 })).status).toBe(404);
  });

  it('should refuse calls without the bearer token, and accept the connector\'s HMAC signature', async () => {
    const withToken = await start({ token: 'demo-token' });
    expect((await withToken.call('GET', '/estudio/services')).status).toBe(401);
    expect((await withToken.call('GET', '/estudio/services', undefined, { authorization: 'Bearer demo-token' })).status).toBe(200);
    await backend!.close();
    const signed = await start({ hmacSecret: 'a-long-demo-secret' });
    expect((await signed.call('GET', '/ferreteria/stock')).status).toBe(401);
    const STOCK = z.object({ items: z.array(z.object({ sku: z.string(), stock: z.number() })) });
    const client = (secret: string) => createBackendClient({ tenantId: 'ferreteria', backend: 'business', baseUrl: `${signed.url}/ferreteria`, auth: { type: 'hmac', secret }, clock: signed.clock, logger: createSilentLogger() });
    expect((await client('a-long-demo-secret').request({ method: 'GET', path: '/stock', query: { sku: 'CEM-001' }, schema: STOCK })).items).toHaveLength(1);
    const refused = await client('wrong').request({ method: 'GET', path: '/stock', schema: STOCK }).catch((e: unknown) => e);
    expect(isHiloError(refused, 'HILO_ERR_BACKEND_REJECTED')).toBe(true);
  });
});
