import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import { createMemoryContactDirectory } from '../../../src/persistence/memory/memory-records.js';
import { createTranscriptTurnJournal } from '../../../src/persistence/memory/memory-turn-journal.js';
import type { TurnJournal } from '../../../src/persistence/ports/turn-journal.js';
import { createMemoryUnansweredTurns, type UnansweredTurns } from '../../../src/persistence/ports/unanswered-turns.js';
import { createRedisUnansweredTurns } from '../../../src/persistence/redis/redis-unanswered-turns.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import { deleteRedisPrefix, REDIS_URL } from '../durable/durable-harness.js';

/**
 * The first retry after `HILO_ERR_TURN_FAILED` gets the committed replies as a normal answer
 * (`duplicate: false`), later ones `duplicate: true`. Before: the "not answered yet" mark lived in
 * the process that saw the failure, so in a cluster the member that completed the turn answered the
 * first retry as new and the member that failed answered the next one as new again (two "first"
 * answers; or, the other way round, a first retry flagged a duplicate). After: the mark is in Redis,
 * taken once by whichever member gets the retry.
 */
const prefix = `hilo-test-unanswered-${randomUUID().slice(0, 8)}`;
const opened: UnansweredTurns[] = [];
const redisMarks = () => {
  const marks = createRedisUnansweredTurns({ url: REDIS_URL, prefix });
  opened.push(marks);
  return marks;
};
afterAll(async () => {
  for (const m of opened) await m.close();
  await deleteRedisPrefix(prefix);
});

/** A journal on a database that is unreachable for the next `failures` commits. */
function outageJournal(inner: TurnJournal, outage: { failures: number }): TurnJournal {
  return {
    async commit(...args) {
      if (outage.failures > 0) {
        outage.failures--;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
      return inner.commit(...args);
    },
    lastCommitted: (key) => inner.lastCommitted(key),
  };
}

describe('the first retry after a failed turn, on two members of one cluster', () => {
  let demo: { tenant: TenantData; brain: Brain };
  beforeAll(async () => {
    demo = await loadDemo();
  });

  it('should answer the first retry as new on whichever member gets it, and every later one as a duplicate', async () => {
    // Two members sharing the stores (one Redis for the marks, one database, one snapshot store).
    const snapshots = createMemorySnapshotStore({ clock: createManualClock() });
    const transcripts = createMemoryTranscriptStore();
    const outage = { failures: 0 };
    const journal = outageJournal(createTranscriptTurnJournal(transcripts), outage);
    const contacts = createMemoryContactDirectory();
    const member = () => createMemoryHost({ ...demo, snapshots, transcripts, host: { journal, contacts, unansweredTurns: redisMarks() } }).host;
    const a = member();
    const b = member();
    const say = (host: typeof a, messageId: string, text: string) => host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'cluster-retry', messageId, text });

    await say(a, 'm-1', 'hola');
    outage.failures = 1;
    const err = await say(a, 'm-2', '¿tienen cemento gris?').catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_TURN_FAILED')).toBe(true);
    const conversationId = (err as { conversationId?: string }).conversationId ?? (await a.resolveConversation('ferreteria', 'rest', 'cluster-retry'));
    // The shard moves (a hands it over: its actors leave memory): member b activates the
    // conversation, completes the turn, and gets the retry.
    await a.evict('ferreteria', conversationId);
    const first = await say(b, 'm-2', '¿tienen cemento gris?');
    expect(first.duplicate).toBe(false);
    expect(first.replies.map((r) => r.text).join('\n')).toMatch(/RD\$/);
    // It moves back to a: a's earlier sight of the failure does not make a second "first" answer.
    await b.evict('ferreteria', conversationId);
    const second = await say(a, 'm-2', '¿tienen cemento gris?');
    expect(second.duplicate).toBe(true);
    expect(second.replies.map((r) => r.messageId)).toEqual(first.replies.map((r) => r.messageId));
    await a.evict('ferreteria', conversationId);
    expect((await say(b, 'm-2', '¿tienen cemento gris?')).duplicate).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });

  it('should let exactly one of two members take a mark at once (Redis), and forget it in memory when it lapsed', async () => {
    const [x, y] = [redisMarks(), redisMarks()];
    const key = { tenantId: 'ferreteria', conversationId: `c-${randomUUID()}` };
    await x.mark(key, 'm-9', 60_000);
    const taken = await Promise.all([x.take(key, 'm-9'), y.take(key, 'm-9'), x.take(key, 'm-9'), y.take(key, 'm-9')]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    await x.mark(key, 'm-10', 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await y.take(key, 'm-10')).toBe(false);

    const clock = createManualClock();
    const memory = createMemoryUnansweredTurns({ clock });
    await memory.mark(key, 'm-1', 1_000);
    expect(await memory.take(key, 'm-1')).toBe(true);
    expect(await memory.take(key, 'm-1')).toBe(false);
    await memory.mark(key, 'm-2', 1_000);
    clock.advance(1_001);
    expect(await memory.take(key, 'm-2')).toBe(false);
  });
});
