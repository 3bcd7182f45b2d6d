import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { DEFAULT_BOOKING_HORIZON_DAYS, loadSeed, parseSeed, type Seed } from '../../../src/demo-backend/seed.js';
import { createDemoBackend, type DemoBackend } from '../../../src/demo-backend/server.js';
import { checkWorkflowSet } from '../../../src/domain/workflow-spec.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let seed: Seed;
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

async function start(withSeed: Seed) {
  backend = createDemoBackend({ seed: withSeed, clock: createManualClock(NOW), logger: createSilentLogger() });
  const url = await backend.listen();
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, { method, headers: body !== undefined ? { 'content-type': 'application/json' } : {}, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, body: (await res.json()) as any };
  };
}

const withHorizon = (days: number): Seed => ({ ...seed, business: { ...seed.business, bookingHorizonDays: days } });

describe('the studio backend booking horizon', () => {
  it('should refuse free times for the year 9999 with 400 date_too_far, naming the horizon and the last day', async () => {
    const call = await start(seed);
    const far = await call('GET', '/estudio/slots?service=corte-secado&date=9999-12-10');
    expect(far.status).toBe(400);
    expect(far.body.error.code).toBe('date_too_far');
    expect(far.body.error.message).toContain(`${seed.business.bookingHorizonDays} days`);
  });

  it('should list the last bookable day and refuse the day after it (horizon 30: 2027-01-02 / 2027-01-04)', async () => {
    const call = await start(withHorizon(30));
    // 3 December + 30 days = Saturday 2 January 2027; the 3rd is a Sunday (closed), the 4th a Monday.
    const last = await call('GET', '/estudio/slots?service=corte-secado&date=2027-01-02');
    expect(last.status).toBe(200);
    expect(last.body.items.length).toBeGreaterThan(0);
    const after = await call('GET', '/estudio/slots?service=corte-secado&date=2027-01-04');
    expect(after.status).toBe(400);
    expect(after.body.error).toMatchObject({ code: 'date_too_far', message: expect.stringContaining('2027-01-02') });
  });

  it('should refuse a booking past the horizon with 422 slot_too_far and keep one inside it', async () => {
    const call = await start(withHorizon(30));
    const customer = { phone: '+18095557101', name: 'Cliente Lejos' };
    const far = await call('POST', '/estudio/bookings', { serviceId: 'corte-secado', slotId: 'yokasta.9999-12-10.10:00', customer });
    expect(far.status).toBe(422);
    expect(far.body.error.code).toBe('slot_too_far');
    const monday = await call('POST', '/estudio/bookings', { serviceId: 'corte-secado', slotId: 'yokasta.2027-01-04.10:00', customer });
    expect(monday.status).toBe(422);
    expect(monday.body.error.code).toBe('slot_too_far');
    const inside = await call('POST', '/estudio/bookings', { serviceId: 'corte-secado', slotId: 'yokasta.2027-01-02.10:00', customer });
    expect(inside.status).toBe(201);
  });

  it('should default the horizon to 180 days when the seed names none', () => {
    const { bookingHorizonDays: _named, ...business } = seed.business;
    expect(parseSeed({ ...seed, business }).business.bookingHorizonDays).toBe(DEFAULT_BOOKING_HORIZON_DAYS);
    expect(DEFAULT_BOOKING_HORIZON_DAYS).toBe(180);
  });

  it("should keep the bot's horizon (workflows.json) and the backend's (backend-seed.json) the same for the studio", async () => {
    const set = checkWorkflowSet(JSON.parse(await readFile(`${root}/tenants/estudio/workflows.json`, 'utf8')));
    expect(set.ok).toBe(true);
    if (set.ok) expect(set.value.bookingHorizonDays).toBe(seed.business.bookingHorizonDays);
  });
});

describe('the studio backend holidays', () => {
  it('should list no free time and refuse a booking on a closed date (25 December), and list the day after', async () => {
    const call = await start({ ...seed, business: { ...seed.business, closedDates: ['12-25'] } });
    expect((await call('GET', '/estudio/slots?service=corte-secado&date=2026-12-25')).body.items).toEqual([]);
    expect((await call('GET', '/estudio/slots?service=corte-secado&date=2026-12-26')).body.items.length).toBeGreaterThan(0);
    const booked = await call('POST', '/estudio/bookings', { serviceId: 'corte-secado', slotId: 'yokasta.2026-12-25.10:00', customer: { phone: '+18095557102', name: 'Cliente Navidad' } });
    expect(booked.status).toBe(422);
    expect(booked.body.error.code).toBe('slot_invalid');
  });

  it("should keep the bot's closed dates (workflows.json) and the backend's (backend-seed.json) the same for the studio", async () => {
    const set = checkWorkflowSet(JSON.parse(await readFile(`${root}/tenants/estudio/workflows.json`, 'utf8')));
    expect(set.ok && set.value.closedDates).toEqual(seed.business.closedDates);
    expect(seed.business.closedDates).toContain('12-25');
  });
});
