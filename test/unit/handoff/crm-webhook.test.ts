import { afterEach, describe, expect, it } from 'vitest';
import { createCrmWebhook, signCrmBody, verifyCrmSignature, type CrmDeliveryAttempt } from '../../../src/channels/crm-webhook/index.js';
import type { LeadPayload } from '../../../src/domain/lead.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { startFakeCrmReceiver, type CrmFailure, type FakeCrmReceiver } from '../../fakes/crm-receiver.js';

const SECRET = 'whsec-test-0123456789';

function lead(id = 'lead-1'): LeadPayload {
  return {
    lead_id: id,
    contact_info: { name: 'Ana Pérez', phone_or_username: '+18095550100', email: 'ana@example.com' },
    business_context: { company_name: 'Colmado Ana', interest_area: 'Ventas' },
    problem_statement: 'Necesita 20 computadoras para su oficina.',
    urgency_level: 'Alto',
    provenance: { 'contact_info.name': 'm1' },
  };
}

describe('CRM webhook signature', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 0);
  const body = JSON.stringify({ event: 'lead.submitted', lead: lead() });
  const header = signCrmBody(body, SECRET, now / 1000);

  it('should verify its own signature (round trip)', () => {
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyCrmSignature(body, header, SECRET, { now })).toEqual({ ok: true, timestamp: Math.floor(now / 1000) });
    expect(verifyCrmSignature(Buffer.from(body), header, ['old-secret', SECRET], { now }).ok).toBe(true);
  });

  it('should reject a tampered body, a tampered timestamp and a wrong secret', () => {
    const tampered = body.replace('20 computadoras', '200 computadoras');
    expect(verifyCrmSignature(tampered, header, SECRET, { now })).toMatchObject({ ok: false, status: 403, code: 'HILO_ERR_CRM_SIGNATURE_INVALID' });
    const t = Math.floor(now / 1000);
    const shifted = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyCrmSignature(body, shifted, SECRET, { now })).toMatchObject({ code: 'HILO_ERR_CRM_SIGNATURE_INVALID' });
    expect(verifyCrmSignature(body, header, 'other-secret', { now })).toMatchObject({ code: 'HILO_ERR_CRM_SIGNATURE_INVALID' });
    for (let i = header.indexOf('v1=') + 3; i < header.length; i += 7) {
      const flipped = header.slice(0, i) + (header[i] === 'a' ? 'b' : 'a') + header.slice(i + 1);
      expect(verifyCrmSignature(body, flipped, SECRET, { now }).ok).toBe(false);
    }
  });

  it('should reject a signature older or newer than the replay window', () => {
    expect(verifyCrmSignature(body, header, SECRET, { now: now + 301_000 })).toMatchObject({ ok: false, code: 'HILO_ERR_CRM_SIGNATURE_EXPIRED' });
    expect(verifyCrmSignature(body, header, SECRET, { now: now - 301_000 })).toMatchObject({ ok: false, code: 'HILO_ERR_CRM_SIGNATURE_EXPIRED' });
    expect(verifyCrmSignature(body, header, SECRET, { now: now + 299_000 }).ok).toBe(true);
    expect(verifyCrmSignature(body, header, SECRET, { now: now + 61_000, toleranceSeconds: 60 })).toMatchObject({ code: 'HILO_ERR_CRM_SIGNATURE_EXPIRED' });
  });

  it('should answer a missing or malformed header as missing', () => {
    for (const bad of [undefined, '', 'v1=abc', `t=${now},v2=${'a'.repeat(64)}`, 'garbage', `t=x,v1=${'a'.repeat(64)}`]) {
      expect(verifyCrmSignature(body, bad, SECRET, { now })).toMatchObject({ ok: false, status: 401, code: 'HILO_ERR_CRM_SIGNATURE_MISSING' });
    }
  });
});

