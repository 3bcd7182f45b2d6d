import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGovernanceService, type GovernanceService } from '../../../src/persistence/sql/governance.service.js';
import type { ConversationService } from '../../../src/actors/conversation-service.js';
import type { RedisSnapshotStore } from '../../../src/persistence/redis/redis-snapshot-store.js';
import { createAdminRoutes, startRetentionJob } from '../../../src/runtime/admin-routes.js';
import { createApiKeyRegistry } from '../../../src/runtime/api-keys.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { startGateway, type Gateway } from '../../../src/runtime/gateway/index.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { projectRoot } from '../../../src/runtime/project-root.js';
import { postgresBackend, type OpenedTestDatabase } from '../sql/sql-backends.js';
import { connectRedis, createSnapshotStore, deleteKeysUnder, seedContact, uniquePrefix } from './fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

describe('governance admin routes over HTTP', () => {
  let opened: OpenedTestDatabase;
  let redis: Redis;
  let snapshots: RedisSnapshotStore;
  let governance: GovernanceService;
  let gateway: Gateway;
  let base: string;
  const prefix = uniquePrefix();
  const clock = createManualClock();
  const tenantId = `gov-routes-${randomUUID()}`;
  const otherTenant = `gov-routes-other-${randomUUID()}`;
  const apiKeys = createApiKeyRegistry();
  const key = apiKeys.generate();
  const otherKey = apiKeys.generate();
  apiKeys.add(tenantId, key);
  apiKeys.add(otherTenant, otherKey);

  const call = async (method: string, path: string, options: { auth?: string | null; body?: string; contentType?: string } = {}) => {
    const headers: Record<string, string> = {};
    const auth = options.auth === undefined ? key : options.auth;
    if (auth !== null) headers.authorization = `Bearer ${auth}`;
    if (options.contentType) headers['content-type'] = options.contentType;
    const res = await fetch(`${base}${path}`, { method, headers, ...(options.body !== undefined ? { body: options.body } : {}) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    redis = await connectRedis();
    opened = await postgresBackend.open();
    snapshots = createSnapshotStore(redis, prefix, clock);
    governance = createGovernanceService({ db: opened.db, snapshots, clock, logger: createSilentLogger() });
    const tenants = new Set([tenantId, otherTenant]);
    // The admin routes only ask the service whether a tenant exists.
    const service = { hasTenant: (t: string) => tenants.has(t) } as unknown as ConversationService;
    const root = projectRoot();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport: 'node',
      service,
      apiKeys,
      logger: createSilentLogger(),
      clock,
      assets: { widgetJsPath: join(root, 'dist', 'widget', 'widget.js'), demoHtmlPath: join(root, 'web-widget', 'demo', 'index.html') },
      extraRoutes: createAdminRoutes({ governance, apiKeys, hasTenant: (t) => tenants.has(t), retentionDaysOf: (t) => (t === tenantId ? 30 : null) }),
    });
    base = `http://127.0.0.1:${gateway.port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    await opened?.dispose();
    if (redis) {
      await deleteKeysUnder(redis, prefix);
      redis.disconnect();
    }
  });

  it('should refuse requests without a key, with another tenant\'s key, or for an unknown tenant', async () => {
    const path = `/api/tenants/${tenantId}/audit/verify`;
    expect(await call('GET', path, { auth: null })).toMatchObject({ status: 401, body: { error: { code: 'HILO_ERR_AUTH_MISSING' } } });
    expect(await call('GET', path, { auth: otherKey })).toMatchObject({ status: 403, body: { error: { code: 'HILO_ERR_AUTH_INVALID' } } });
    expect(await call('DELETE', `/api/tenants/${tenantId}/contacts/c_x`, { auth: otherKey })).toMatchObject({ status: 403 });
    expect(await call('GET', `/api/tenants/nope-${randomUUID()}/audit/verify`)).toMatchObject({ status: 404, body: { error: { code: 'HILO_ERR_TENANT_NOT_FOUND' } } });
  });

  it('should export a contact as JSON, then erase it, answer 404 to the export and verify the chain', async () => {
    const seeded = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'http' });

    const exported = await call('GET', `/api/tenants/${tenantId}/contacts/${seeded.threadId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('application/json');
    expect(exported.headers.get('content-disposition')).toBe(`attachment; filename="contact-${seeded.threadId}.json"`);
    expect(exported.body).toMatchObject({ format_version: 1, tenant_id: tenantId, contact_id: seeded.threadId, contact: { email: seeded.email } });
    expect((exported.body.conversations as unknown[]).length).toBe(1);

    const erased = await call('DELETE', `/api/tenants/${tenantId}/contacts/${seeded.threadId}`);
    expect(erased).toMatchObject({ status: 200, body: { contact_id: seeded.threadId, outcome: 'erased', counts: { messages: 4, snapshots: 1 } } });
    expect(typeof erased.body.audit_seq).toBe('number');

    const again = await call('DELETE', `/api/tenants/${tenantId}/contacts/${seeded.contactUuid}`);
    expect(again).toMatchObject({ status: 200, body: { outcome: 'already_erased', audit_seq: null } });

    expect(await call('GET', `/api/tenants/${tenantId}/contacts/${seeded.threadId}/export`)).toMatchObject({
      status: 404,
      body: { error: { code: 'HILO_ERR_CONTACT_NOT_FOUND' } },
    });
    expect(await call('GET', `/api/tenants/${tenantId}/audit/verify`)).toMatchObject({ status: 200, body: { ok: true } });

    // Another tenant cannot see or erase this tenant's contacts, even with its own valid key.
    const still = await seedContact({ db: opened.db, clock, snapshots, tenantId, label: 'ajeno' });
    expect(await call('DELETE', `/api/tenants/${otherTenant}/contacts/${still.threadId}`, { auth: otherKey })).toMatchObject({ status: 404 });
    expect((await call('GET', `/api/tenants/${tenantId}/contacts/${still.threadId}/export`)).status).toBe(200);
  });

  it('should answer 404 for an unknown contact and report a tampered chain with broken_at', async () => {
    expect(await call('DELETE', `/api/tenants/${otherTenant}/contacts/c_${randomUUID().replace(/-/g, '')}`, { auth: otherKey })).toMatchObject({
      status: 404,
      body: { error: { code: 'HILO_ERR_CONTACT_NOT_FOUND' } },
    });
    const seeded = await seedContact({ db: opened.db, clock, snapshots, tenantId: otherTenant, label: 'tamper' });
    await call('DELETE', `/api/tenants/${otherTenant}/contacts/${seeded.threadId}`, { auth: otherKey });
    await opened.db.em().execute(`update audit_events set actor = 'someone-else' where tenant_id = ? and seq = 1`, [otherTenant], 'run');
    expect(await call('GET', `/api/tenants/${otherTenant}/audit/verify`, { auth: otherKey })).toEqual({
      status: 200,
      headers: expect.anything(),
      body: { ok: false, broken_at: 1 },
    });
  });

  it('should run retention on demand with the tenant policy or the requested period, and validate the body', async () => {
    const result = await call('POST', `/api/tenants/${tenantId}/retention/run`);
    expect(result).toMatchObject({ status: 200, body: { tenant: tenantId, older_than_days: 30 } });
    const explicit = await call('POST', `/api/tenants/${tenantId}/retention/run`, { body: '{"older_than_days":7}', contentType: 'application/json' });
    expect(explicit).toMatchObject({ status: 200, body: { older_than_days: 7, cutoff: new Date(clock.now() - 7 * DAY).toISOString() } });

    const bad = await call('POST', `/api/tenants/${tenantId}/retention/run`, { body: '{"older_than_days":0,"x":1}', contentType: 'application/json' });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'HILO_ERR_HTTP_VALIDATION' } } });
    // Every problem is reported: the unknown field first, then the bad value.
    expect((bad.body.error as { details: { path: string; problem: string }[] }).details).toEqual([
      { path: 'x', problem: 'is not allowed' },
      { path: 'older_than_days', problem: 'must be an integer between 1 and 36500' },
    ]);
    expect(await call('POST', `/api/tenants/${tenantId}/retention/run`, { body: 'nope', contentType: 'application/json' })).toMatchObject({
      status: 400,
      body: { error: { code: 'HILO_ERR_HTTP_INVALID_JSON' } },
    });
    expect(await call('POST', `/api/tenants/${tenantId}/retention/run`, { body: '{}', contentType: 'text/plain' })).toMatchObject({ status: 415 });
    // A body that is not valid UTF-8 is a client error too (docs/errors.md), never a U+FFFD in a value.
    const notUtf8 = await fetch(`${base}/api/tenants/${tenantId}/retention/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"older_than_days":7,"note":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    });
    expect(notUtf8.status).toBe(400);
    expect(((await notUtf8.json()) as { error: { code: string } }).error.code).toBe('HILO_ERR_HTTP_INVALID_JSON');
    // No policy and no value: nothing to enforce.
    expect(await call('POST', `/api/tenants/${otherTenant}/retention/run`, { auth: otherKey })).toMatchObject({
      status: 400,
      body: { error: { code: 'HILO_ERR_HTTP_VALIDATION' } },
    });
  });

  it('should apply the per-IP rate limit to the governance routes like the rest of the API', async () => {
    const root = projectRoot();
    const tenants = new Set([tenantId]);
    const limited = await startGateway({
      port: 0,
      host: '127.0.0.1',
      transport: 'node',
      service: { hasTenant: (t: string) => tenants.has(t) } as unknown as ConversationService,
      apiKeys,
      logger: createSilentLogger(),
      clock,
      assets: { widgetJsPath: join(root, 'dist', 'widget', 'widget.js'), demoHtmlPath: join(root, 'web-widget', 'demo', 'index.html') },
      rateLimits: { perIpPerMinute: 3 },
      extraRoutes: createAdminRoutes({ governance, apiKeys, hasTenant: (t) => tenants.has(t) }),
    });
    try {
      const verify = () => fetch(`http://127.0.0.1:${limited.port}/api/tenants/${tenantId}/audit/verify`, { headers: { authorization: `Bearer ${key}` } });
      for (let i = 0; i < 3; i++) expect((await verify()).status).toBe(200);
      const refused = await verify();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Unauthenticated guessing pays from the same budget.
      expect((await fetch(`http://127.0.0.1:${limited.port}/api/tenants/${tenantId}/contacts/x/export`)).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('should erase old conversations on each scheduled pass and stop idempotently', async () => {
    const jobTenant = `gov-job-${randomUUID()}`;
    const failing = `gov-job-failing-${randomUUID()}`;
    const old = await seedContact({ db: opened.db, clock, snapshots, tenantId: jobTenant, label: 'job' });
    clock.advance(100 * DAY);
    const job = startRetentionJob({
      governance,
      clock,
      intervalMs: 3_600_000,
      logger: createSilentLogger(),
      tenants: () => [
        { tenantId: failing, retentionDays: 0 },
        { tenantId: jobTenant, retentionDays: 90 },
      ],
    });
    const outcomes = await job.runNow();
    expect(outcomes).toEqual([
      { tenantId: failing, conversations: 0, failed: true },
      { tenantId: jobTenant, conversations: 1, failed: false },
    ]);
    expect(await governance.exportContact(jobTenant, old.threadId)).toBeNull();
    await job.stop();
    await job.stop();
  });

  it('should enforce a tenant only on the member that runs it (cluster: the owner of its home shard)', async () => {
    const here = `gov-job-here-${randomUUID()}`;
    const elsewhere = `gov-job-elsewhere-${randomUUID()}`;
    const kept = await seedContact({ db: opened.db, clock, snapshots, tenantId: elsewhere, label: 'kept' });
    const gone = await seedContact({ db: opened.db, clock, snapshots, tenantId: here, label: 'gone' });
    clock.advance(100 * DAY);
    const job = startRetentionJob({ governance, clock, intervalMs: 3_600_000, logger: createSilentLogger(), runsHere: (t) => t === here, tenants: () => [{ tenantId: elsewhere, retentionDays: 90 }, { tenantId: here, retentionDays: 90 }] });
    expect(await job.runNow()).toEqual([{ tenantId: here, conversations: 1, failed: false }]);
    expect(await governance.exportContact(here, gone.threadId)).toBeNull();
    expect(await governance.exportContact(elsewhere, kept.threadId)).not.toBeNull();
    await job.stop();
  });
});
