import { join } from 'node:path';
import type { ContactMemoryPort } from '../persistence/ports/contact-memory.js';
import { createMemoryContactMemoryPort } from '../persistence/memory/memory-contact-memory.js';
import { createSqlContactMemoryPort } from '../persistence/sql/sql-contact-memory.js';
import { HiloError } from '../kernel/errors.js';
import { errorMessage } from '../kernel/describe-error.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../persistence/index.js';
import { createTranscriptTurnJournal } from '../persistence/memory/memory-turn-journal.js';
import { createEnvelopeJsonMemo } from '../persistence/memory/envelope-json.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../persistence/memory/memory-records.js';
import type { ContactDirectory, LeadStore, TicketStore } from '../persistence/ports/records.js';
import type { SnapshotStore } from '../persistence/ports/snapshot-store.js';
import type { TranscriptStore } from '../persistence/ports/transcript-store.js';
import type { IdleCloseSource, TurnJournal } from '../persistence/ports/turn-journal.js';
import { createRedisSnapshotStore } from '../persistence/redis/redis-snapshot-store.js';
import { createSqlContactDirectory, createSqlLeadStore, createSqlTicketStore, createSqlTranscriptStore, createSqlTurnJournal, openDatabase, type Database } from '../persistence/sql/index.js';
import type { HiloConfig } from './config.js';

/** Everything Hilo stores, opened from the configuration (`openStorage`) or given by a test. */
export interface HiloStorage {
  /** What backs it, for the start-up log and `/health`. */
  readonly describe: { snapshots: 'memory' | 'redis'; database: 'none' | 'pglite' | 'postgres' };
  readonly snapshots: SnapshotStore;
  readonly transcripts: TranscriptStore;
  readonly journal: TurnJournal & IdleCloseSource;
  readonly contacts: ContactDirectory;
  readonly tickets: TicketStore;
  readonly leads: LeadStore;
  /** Long-term contact memory (profiles of returning contacts): SQL, or in memory in all-in-memory mode. */
  readonly memory?: ContactMemoryPort;
  /** The SQL database when one is configured (governance needs it); absent in all-in-memory mode. */
  readonly db?: Database;
  /** Closes the snapshot store and the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens the stores the configuration asks for: `HILO_STORAGE=memory` keeps everything in memory;
 * otherwise SQL (`DATABASE_URL`, else embedded PGlite under `HILO_DATA_DIR/pglite`) holds
 * contacts, transcripts, turns, tickets, leads and timers, and snapshots live in Redis
 * (`REDIS_URL`, keys under `HILO_REDIS_PREFIX`) or in memory, backed by the SQL snapshot copy.
 *
 * @example
 * const storage = await openStorage(loadConfig(), { clock: systemClock, logger });
 * const hilo = await startHilo({ config, storage }); // the caller closes `storage` after `hilo`
 */
export async function openStorage(config: HiloConfig, deps: { clock: Clock; logger: Logger }): Promise<HiloStorage> {
  const { clock, logger } = deps;
  if (config.storage === 'memory') {
    // One serialisation of the envelope per turn: the journal keeps the snapshot store's text.
    const envelopeJson = createEnvelopeJsonMemo();
    const snapshots = createMemorySnapshotStore({ clock, envelopeJson });
    const transcripts = createMemoryTranscriptStore();
    const tickets = createMemoryTicketStore({ clock });
    return {
      describe: { snapshots: 'memory', database: 'none' },
      snapshots,
      transcripts,
      journal: createTranscriptTurnJournal(transcripts, { envelopeJson }),
      contacts: createMemoryContactDirectory(),
      tickets,
      leads: createMemoryLeadStore({ clock }),
      memory: createMemoryContactMemoryPort({ tickets }),
      close: async () => undefined,
    };
  }
  const db = await openDatabase({
    ...(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite'), ...(config.pgliteInitdbCache ? { initdbCacheDir: config.pgliteInitdbCache } : {}) }),
    logger,
  });
  let snapshots: SnapshotStore;
  // One serialisation of the snapshot per durable turn: Redis hands the journal its text of the envelope without the turn.
  const envelopeCopyJson = createEnvelopeJsonMemo();
  try {
    if (config.redisUrl) {
      const redis = createRedisSnapshotStore({ url: config.redisUrl, prefix: config.redisPrefix, logger, envelopeCopyJson });
      snapshots = redis;
      await redis.ping().catch(async (err: unknown) => {
        await redis.close();
        throw new HiloError('HILO_ERR_CONFIG_INVALID', `Redis at REDIS_URL is unreachable: ${errorMessage(err)}`, { cause: err });
      });
    } else {
      snapshots = createMemorySnapshotStore({ clock });
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  let closing: Promise<void> | null = null;
  return {
    describe: { snapshots: config.redisUrl ? 'redis' : 'memory', database: db.kind },
    snapshots,
    transcripts: createSqlTranscriptStore(db),
    journal: createSqlTurnJournal(db, { logger, envelopeCopyJson }),
    contacts: createSqlContactDirectory({ db, clock }),
    tickets: createSqlTicketStore({ db, clock }),
    leads: createSqlLeadStore({ db, clock }),
    memory: createSqlContactMemoryPort({ db, clock, logger }),
    db,
    close() {
      closing ??= (async () => {
        await snapshots.close();
        await db.close();
      })();
      return closing;
    },
  };
}

/**
 * The stores `startHilo` runs on: the caller's (`options.storage`, closed by the caller), the
 * all-in-memory stores with single stores replaced (older tests), or `openStorage(config)`.
 */
export async function resolveStorage(
  config: HiloConfig,
  given: { storage?: HiloStorage; snapshots?: SnapshotStore; transcripts?: TranscriptStore },
  deps: { clock: Clock; logger: Logger },
): Promise<{ storage: HiloStorage; owned: boolean }> {
  if (given.storage) return { storage: given.storage, owned: false };
  if (!given.snapshots && !given.transcripts) return { storage: await openStorage(config, deps), owned: true };
  const memory = await openStorage({ ...config, storage: 'memory' }, deps);
  const snapshots = given.snapshots ?? memory.snapshots;
  const transcripts = given.transcripts ?? memory.transcripts;
  const storage: HiloStorage = {
    ...memory,
    snapshots,
    transcripts,
    journal: createTranscriptTurnJournal(transcripts),
    async close() {
      await snapshots.close();
      await transcripts.close();
    },
  };
  return { storage, owned: true };
}
