import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAuditRepository,
  createSqlTranscriptStore,
  createTicketRepository,
  openDatabase,
  type Database,
} from '../../../src/persistence/sql/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';

// Each test starts PGlite (a WASM PostgreSQL) twice; on a busy two-core machine that alone can
// take tens of seconds, so these tests get a roomier timeout than the project default.
const PGLITE_TWICE_TIMEOUT_MS = 120_000;

describe('PGlite persistence', () => {
  let dataDir: string;
  const open: Database[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hilo-pglite-'));
  });

  afterEach(async () => {
    for (const db of open.splice(0)) await db.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /**
   * The first test opens a new folder as production does without a cache (PGlite's own initdb);
   * the memory:// test starts from the suite's cached empty cluster (HILO_PGLITE_INITDB_CACHE,
   * vitest.config.ts), which holds no data either, and saves two initdb runs.
   */
  async function openAt(dir: string, options: { initdbCache?: boolean } = {}): Promise<Database> {
    const cache = options.initdbCache ? process.env.HILO_PGLITE_INITDB_CACHE : undefined;
    const db = await openDatabase({ dataDir: dir, logger: createSilentLogger(), ...(cache ? { initdbCacheDir: cache } : {}) });
    open.push(db);
    return db;
  }

  it('should keep data and applied migrations across close and reopen', async () => {
    const clock = createManualClock();
    const tenantId = `persist-${randomUUID()}`;
    const key = { tenantId, conversationId: 'c-1' };

    const first = await openAt(dataDir);
    expect(first.kind).toBe('pglite');
    await createSqlTranscriptStore(first).append(key, [
      { messageId: 'wamid.1', direction: 'in', author: 'customer', channel: 'whatsapp', text: '¿Tienen cemento?', at: '2026-11-22T12:00:00.000Z' },
    ]);
    const ticket = await createTicketRepository({ db: first, clock }).openTicket({ tenantId, conversationId: 'c-1', kind: 'handoff', reason: 'explicit_request', summary: 'Quiere hablar con alguien' });
    await createAuditRepository({ db: first, clock }).appendAudit(tenantId, 'ticket.opened', 'bot', { ticketId: ticket.id });
    await first.close();
    await first.close();

    const second = await openAt(dataDir);
    expect(await second.orm.getMigrator().getPendingMigrations()).toEqual([]);
    const transcript = await createSqlTranscriptStore(second).list(key);
    expect(transcript.map((e) => [e.seq, e.text])).toEqual([[1, '¿Tienen cemento?']]);
    const tickets = createTicketRepository({ db: second, clock });
    expect((await tickets.getTicket(tenantId, ticket.id))?.number).toBe('T-000001');
    // Counters persisted too: numbering continues instead of restarting.
    expect((await tickets.openTicket({ tenantId, conversationId: 'c-2', kind: 'quote', reason: 'quote_request', summary: 'Cotizar' })).number).toBe('T-000002');
    expect(await createAuditRepository({ db: second, clock }).verifyAuditChain(tenantId)).toEqual({ ok: true, count: 1 });
  }, PGLITE_TWICE_TIMEOUT_MS);

  it('should keep a memory:// database empty for the next open', async () => {
    const tenantId = `mem-${randomUUID()}`;
    const first = await openAt('memory://', { initdbCache: true });
    await createSqlTranscriptStore(first).append({ tenantId, conversationId: 'c' }, [
      { messageId: 'm1', direction: 'out', author: 'bot', channel: 'web', text: 'Hola', at: '2026-11-22T12:00:00.000Z' },
    ]);
    await first.close();
    const second = await openAt('memory://', { initdbCache: true });
    expect(await createSqlTranscriptStore(second).list({ tenantId, conversationId: 'c' })).toEqual([]);
  }, PGLITE_TWICE_TIMEOUT_MS);
});
