import { beforeAll, describe, expect, it } from 'vitest';
import { createTranscriptTurnJournal } from '../../../src/persistence/memory/memory-turn-journal.js';
import type { DurableSnapshotEnvelope, TurnJournal } from '../../../src/persistence/ports/turn-journal.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createMemoryContactDirectory } from '../../../src/persistence/memory/memory-records.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import type { SnapshotStore } from '../../../src/persistence/ports/snapshot-store.js';
import type { TranscriptStore } from '../../../src/persistence/ports/transcript-store.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

const TENANT = 'ferreteria';
const POISON = 'VENENO';

/** What PostgreSQL answers for data it refuses (SQLSTATE class 22), as the pg driver shapes it. */
function dataError(): Error {
  return Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05', severity: 'ERROR', where: 'JSON data, line 1: {"email":"canary@example.com"' });
}

/** A journal that refuses, every time, any turn carrying the poison word (a deterministic refusal). */
function refusingJournal(transcripts: TranscriptStore, options: { transient?: { failures: number } } = {}): TurnJournal & { refusals: number } {
  const inner = createTranscriptTurnJournal(transcripts);
  const journal = {
    refusals: 0,
    async commit(...args: Parameters<TurnJournal['commit']>) {
      const [, turn] = args;
      if (options.transient && options.transient.failures > 0) {
        options.transient.failures--;
        journal.refusals++;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
      if (turn.entries.some((e) => e.text.includes(POISON))) {
        journal.refusals++;
        throw dataError();
      }
      return inner.commit(...args);
    },
    lastCommitted: (key: Parameters<TurnJournal['lastCommitted']>[0]) => inner.lastCommitted(key),
  };
  return journal;
}

describe('a turn whose commit the journal refuses', () => {
  let demo: { tenant: TenantData; brain: Brain };
  beforeAll(async () => {
    demo = await loadDemo();
  });

  function setup(options: { transient?: { failures: number } } = {}) {
    const clock = createManualClock();
    const snapshots: SnapshotStore = createMemorySnapshotStore({ clock });
    const transcripts = createMemoryTranscriptStore();
    const journal = refusingJournal(transcripts, options);
    // One contact directory for every host: a "restart" finds the same conversation.
    const contacts = createMemoryContactDirectory();
    const make = () => createMemoryHost({ ...demo, snapshots, transcripts, host: { journal, contacts } }).host;
    return { snapshots, transcripts, journal, make };
  }

  const say = (host: ReturnType<ReturnType<typeof setup>['make']>, sender: string, text: string, messageId?: string) =>
    host.handleMessage({ tenantId: TENANT, channel: 'rest', senderId: sender, text, ...(messageId ? { messageId } : {}) });

  it('should quarantine the turn with a coded error and answer the next message normally', async () => {
    const s = setup();
    const host = s.make();
    const first = await say(host, 'ana', 'hola');
    const err = await say(host, 'ana', `${POISON} cemento`).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_TURN_QUARANTINED')).toBe(true);
    expect((err as { status: number }).status).toBe(422);
    expect(host.stats.turnsQuarantined).toBe(1);
    const next = await say(host, 'ana', '¿Tienen cemento gris?');
    expect(next.conversationId).toBe(first.conversationId);
    expect(next.replies.map((r) => r.text).join('\n')).toMatch(/RD\$/);
    // Nothing accepted earlier is lost; the quarantined turn left nothing behind.
    const lines = await s.transcripts.list({ tenantId: TENANT, conversationId: first.conversationId }, {});
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.filter((l) => l.direction === 'in').map((l) => l.text)).toEqual(['hola', '¿Tienen cemento gris?']);
    expect(lines.some((l) => l.text.includes(POISON))).toBe(false);
    expect(s.journal.refusals).toBe(1);
  });

  it('should keep working after a restart: the refused turn is never replayed', async () => {
    const s = setup();
    const a = s.make();
    await say(a, 'bea', 'hola');
    await expect(say(a, 'bea', `${POISON}`)).rejects.toMatchObject({ code: 'HILO_ERR_TURN_QUARANTINED' });
    await a.close();
    const b = s.make();
    const first = await say(b, 'bea', '¿Tienen cemento gris?');
    const second = await say(b, 'bea', 'gracias');
    expect(second.conversationId).toBe(first.conversationId);
    expect(first.replies.map((r) => r.text).join('\n')).toMatch(/RD\$/);
    expect(second.replies.length).toBeGreaterThan(0);
    const lines = await s.transcripts.list({ tenantId: TENANT, conversationId: first.conversationId }, {});
    expect(lines.filter((l) => l.direction === 'in').map((l) => l.text)).toEqual(['hola', '¿Tienen cemento gris?', 'gracias']);
    expect(s.journal.refusals).toBe(1);
  });

  it('should quarantine a poisoned turn left in the snapshot store by an older version, on activation', async () => {
    const s = setup();
    const a = s.make();
    const first = await say(a, 'cruz', 'hola');
    await a.close();
    // The state an older version left behind: step 1 written with a turn the journal refuses.
    const key = { tenantId: TENANT, conversationId: first.conversationId };
    const env = (await s.snapshots.get(key)) as DurableSnapshotEnvelope;
    const at = new Date().toISOString();
    const poisoned: DurableSnapshotEnvelope = {
      ...env,
      seq: env.seq + 1,
      turn: { seq: env.seq + 1, inboundMessageId: 'm-poison', entries: [{ messageId: 'm-poison', direction: 'in', author: 'customer', channel: 'rest', text: POISON, at }], phase: 'triage', idleCloseAt: null },
    };
    expect((await s.snapshots.put(key, poisoned)).ok).toBe(true);
    const b = s.make();
    const next = await say(b, 'cruz', '¿Tienen cemento gris?');
    expect(next.replies.map((r) => r.text).join('\n')).toMatch(/RD\$/);
    expect(b.stats.turnsQuarantined).toBe(1);
    const again = await say(b, 'cruz', '¿y varilla de 3/8?');
    expect(again.replies.length).toBeGreaterThan(0);
    const lines = await s.transcripts.list(key, {});
    expect(lines.filter((l) => l.direction === 'in').map((l) => l.text)).toEqual(['hola', '¿Tienen cemento gris?', '¿y varilla de 3/8?']);
  });

  it('should still complete, not drop, a turn whose commit failed on an outage', async () => {
    const s = setup({ transient: { failures: 1 } });
    const host = s.make();
    const err = await say(host, 'dora', 'hola', 'm-1').catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_TURN_FAILED')).toBe(true);
    expect(host.stats.turnsQuarantined).toBe(0);
    // The outage is over: the turn is completed on the next activation. The first retry gets its
    // replies as a normal answer (its sender saw only the error); the next one is a duplicate.
    const retry = await say(host, 'dora', 'hola', 'm-1');
    expect(retry.duplicate).toBe(false);
    expect(retry.replies.length).toBeGreaterThan(0);
    const again = await say(host, 'dora', 'hola', 'm-1');
    expect(again.duplicate).toBe(true);
    expect(again.replies.map((r) => r.messageId)).toEqual(retry.replies.map((r) => r.messageId));
  });
});
