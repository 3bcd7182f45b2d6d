import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createContactRepository, createGovernanceRepository, enableIdentityCache, identityCacheOf, type ContactRepository } from '../../../src/persistence/sql/index.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

/**
 * The process's identity cache (identity-cache.ts): a warm identity resolves without SQL, and the
 * two writes that change the mapping — a link and an erasure — are seen by the next resolve.
 */
describe.each(SQL_BACKENDS)('identity cache on $name', (backend) => {
  let opened: OpenedTestDatabase;
  let contacts: ContactRepository;
  const clock = createManualClock();
  const tenant = (label: string) => `${label}-${randomUUID()}`;

  beforeAll(async () => {
    opened = await backend.open();
    expect(identityCacheOf(opened.db)).toBeNull();
    enableIdentityCache(opened.db);
    contacts = createContactRepository({ db: opened.db, clock });
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  const identityRows = async (tenantId: string) =>
    (await opened.db.em().execute<{ n: number }[]>(`select count(*)::int as n from channel_identities where tenant_id = ?`, [tenantId]))[0]?.n;

  it('should answer a warm identity from memory, the same contact as SQL holds', async () => {
    const tenantId = tenant('warm');
    const first = await contacts.resolveContact(tenantId, 'rest', 'u-1');
    expect(identityCacheOf(opened.db)?.get(tenantId, 'rest', 'u-1')).toBe(first);
    // A second repository on the same handle shares the cache.
    expect(await createContactRepository({ db: opened.db, clock }).resolveContact(tenantId, 'rest', 'u-1')).toBe(first);
    expect(await identityRows(tenantId)).toBe(1);
  });

  it('should resolve a linked identity to its new contact at once', async () => {
    const tenantId = tenant('link');
    const web = await contacts.resolveContact(tenantId, 'web', 'visitor-1');
    const wa = await contacts.resolveContact(tenantId, 'whatsapp', '+18095550000');
    expect(await contacts.resolveContact(tenantId, 'whatsapp', '+18095550000')).toBe(wa);
    expect(await contacts.linkIdentity(tenantId, web.toUpperCase(), 'whatsapp', '+18095550000')).toEqual({ ok: true, previousContactId: wa });
    expect(await contacts.resolveContact(tenantId, 'whatsapp', '+18095550000')).toBe(web);
    expect(await contacts.linkIdentity(tenantId, randomUUID(), 'whatsapp', '+18095550000')).toEqual({ ok: false, reason: 'unknown_contact' });
    expect(await contacts.resolveContact(tenantId, 'whatsapp', '+18095550000')).toBe(web);
  });

  it('should give an erased contact’s identity a new contact, after an erasure and after retention', async () => {
    const tenantId = tenant('erase');
    const governance = createGovernanceRepository({ db: opened.db, clock });
    const before = await contacts.resolveContact(tenantId, 'rest', 'u-9');
    expect(await contacts.resolveContact(tenantId, 'rest', 'u-9')).toBe(before);
    const erased = await governance.eraseContact(tenantId, before, 'test');
    expect(erased.outcome).toBe('erased');
    expect(await identityRows(tenantId)).toBe(0);
    const after = await contacts.resolveContact(tenantId, 'rest', 'u-9');
    expect(after).not.toBe(before);
    expect(await identityRows(tenantId)).toBe(1);

    // Retention erases contacts nobody talked through since the cutoff (its identities go with them).
    clock.advance(10 * 24 * 60 * 60 * 1000);
    await governance.eraseExpired(tenantId, clock.now() - 24 * 60 * 60 * 1000, 'retention-job', { olderThanDays: 1 });
    expect(await identityRows(tenantId)).toBe(0);
    const third = await contacts.resolveContact(tenantId, 'rest', 'u-9');
    expect([before, after]).not.toContain(third);
  });
});
