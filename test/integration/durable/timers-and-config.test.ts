import { describe, expect, it } from 'vitest';
import { createTranscriptTurnJournal } from '../../../src/persistence/memory/memory-turn-journal.js';
import type { DueIdleClose, TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import { HiloError } from '../../../src/kernel/errors.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createTimerScheduler } from '../../../src/runtime/timers.js';

const key = { tenantId: 't1', conversationId: 'c1' };

function turn(seq: number, idleCloseAt: string | null, ids: string[] = [`in-${seq}`, `out-${seq}`]): TurnRecord {
  return {
    seq,
    inboundMessageId: ids[0] ?? null,
    entries: ids.map((id, i) => ({ messageId: id, direction: i === 0 ? 'in' : 'out', author: i === 0 ? 'customer' : 'bot', channel: 'rest', text: id, at: '2026-11-22T12:00:00.000Z' })),
    phase: 'triage',
    idleCloseAt,
  };
}

const envelope = (seq: number): SnapshotEnvelope => ({ v: 1, machineVersion: 1, epoch: 0, seq, savedAt: '2026-11-22T12:00:00.000Z', snapshot: { value: 'x' } });

describe('storage configuration', () => {
  it('should default to durable storage on embedded PGlite under ./data with in-memory snapshots', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ storage: 'durable', databaseUrl: null, redisUrl: null, dataDir: './data', redisPrefix: 'hilo', conversationIdleCloseMs: 86_400_000 });
  });

  it('should read the store URLs, prefix and timers', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
      REDIS_URL: 'redis://127.0.0.1:6379',
      HILO_REDIS_PREFIX: 'hilo-a',
      HILO_STORAGE: 'memory',
      HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
      HILO_DATA_DIR: '/var/lib/hilo',
    });
    expect(config).toMatchObject({ storage: 'memory', databaseUrl: 'postgres://postgres@127.0.0.1:5432/x', redisUrl: 'redis://127.0.0.1:6379', redisPrefix: 'hilo-a', conversationIdleCloseMs: 0, dataDir: '/var/lib/hilo' });
  });

  it.each([
    ['DATABASE_URL', 'mysql://x/y'],
    ['REDIS_URL', 'not a url'],
    ['HILO_REDIS_PREFIX', 'a{b}'],
    ['HILO_STORAGE', 'disk'],
    ['HILO_CONVERSATION_IDLE_CLOSE_MS', '-1'],
  ])('should reject an invalid %s naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CONFIG_INVALID', message: expect.stringContaining(name) }));
  });
});

describe('in-memory turn journal', () => {
  it('should commit a turn once and return the stored lines when it is committed again', async () => {
    const transcripts = createMemoryTranscriptStore();
    const journal = createTranscriptTurnJournal(transcripts);
    const first = await journal.commit(key, turn(1, null), envelope(1));
    const again = await journal.commit(key, turn(1, null), envelope(1));
    expect(again).toEqual(first);
    expect((await transcripts.list(key)).map((l) => l.messageId)).toEqual(['in-1', 'out-1']);
    expect(await journal.lastCommitted(key)).toEqual({ seq: 1, envelope: envelope(1) });
  });

  it('should report idle-close timers that are due, with the seq of the turn that armed them', async () => {
    const journal = createTranscriptTurnJournal(createMemoryTranscriptStore());
    await journal.commit(key, turn(1, '2026-11-22T12:01:00.000Z'), envelope(1));
    expect(await journal.dueIdleCloses(Date.parse('2026-11-22T12:00:59.000Z'), 10)).toEqual([]);
    expect(await journal.dueIdleCloses(Date.parse('2026-11-22T12:01:00.000Z'), 10)).toEqual([{ key, seq: 1 }]);
    await journal.deferIdleClose(key, 1, Date.parse('2026-11-22T12:05:00.000Z'));
    expect(await journal.dueIdleCloses(Date.parse('2026-11-22T12:04:59.000Z'), 10)).toEqual([]);
    await journal.commit(key, turn(2, null), envelope(2));
    expect(await journal.dueIdleCloses(Date.parse('2026-11-23T00:00:00.000Z'), 10)).toEqual([]);
  });
});

describe('timer scheduler', () => {
  it('should close due conversations, drop stale timers and defer failed ones', async () => {
    const clock = createManualClock();
    const due: DueIdleClose[] = [
      { key: { tenantId: 't', conversationId: 'a' }, seq: 3 },
      { key: { tenantId: 't', conversationId: 'b' }, seq: 5 },
      { key: { tenantId: 't', conversationId: 'c' }, seq: 1 },
    ];
    due.push({ key: { tenantId: 'gone', conversationId: 'd' }, seq: 2 });
    const seen: string[] = [];
    const deferred: string[] = [];
    const scheduler = createTimerScheduler({
      clock,
      logger: createSilentLogger(),
      retryAfterMs: 1_000,
      source: {
        dueIdleCloses: async (now) => (now === clock.now() ? due : []),
        deferIdleClose: async (key, seq, dueAt) => {
          deferred.push(`${key.conversationId}@${seq}->${dueAt === null ? 'null' : dueAt - clock.now()}`);
        },
      },
      host: {
        closeIdle: async (tenant, conversationId, seq) => {
          seen.push(`${conversationId}@${seq}`);
          if (tenant === 'gone') throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
          if (conversationId === 'c') throw new Error('database hiccup');
          return conversationId === 'a';
        },
      },
    });
    expect(await scheduler.tick()).toBe(1);
    expect(seen).toEqual(['a@3', 'b@5', 'c@1', 'd@2']);
    // b: armed by a turn that is no longer the last; c: retried later; d: its tenant is gone.
    expect(deferred).toEqual(['b@5->null', 'c@1->1000', 'd@2->null']);
    await scheduler.close();
  });

  it('should join an overlapping tick instead of scanning twice', async () => {
    let scans = 0;
    let release: () => void = () => undefined;
    const scheduler = createTimerScheduler({
      clock: createManualClock(),
      logger: createSilentLogger(),
      source: {
        deferIdleClose: async () => undefined,
        dueIdleCloses: async () => {
          scans++;
          await new Promise<void>((resolve) => (release = resolve));
          return [];
        },
      },
      host: { closeIdle: async () => true },
    });
    const a = scheduler.tick();
    const b = scheduler.tick();
    release();
    await Promise.all([a, b]);
    expect(scans).toBe(1);
    await scheduler.close();
  });
});
