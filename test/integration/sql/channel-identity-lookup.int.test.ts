import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSqlChannelIdentityLookup } from '../../../src/persistence/sql/channel-identity-lookup.js';
import { createSqlContactDirectory } from '../../../src/persistence/sql/index.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

describe.each(SQL_BACKENDS)('channel identity lookup on $name', (backend) => {
  let opened: OpenedTestDatabase;

  beforeAll(async () => {
    opened = await backend.open();
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  it("should find a thread's newest address on a channel, and nothing for another channel, tenant or id form", async () => {
    const clock = createManualClock();
    const tenantId = `lookup-${randomUUID()}`;
    const contacts = createSqlContactDirectory({ db: opened.db, clock });
    const externalIdOn = createSqlChannelIdentityLookup(opened.db);
    const thread = await contacts.resolve(tenantId, 'whatsapp', '18095550101');
    expect(thread).toMatch(/^c_[0-9a-f]{32}$/);
    expect(await externalIdOn(tenantId, thread, 'whatsapp')).toBe('18095550101');
    expect(await externalIdOn(tenantId, thread, 'telegram')).toBeNull();
    expect(await externalIdOn(`other-${randomUUID()}`, thread, 'whatsapp')).toBeNull();
    // The contact's uuid itself is not a thread id: only `c_<hex>` names a contact's conversation.
    const uuid = thread.slice(2).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    expect(await externalIdOn(tenantId, uuid, 'whatsapp')).toBeNull();
    expect(await externalIdOn(tenantId, 'web-conversation-1', 'whatsapp')).toBeNull();
    // A second identity on the channel linked later is the one replies go to.
    clock.advance(1_000);
    expect(await contacts.linkIdentity?.(tenantId, thread, 'whatsapp', '18095550199')).toBe(true);
    expect(await externalIdOn(tenantId, thread, 'whatsapp')).toBe('18095550199');
  });
});
