import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { loadHardwareStore } from '../../src/demo-backend/ferreteria.js';
import { loadSeed } from '../../src/demo-backend/seed.js';
import { createDemoBackend, type DemoBackend } from '../../src/demo-backend/server.js';

/**
 * harden18's sweep of the studio's booking endpoints (the demo business backend, over a real
 * socket): a booking sent again with the same Idempotency-Key but another body (another slot,
 * another customer) was answered 201 with the first booking — Ana's name, phone and slot to
 * whoever reused the key — and booked nothing. Now the same key with another body is 422
 * `idempotency_key_reused`; the same key with the same body still replays the booking.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let backend: DemoBackend;
let url: string;

beforeAll(async () => {
  const seed = await loadSeed(`${root}/tenants/estudio/backend-seed.json`);
  const store = await loadHardwareStore(`${root}/tenants/ferreteria`);
  // Thursday 3 December 2026, 10:00 in Santo Domingo.
  backend = createDemoBackend({ seed, store, clock: createManualClock(Date.parse('2026-12-03T14:00:00Z')), logger: createSilentLogger() });
  url = await backend.listen();
});
afterAll(async () => {
  await backend?.close();
});

const book = async (body: unknown, key?: string) => {
  const res = await fetch(`${url}/estudio/bookings`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { id?: string; slotId?: string; error?: { code: string } } };
};

describe('the studio backend\'s booking Idempotency-Key (harden18)', () => {
  it('should refuse the same key with another body, and replay it with the same body', async () => {
    const ana = { serviceId: 'cejas', slotId: 'wendy.2026-12-04.15:00', customer: { phone: '+18095550101', name: 'Ana Canaria' } };
    const eve = { serviceId: 'cejas', slotId: 'wendy.2026-12-04.16:00', customer: { phone: '+18095550199', name: 'Eve' } };
    const first = await book(ana, 'turn-h18');
    expect(first.status).toBe(201);
    const reused = await book(eve, 'turn-h18');
    expect(reused.status).toBe(422);
    expect(reused.body.error?.code).toBe('idempotency_key_reused');
    expect(JSON.stringify(reused.body)).not.toMatch(/Ana|0101|15:00/);
    expect(await book(ana, 'turn-h18')).toEqual(first);
    // Eve's own request, with a key of its own, books her slot.
    const own = await book(eve, 'turn-h18-eve');
    expect(own.status).toBe(201);
    expect(own.body.slotId).toBe(eve.slotId);
    expect(own.body.id).not.toBe(first.body.id);
  });
});

describe('the studio backend\'s slot dates (harden18)', () => {
  const slots = async (date: string) => {
    const res = await fetch(`${url}/estudio/slots?service=cejas&date=${date}`);
    return { status: res.status, body: (await res.json()) as { items?: unknown[]; error?: { code: string; message: string } } };
  };

  it('should answer 400 for a day that is no calendar date, and list the slots of a real one', async () => {
    for (const date of ['2026-13-45', '0000-00-00', '2026-02-30', '2026-12-32']) {
      const answered = await slots(date);
      expect(answered.status, date).toBe(400);
      expect(answered.body.error?.code).toBe('validation');
    }
    const real = await slots('2026-12-04');
    expect(real.status).toBe(200);
    expect(real.body.items?.length).toBeGreaterThan(0);
  });
});
