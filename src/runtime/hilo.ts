import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { loadOrCreateDemoKey } from './demo-key.js';
import { createMemoryConversationDirectory, type ConversationDirectory } from '../persistence/ports/conversation-directory.js';
import { createSqlConversationDirectory } from '../persistence/sql/conversation-directory.js';
import type { ComposeReplies } from '../actors/brain/llm/compose-replies.js';
import { ConversationHost, createTranscriptTurnJournal, type TurnJournal } from '../actors/conversation-host.js';
import { createRuleBrain } from '../actors/brain/index.js';
import type { Brain } from '../actors/brain/brain.js';
import type { TenantData } from '../domain/tenant.js';
import { createTenantRuntime, type TenantRuntime } from '../actors/tenant-runtime.js';
import { createMemoryContactMemoryPort, createSqlContactMemoryPort, type ContactMemoryPort } from '../actors/memory/contact-memory.js';
import type { ContactDirectory, CrmPort, LeadStore, TicketStore } from '../persistence/ports/records.js';
import { HiloError } from '../kernel/errors.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../persistence/index.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../persistence/memory/memory-records.js';
import { loadTenants } from '../persistence/tenant-loader.js';
import { createRedisSnapshotStore } from '../persistence/redis/redis-snapshot-store.js';
import { createOutboxRepository, createSqlContactDirectory, createSqlLeadStore, createSqlTicketStore, createSqlTranscriptStore, createSqlTurnJournal, openDatabase, type Database, type OutboxRepository } from '../persistence/sql/index.js';
import { createMemoryDeduplicator } from '../channels/index.js';
import { createChannelWiring, type ChannelWiring } from './channel-routes.js';
import { createMemoryOutbox, createOutboxWorker } from './outbox-worker.js';
import { createGovernanceService } from '../actors/governance/governance.service.js';
import type { AuditTrail } from '../persistence/ports/audit-trail.js';
import { createMemoryAuditTrail } from '../persistence/memory/memory-audit-trail.js';
import { createSqlAuditTrail } from '../persistence/sql/audit.repository.js';
import { createAdminRoutes, startRetentionJob, type RetentionJob } from './admin-routes.js';
import type { SnapshotStore } from '../persistence/ports/snapshot-store.js';
import type { TranscriptStore } from '../persistence/ports/transcript-store.js';
import { createApiKeyRegistry } from './api-keys.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import type { HiloConfig } from './config.js';
import { startGateway, type Gateway } from './gateway/index.js';
import { createIdentityAccess } from './identity-access.js';
import { createInspector } from './inspector.js';
import { loadServerSecret } from './server-secret.js';
import { createLogger, type Logger } from '../kernel/logger.js';
import { projectRoot } from './project-root.js';
import { createLocalShardRouter } from './shard-router.js';
import { createMetrics } from './metrics.js';
import { createTimerScheduler, type IdleCloseSource } from './timers.js';

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
    const snapshots = createMemorySnapshotStore({ clock });
    const transcripts = createMemoryTranscriptStore();
    const tickets = createMemoryTicketStore({ clock });
    return {
      describe: { snapshots: 'memory', database: 'none' },
      snapshots,
      transcripts,
      journal: createTranscriptTurnJournal(transcripts),
      contacts: createMemoryContactDirectory(),
      tickets,
      leads: createMemoryLeadStore({ clock }),
      memory: createMemoryContactMemoryPort({ tickets }),
      close: async () => undefined,
    };
  }
  const db = await openDatabase({
    ...(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') }),
    logger,
  });
  let snapshots: SnapshotStore;
  try {
    if (config.redisUrl) {
      const redis = createRedisSnapshotStore({ url: config.redisUrl, prefix: config.redisPrefix, logger });
      snapshots = redis;
      await redis.ping().catch(async (err: unknown) => {
        await redis.close();
        throw new HiloError('HILO_ERR_CONFIG_INVALID', `Redis at REDIS_URL is unreachable: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
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
    journal: createSqlTurnJournal(db),
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

export interface HiloOptions {
  config: HiloConfig;
  logger?: Logger;
  clock?: Clock;
  /** Stores opened by the caller, who also closes them (after `close()`). Default: `openStorage(config)`. */
  storage?: HiloStorage;
  /** Override single stores in the all-in-memory mode (older tests); closed by `close()`. */
  snapshots?: SnapshotStore;
  transcripts?: TranscriptStore;
  /**
   * Creates each tenant's brain. Default: the offline rule brain. The LLM brain factory plugs in
   * here; `close` runs on shutdown and `metricsJson` is merged into `/metrics.json`.
   */
  createBrain?: (data: TenantData, context?: { audit: AuditTrail }) => Promise<TenantBrain>;
  /**
   * LLM-written replies (`HILO_LLM_REPLIES=1`): `createBrainFactory(llm, { replies: true }).composeReplies`.
   * Given to the conversation host; absent, every reply is the tenant template.
   */
  composeReplies?: ComposeReplies;
}

/** A tenant's brain as the runtime holds it. */
export interface TenantBrain {
  brain: Brain;
  /**
   * The conversation no longer needs the brain's per-conversation resources (an LLM key pool slot):
   * it was handed to a human, closed, or its last widget disconnected. It may come back later.
   */
  release?: (conversationId: string) => void;
  close?: () => Promise<void>;
  metricsJson?: () => Record<string, unknown>;
}

export interface Hilo {
  readonly port: number;
  readonly transport: 'uws' | 'node';
  /** The demo tenant's API key (configured or generated). */
  readonly demoApiKey: string;
  /** The inspector page with its token (`HILO_INSPECT=server`); print it, never log it. */
  readonly inspectorUrl: string | null;
  readonly host: ConversationHost;
  readonly storage: HiloStorage;
  /** The tenants' audit chains (SQL when there is a database, else in memory). */
  readonly audit: AuditTrail;
  /** Fires due durable timers now (tests drive it with a manual clock). */
  fireTimers(): Promise<number>;
  /** Delivers every due outbox row now (replies, agent notifications, CRM leads); returns how many. */
  drainOutbox(): Promise<number>;
  readonly tenants: ReadonlyMap<string, TenantRuntime>;
  close(): Promise<void>;
}

export const DEMO_TENANT = 'ferreteria';

/**
 * Starts Hilo in one process: tenants and their brains, the actor host behind a local shard
 * router, and the gateway. Embedded defaults: in-memory stores, rule brain.
 */
export async function startHilo(options: HiloOptions): Promise<Hilo> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const log = logger.child({ component: 'hilo' });
  const root = projectRoot();
  const tenantsDir = isAbsolute(config.tenantsDir) ? config.tenantsDir : join(root, config.tenantsDir);

  let storage: HiloStorage;
  const ownsStorage = options.storage === undefined;
  if (options.storage) {
    storage = options.storage;
  } else if (options.snapshots || options.transcripts) {
    const memory = await openStorage({ ...config, storage: 'memory' }, { clock, logger });
    const snapshots = options.snapshots ?? memory.snapshots;
    const transcripts = options.transcripts ?? memory.transcripts;
    storage = {
      ...memory,
      snapshots,
      transcripts,
      journal: createTranscriptTurnJournal(transcripts),
      async close() {
        await snapshots.close();
        await transcripts.close();
      },
    };
  } else {
    storage = await openStorage(config, { clock, logger });
  }
  const { snapshots, transcripts, tickets, leads } = storage;
  // One audit port for every event (tickets, leads, agents, identity links, refused tool calls,
  // injection detections): the SQL chain when there is a database, else a chain in memory.
  const audit: AuditTrail = storage.db
    ? createSqlAuditTrail({ db: storage.db, clock, logger, key: config.auditKey })
    : createMemoryAuditTrail({ clock, logger, key: config.auditKey });
  // Channel wiring needs the host, which needs the tenants: effects reach it lazily.
  let wiringRef: ChannelWiring | null = null;
  const wired = (): ChannelWiring => {
    if (!wiringRef) throw new HiloError('HILO_ERR_INTERNAL', 'channel wiring used before start-up finished');
    return wiringRef;
  };
  // CRM webhook rows when configured (embedded default: the lead store holds it, the log says so).
  const crm: CrmPort = {
    async pushLead(tenantId, payload) {
      await wired().crm.pushLead(tenantId, payload);
      await audit.record(tenantId, { type: 'lead.pushed', leadId: payload.lead_id, urgency: payload.urgency_level ?? null, destination: config.crmWebhookUrl ? 'crm_webhook' : 'embedded' });
    },
  };
  // Durable mode: the turn journal writes reply rows in the turn's transaction. All-in-memory
  // mode: replies for provider channels are queued in memory after the turn commits, so a crash
  // between commit and send loses them (documented in docs/channels.md).
  const outbox: OutboxRepository = storage.db ? createOutboxRepository({ db: storage.db, clock }) : createMemoryOutbox({ clock });
  const baseJournal = storage.journal;
  // The conversation list: the `conversations` table in durable mode, noted per commit in memory.
  const memoryDirectory = storage.db ? null : createMemoryConversationDirectory();
  const conversationDirectory: ConversationDirectory = storage.db ? createSqlConversationDirectory(storage.db) : memoryDirectory!;
  const journal: TurnJournal = storage.db
    ? baseJournal
    : {
        async commit(key, turn, envelope) {
          const stored = await baseJournal.commit(key, turn, envelope);
          const at = turn.entries[turn.entries.length - 1]?.at ?? new Date(clock.now()).toISOString();
          memoryDirectory?.noteTurn(key, { phase: turn.phase, at, lastSeq: stored.reduce((m, r) => Math.max(m, r.seq), 0) });
          for (const r of stored) {
            if (r.direction !== 'out' || r.channel === 'web' || r.channel === 'rest') continue;
            await outbox.enqueue({ tenantId: key.tenantId, conversationId: key.conversationId, kind: 'reply', payload: { messageId: r.messageId, seq: r.seq, channel: r.channel, text: r.text, ...(r.options ? { options: r.options } : {}) }, idempotencyKey: `reply:${key.conversationId}:${r.messageId}` });
          }
          return stored;
        },
        lastCommitted: (key) => baseJournal.lastCommitted(key),
      };

  const tenantData = await loadTenants(tenantsDir);
  // Abuse limits (identity-link codes, account verification) must hold across conversations and
  // restarts: counted in Redis, else SQL, else memory.
  const identityAccess = createIdentityAccess({ ...(config.storage !== 'memory' && config.redisUrl ? { redisUrl: config.redisUrl, redisPrefix: config.redisPrefix } : {}), ...(storage.db ? { db: storage.db } : {}), auditTrail: audit, clock, logger });
  const tenants = new Map<string, TenantRuntime>();
  // The host is created after the tenants, but effects look contexts up lazily through it.
  let hostRef: ConversationHost | null = null;
  const brains: TenantBrain[] = [];
  const brainByTenant = new Map<string, TenantBrain>();
  for (const [id, data] of tenantData) {
    const started = clock.now();
    const made = options.createBrain ? await options.createBrain(data, { audit }) : { brain: createRuleBrain({ tenant: data }) };
    brains.push(made);
    brainByTenant.set(id, made);
    const brain = made.brain;
    tenants.set(
      id,
      createTenantRuntime({
        data,
        brain,
        tickets,
        leads,
        crm,
        transcripts,
        clock,
        logger,
        contextOf: (t, c) => hostRef?.contextOf(t, c) ?? null,
        contactHandleOf: (t, c) => hostRef?.contactHandleOf(t, c) ?? null,
        onTicketOpened: async (ticket, input) => {
          await audit.record(input.tenantId, { type: 'ticket.opened', conversationId: input.conversationId, ticketId: ticket.ticketId, ticketNumber: ticket.number, kind: input.kind, reason: input.reason });
          await wired().onTicketOpened(ticket, input);
        },
        accessCounters: identityAccess.counters,
      }),
    );
    log.info({ tenant: id, products: data.catalog.length, trainingMs: clock.now() - started }, 'tenant loaded, rule brain trained');
  }

  const inspector = await createInspector({ mode: config.inspect, port: config.inspectPort, conversationFilter: config.inspectConversation, logger, host: config.host, token: config.inspectToken });
  const router = createLocalShardRouter({ shardCount: config.shardCount });
  const host = new ConversationHost({
    tenants,
    snapshots,
    transcripts,
    journal,
    contacts: storage.contacts,
    router,
    clock,
    logger,
    maxActiveActors: config.maxActiveActors,
    ...(config.conversationIdleCloseMs > 0 ? { idleCloseMs: config.conversationIdleCloseMs } : {}),
    idleTimeoutMs: config.idleTimeoutMs,
    turnTimeoutMs: config.turnTimeoutMs,
    ...(inspector ? { inspect: { observer: inspector.observer, select: inspector.select } } : {}),
    ...(options.composeReplies ? { composeReplies: options.composeReplies } : {}),
    ...(storage.memory ? { memory: storage.memory } : {}),
    identity: {
      counters: identityAccess.counters,
      ...(identityAccess.audit ? { audit: identityAccess.audit } : {}),
      // The one-time code goes out through the outbox on the other thread's channel; a channel
      // this tenant cannot send on (or the widget) cannot prove anything, so nothing is linked.
      async sendCode(input) {
        if (!(wired().enabled[input.tenantId] ?? []).some((c) => c === input.channel)) return false;
        await outbox.enqueue({
          tenantId: input.tenantId,
          conversationId: input.conversationId,
          kind: 'direct',
          payload: { channel: input.channel, to: input.externalId, text: input.text },
          idempotencyKey: `identity-code:${input.conversationId}:${randomUUID()}`,
        });
        worker?.kick();
        return true;
      },
    },
    onTurnCommitted: (key, state) => {
      if (state.startsWith('handoff') || state.startsWith('closed')) brainByTenant.get(key.tenantId)?.release?.(key.conversationId);
    },
    onRelay: (key, relay) => {
      logger.child({ component: 'handoff' }).info({ tenant: key.tenantId, conversationId: key.conversationId, ticket: relay.ticketNumber, messageId: relay.messageId }, 'customer message relayed to agents');
      wired().onRelay(key, relay);
    },
  });
  hostRef = host;
  const db = storage.db;
  const recipientOf = async (tenantId: string, conversationId: string, channel: string): Promise<string | null> => {
    // The conversation id is the contact's thread (`c_<uuid without dashes>`, see sql-records.ts).
    const hex = /^c_([0-9a-f]{32})$/.exec(conversationId)?.[1];
    if (db && hex) {
      const contactId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      const rows = await db.em().execute<{ external_id: string }[]>(
        `select external_id from channel_identities where tenant_id = ? and contact_id = ? and channel = ? order by created_at desc limit 1`,
        [tenantId, contactId, channel],
      );
      if (rows[0]) return rows[0].external_id;
    }
    return host.contactHandleOf(tenantId, conversationId);
  };
  let worker: ReturnType<typeof createOutboxWorker> | null = null;
  const wiring = createChannelWiring({
    config,
    tenantIds: [...tenants.keys()],
    host,
    tickets,
    transcripts,
    outbox,
    kick: () => worker?.kick(),
    recipientOf,
    dedupe: createMemoryDeduplicator({ clock }),
    audit,
    clock,
    logger,
  });
  wiringRef = wiring;
  worker = createOutboxWorker({ outbox, handlers: wiring.handlers, clock, logger, pollMs: config.outboxPollMs, onFinalFailure: wiring.onOutboxFailure });
  const outboxWorker = worker;
  if (Object.keys(wiring.enabled).length > 0) log.info({ channels: wiring.enabled, publicUrl: config.publicUrl }, 'provider channels enabled');
  host.start();
  const timers = createTimerScheduler({ source: storage.journal, host, clock, logger, scanEveryMs: config.timerScanMs });
  timers.start();

  const apiKeys = createApiKeyRegistry();
  let demoApiKey = config.demoApiKey;
  if (tenants.has(DEMO_TENANT)) {
    // Embedded/durable mode keeps a generated key in the data folder (stable across restarts);
    // memory mode forgets everything on restart anyway, so it does not write to disk.
    if (!demoApiKey) demoApiKey = config.storage === 'durable' ? loadOrCreateDemoKey(config.dataDir, () => apiKeys.generate()).key : apiKeys.generate();
    apiKeys.add(DEMO_TENANT, demoApiKey);
  }
  for (const { tenantId, key } of config.apiKeys) apiKeys.add(tenantId, key);

  const widgetJsPath = join(root, 'dist', 'widget', 'widget.js');
  const demoHtmlPath = join(root, 'web-widget', 'demo', 'index.html');
  if (!existsSync(widgetJsPath)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `Widget bundle not found at ${widgetJsPath}: run "npm run build" first.`);
  }
  const metrics = createMetrics({
    host,
    clock,
    outbox: outboxWorker.stats,
    extraJson: () => Object.assign({}, ...brains.map((b) => b.metricsJson?.() ?? {})) as Record<string, unknown>,
  });
  // Governance (export, erase, retention) needs the SQL records: durable mode only. Audit
  // verification works in every mode (memory mode verifies its in-memory chain).
  let retention: RetentionJob | null = null;
  const adminRoutes = [];
  if (storage.db) {
    const governance = createGovernanceService({
      db: storage.db,
      snapshots: storage.snapshots,
      clock,
      logger,
      auditKey: config.auditKey,
      onConversationErased: (key) => host.evict(key.tenantId, key.conversationId),
    });
    adminRoutes.push(...createAdminRoutes({ governance, audit, apiKeys, hasTenant: (t) => host.hasTenant(t) }));
    retention = startRetentionJob({ governance, clock, logger });
  } else {
    adminRoutes.push(...createAdminRoutes({ governance: null, audit, apiKeys, hasTenant: (t) => host.hasTenant(t) }));
  }

  let gateway: Gateway;
  try {
    gateway = await startGateway({
      port: config.port,
      host: config.host,
      transport: config.transport,
      service: host,
      conversations: conversationDirectory,
      apiKeys,
      logger,
      clock,
      assets: { widgetJsPath, demoHtmlPath },
      limits: { maxBodyBytes: config.maxBodyBytes, turnTimeoutMs: config.turnTimeoutMs + 1_000 },
      rateLimits: { perIpPerMinute: config.rateLimitPerIpPerMinute, perContactPerMinute: config.rateLimitPerContactPerMinute },
      // Signs widget resume tokens; kept in the data folder so widgets resume after a restart.
      secret: loadServerSecret({ secret: config.secret, dataDir: config.dataDir, persist: config.storage === 'durable' }),
      metricsToken: config.metricsToken,
      trustProxy: config.trustProxy,
      extraRoutes: [...metrics.routes, ...adminRoutes, ...wiring.routes],
      health: () => ({ tenants: [...tenants.keys()], activeConversations: host.stats.active, shards: router.shardCount }),
      onWidgetDisconnect: (tenantId, conversationId) => brainByTenant.get(tenantId)?.release?.(conversationId),
      widgetIntro: (tenantId) => tenants.get(tenantId)?.data.widget,
    });
  } catch (err) {
    await retention?.stop();
    await timers.close();
    await host.close();
    await outboxWorker.close();
    await inspector?.close();
    await identityAccess.close();
    if (ownsStorage) await storage.close();
    throw err;
  }
  outboxWorker.start();
  log.info({ port: gateway.port, transport: gateway.transport, tenants: [...tenants.keys()], shards: router.shardCount, storage: storage.describe }, 'Hilo is listening');

  let closing: Promise<void> | null = null;
  return {
    port: gateway.port,
    transport: gateway.transport,
    demoApiKey: demoApiKey ?? '',
    inspectorUrl: inspector?.url ?? null,
    host,
    tenants,
    storage,
    audit,
    fireTimers: () => timers.tick(),
    drainOutbox: () => outboxWorker.drain(),
    close() {
      closing ??= (async () => {
        await gateway.close();
        await retention?.stop();
        await timers.close();
        await host.close();
        await outboxWorker.close();
        for (const b of brains) await b.close?.();
        if (ownsStorage) await storage.close();
        await inspector?.close();
        await identityAccess.close();
        log.info('Hilo stopped');
      })();
      return closing;
    },
  };
}
