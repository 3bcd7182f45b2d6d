import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnFact } from '../../../src/persistence/ports/turn-facts.js';
import { createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { createSqlTurnFacts } from '../../../src/persistence/sql/sql-turn-facts.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

const AT = '2026-12-03T15:00:00.000Z';

function fact(tenantId: string, conversationId: string | null, seq: number, o: Partial<TurnFact> = {}): TurnFact {
  return {
    tenantId, conversationId, seq, messageId: `m${seq}`, at: AT, day: '2026-12-03', channel: 'rest', event: 'user.message', outcome: 'ok', turnMs: 12.5,
    brain: 'llm', model: 'gpt-4o-mini', tokensIn: 1200, tokensOut: 80, costUsd: 0.000228, toolCalls: 1, intent: 'product_inquiry', reading: 'complaint', confidence: 0.875,
    misunderstood: false, unmet: null, sentiment: 'neutral', stateFrom: 'triage.idle', stateTo: 'answering.product', phaseFrom: 'triage', phaseTo: 'answering',
    handoffReason: null, leadFrom: 'none', leadTo: 'collecting', leadFields: ['name', 'email'], product: 'CEM-GRIS-42', ...o,
  };
}

/** The turn-facts store on PGlite and PostgreSQL: one row per committed turn, never a failed batch. */
describe.each(SQL_BACKENDS)('SQL turn facts on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  const conversation = async (tenantId: string) => {
    const conversationId = `c-${randomUUID()}`;
    const envelope: SnapshotEnvelope = { v: 1, machineVersion: 1, epoch: 0, seq: 1, savedAt: AT, snapshot: { value: 'triage', context: {} } };
    await createSqlTurnJournal(opened.db).commit({ tenantId, conversationId }, { seq: 1, inboundMessageId: null, entries: [], phase: 'triage', idleCloseAt: null }, envelope);
    return conversationId;
  };
  const rows = (tenantId: string) =>
    opened.db.em().execute<Record<string, unknown>[]>(`select conversation_id, seq, to_char(day, 'YYYY-MM-DD') as day, cost_usd::float8 as cost, intent, reading, confidence, lead_fields, sentiment, turn_ms, product from turn_facts where tenant_id = ? order by id`, [tenantId]);

  it('should store every field and keep one row per committed turn however often it is recorded', async () => {
    const tenant = `t-${randomUUID()}`;
    const c = await conversation(tenant);
    const facts = createSqlTurnFacts(opened.db);
    await facts.record([fact(tenant, c, 2), fact(tenant, c, 3, { leadFields: [], product: null })]);
    await facts.record([fact(tenant, c, 2, { turnMs: 999 })]);
    expect(await rows(tenant)).toEqual([
      { conversation_id: c, seq: 2, day: '2026-12-03', cost: 0.000228, intent: 'product_inquiry', reading: 'complaint', confidence: 0.875, lead_fields: ['name', 'email'], sentiment: 'neutral', turn_ms: 12.5, product: 'CEM-GRIS-42' },
      { conversation_id: c, seq: 3, day: '2026-12-03', cost: 0.000228, intent: 'product_inquiry', reading: 'complaint', confidence: 0.875, lead_fields: [], sentiment: 'neutral', turn_ms: 12.5, product: null },
    ]);
  });

  it('should keep failed messages apart (seq 0, several allowed) and drop facts of a conversation erased meanwhile', async () => {
    const tenant = `t-${randomUUID()}`;
    const c = await conversation(tenant);
    await createSqlTurnFacts(opened.db).record([
      fact(tenant, null, 0, { outcome: 'HILO_ERR_TURN_TIMEOUT' }),
      fact(tenant, null, 0, { outcome: 'HILO_ERR_TURN_TIMEOUT' }),
      fact(tenant, 'c-erased-before-the-write', 5),
      fact(tenant, c, 2),
    ]);
    expect((await rows(tenant)).map((r) => [r.conversation_id, r.seq])).toEqual([[null, 0], [null, 0], [c, 2]]);
    // Erasing the conversation takes its facts with it.
    await opened.db.em().execute(`delete from conversations where tenant_id = ? and id = ?`, [tenant, c], 'run');
    expect((await rows(tenant)).map((r) => r.conversation_id)).toEqual([null, null]);
  });

  it('should refuse a sentiment outside its three values for the whole batch (a bug, not data)', async () => {
    const tenant = `t-${randomUUID()}`;
    const c = await conversation(tenant);
    await expect(createSqlTurnFacts(opened.db).record([fact(tenant, c, 2), fact(tenant, c, 3, { sentiment: 'angry' as never })])).rejects.toThrow();
    expect(await rows(tenant)).toEqual([]);
  });
});