describe('createCrmWebhook', () => {
  let receiver: FakeCrmReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  const setup = async (failures: CrmFailure[] = [], retry?: { maxAttempts?: number; maxDelayMs?: number }) => {
    const clock = createManualClock();
    receiver = await startFakeCrmReceiver({ secret: SECRET, clock, failures });
    const delays: number[] = [];
    const attempts: CrmDeliveryAttempt[] = [];
    const crm = createCrmWebhook({
      url: receiver.url,
      secret: SECRET,
      clock,
      logger: createSilentLogger(),
      random: () => 0.75,
      ...(retry ? { retry } : {}),
      // The sender waits on the test's clock: time moves, nothing sleeps.
      sleep: async (ms) => {
        delays.push(ms);
        clock.advance(ms);
      },
      onAttempt: (a) => attempts.push(a),
    });
    return { crm, clock, delays, attempts, receiver };
  };

  it('should POST the signed lead with the idempotency key and event headers', async () => {
    const { crm, receiver } = await setup();
    await crm.pushLead('tenant-a', lead('lead-42'));
    expect(receiver.requests).toHaveLength(1);
    const req = receiver.requests[0]!;
    expect(req.status).toBe(200);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['idempotency-key']).toBe('tenant-a:lead-42');
    expect(req.headers['x-hilo-event']).toBe('lead.submitted');
    expect(req.headers['x-hilo-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(req.rawBody)).toEqual({ event: 'lead.submitted', idempotency_key: 'tenant-a:lead-42', tenant_id: 'tenant-a', lead: lead('lead-42') });
    expect(receiver.applied).toHaveLength(1);
  });

  it('should deliver exactly once at the receiver when the first two attempts answer 503', async () => {
    const { crm, receiver, delays, attempts, clock } = await setup([{ status: 503 }, { status: 503 }]);
    const start = clock.now();
    const result = await crm.deliverLead('tenant-b', lead('lead-7'));
    expect(result).toEqual({ attempts: 3, status: 200, idempotencyKey: 'tenant-b:lead-7' });
    expect(receiver.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(receiver.applied.map((a) => a.idempotencyKey)).toEqual(['tenant-b:lead-7']);
    // Same bytes on every attempt; each attempt signed afresh at the clock's time (0, 375, 1125 ms).
    expect(new Set(receiver.requests.map((r) => r.rawBody)).size).toBe(1);
    const t0 = Math.floor(start / 1000);
    expect(receiver.requests.map((r) => Number(/^t=(\d+),/.exec(r.headers['x-hilo-signature'] ?? '')?.[1]))).toEqual([t0, t0, t0 + 1]);
    // Exponential backoff (500, 1000 ms ceilings) with full jitter pinned at 0.75 → 3/4 of each ceiling.
    expect(delays).toEqual([375, 750]);
    expect(attempts.map((a) => [a.attempt, a.ok, a.status, a.retrying])).toEqual([
      [1, false, 503, true],
      [2, false, 503, true],
      [3, true, 200, false],
    ]);
    expect(attempts.every((a) => a.idempotencyKey === 'tenant-b:lead-7' && a.tenantId === 'tenant-b')).toBe(true);
  });

  it('should apply a redelivery by the outbox only once', async () => {
    const { crm, receiver } = await setup();
    await crm.pushLead('tenant-c', lead('lead-9'));
    await crm.pushLead('tenant-c', lead('lead-9'));
    expect(receiver.requests.map((r) => r.status)).toEqual([200, 200]);
    expect(receiver.applied).toHaveLength(1);
  });

  it('should not retry a 400 and throw HILO_ERR_CRM_REJECTED', async () => {
    const { crm, receiver, attempts } = await setup([{ status: 400 }]);
    const err = await crm.pushLead('tenant-d', lead()).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_CRM_REJECTED')).toBe(true);
    expect((err as { details: unknown }).details).toEqual({ httpStatus: 400 });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.applied).toHaveLength(0);
    expect(attempts).toMatchObject([{ attempt: 1, ok: false, status: 400, retrying: false }]);
  });

  it('should honour Retry-After on 429', async () => {
    const { crm, receiver, delays } = await setup([{ status: 429, retryAfter: '7' }]);
    await crm.pushLead('tenant-e', lead());
    expect(delays).toEqual([7000]);
    expect(receiver.applied).toHaveLength(1);
  });

  it('should stop and report a Retry-After longer than the policy allows', async () => {
    const { crm, receiver } = await setup([{ status: 429, retryAfter: '3600' }]);
    const err = await crm.pushLead('tenant-f', lead()).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_CRM_RATE_LIMITED')).toBe(true);
    expect((err as { details: unknown }).details).toEqual({ httpStatus: 429, retryAfterMs: 3_600_000 });
    expect(receiver.requests).toHaveLength(1);
  });

  it('should retry a dropped connection and give up with HILO_ERR_CRM_FAILED after the last attempt', async () => {
    const { crm, receiver, attempts } = await setup([{ kind: 'drop' }, { status: 500 }, { status: 502 }], { maxAttempts: 3 });
    const err = await crm.pushLead('tenant-g', lead()).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_CRM_FAILED')).toBe(true);
    expect(receiver.requests).toHaveLength(3);
    expect(receiver.applied).toHaveLength(0);
    expect(attempts.map((a) => [a.status, a.retrying])).toEqual([
      [null, true],
      [500, true],
      [502, false],
    ]);
  });

  it('should be refused by the receiver when the secrets differ', async () => {
    const clock = createManualClock();
    receiver = await startFakeCrmReceiver({ secret: SECRET, clock });
    const crm = createCrmWebhook({ url: receiver.url, secret: 'wrong', clock, logger: createSilentLogger(), sleep: async () => {} });
    const err = await crm.pushLead('tenant-h', lead()).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_CRM_REJECTED')).toBe(true);
    expect(receiver.requests.map((r) => r.code)).toEqual(['HILO_ERR_CRM_SIGNATURE_INVALID']);
  });
});
