import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { ComposeReplies } from '../actors/brain/llm/compose-replies.js';
import { ConversationHost } from '../actors/conversation-host.js';
import type { TenantRuntime } from '../actors/tenant-runtime.js';
import { createPhoneProof } from '../actors/identity/phone-proof.js';
import { createMemoryDeduplicator } from '../channels/index.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { HiloError } from '../kernel/errors.js';
import { createLogger, type Logger } from '../kernel/logger.js';
import { createMemoryAuditTrail } from '../persistence/memory/memory-audit-trail.js';
import { createMemoryOutbox } from '../persistence/memory/memory-outbox.js';
import type { AuditTrail } from '../persistence/ports/audit-trail.js';
import { createMemoryConversationDirectory } from '../persistence/ports/conversation-directory.js';
import type { OutboxRepository } from '../persistence/ports/outbox.js';
import type { ConversationKey, SnapshotStore } from '../persistence/ports/snapshot-store.js';
import type { TranscriptStore } from '../persistence/ports/transcript-store.js';
import { createSqlAuditTrail } from '../persistence/sql/audit.repository.js';
import { createSqlChannelIdentityLookup } from '../persistence/sql/channel-identity-lookup.js';
import { createSqlConversationDirectory } from '../persistence/sql/conversation-directory.js';
import { createOutboxRepository, enableIdentityCache } from '../persistence/sql/index.js';
import { createAdminWiring } from './admin-wiring.js';
import { createApiKeyRegistry, hashApiKey } from './api-keys.js';
import {
  createAgentCommandRoute,
  createChannelRegistry,
  createCountedDeduplicator,
  createCrmDelivery,
  createHandoffNotices,
  createIdentityCodeSender,
  createOutboundDestinations,
  createWebhookRoutes,
  registerChannelHandlers,
} from './channels/index.js';
import type { HiloConfig } from './config.js';
import { createConversationLookups } from './conversation-lookups.js';
import { loadOrCreateDemoKey } from './demo-key.js';
import { startGateway } from './gateway/index.js';
import { consoleRules, createConsole, generateAgentPassword, loadOrCreateDemoAgentPassword, openConsoleStores, type AgentConsole } from './console/index.js';
import { loadConsolePage } from './console/console-page.js';
import { createIdentityAccess } from './identity-access.js';
import { createRedisIdempotencyRecords } from '../persistence/redis/redis-idempotency-records.js';
import { createMemoryIdempotencyRecords } from '../persistence/ports/idempotency-records.js';
import { createRedisUnansweredTurns } from '../persistence/redis/redis-unanswered-turns.js';
import { createInspector } from './inspector.js';
import { withMemoryModeOutbox } from './memory-mode-journal.js';
import { createMetrics } from './metrics.js';
import { createAnalytics } from './analytics/index.js';
import { countAuditEvents, countWebhookDuplicates, createConnectorMetrics, createRuntimeMetrics, observeBrain, timeOutboxHandlers } from './observability/index.js';
import { createOutboxHandlerRegistry, createOutboxQueue, createOutboxWorker } from './outbox/index.js';
import { projectRoot } from './project-root.js';
import { loadServerSecret } from './server-secret.js';
import { createLocalShardRouter } from './shard-router.js';
import { openClusterRuntime, readClusterConfig, type ClusterConfig, type ClusterRuntime } from './cluster/index.js';
import { resolveStorage, type HiloStorage } from './storage.js';
import { buildTenantRuntime, loadTenantRuntimes, type CreateTenantBrain, type TenantWiringOptions } from './tenant-wiring.js';
import { createTenantAdmin } from './tenant-admin.js';
import { prepareTenantIntegrations } from './tenant-integrations-wiring.js';
import { keepTenantKeyDigest, loadTenantKeyDigests } from './tenant-key-file.js';
import { createTimerScheduler } from './timers.js';

export { openStorage, type HiloStorage } from './storage.js';
export type { TenantBrain } from './tenant-wiring.js';

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
  createBrain?: CreateTenantBrain;
  /**
   * LLM-written replies (`HILO_LLM_REPLIES=1`): `createBrainFactory(llm, { replies: true }).composeReplies`.
   * Given to the conversation host; absent, every reply is the tenant template.
   */
  composeReplies?: ComposeReplies;
  /** Clustered runtime (docs/cluster.md); default `readClusterConfig(process.env, config.port)` (`HILO_CLUSTER`). Null: one process. */
  cluster?: ClusterConfig | null;
}

export interface Hilo {
  readonly port: number;
  readonly transport: 'uws' | 'node';
  /** The demo tenant's API key (configured or generated). */
  readonly demoApiKey: string;
  /** The demo tenant's console admin `demo` password (configured or generated); null without the demo tenant. */
  readonly demoAgentPassword: string | null;
  /** The agent console (`/console`): tests drive its SLA scan with `agentConsole.slaTick()`. */
  readonly agentConsole: AgentConsole;
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
/** Every demo tenant the demo API key (`HILO_DEMO_API_KEY` or the generated one) opens: the hardware store and the booking studio. */
export const DEMO_TENANTS: readonly string[] = [DEMO_TENANT, 'estudio'];

/**
 * Starts Hilo in one process: tenants and their brains, the actor host behind a local shard
 * router, the outbox worker and the gateway. Everything is built in dependency order; each
 * resource registers its closer as it starts, and `close()` (or a failed start) runs them in
 * reverse. Embedded defaults: in-memory stores, rule brain.
 */
export async function startHilo(options: HiloOptions): Promise<Hilo> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const log = logger.child({ component: 'hilo' });
  const root = projectRoot();
  const closers: Array<() => Promise<void> | void> = [];
  // Every closer runs even when one fails (a Redis that went away must not leave PostgreSQL or the
  // outbox unflushed); the failures are logged as they happen and the first one is rethrown.
  const closeAll = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const close of closers.splice(0).reverse()) {
      try {
        await close();
      } catch (err) {
        failures.push(err);
        log.error({ err }, 'a resource failed to close; closing the rest');
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, `${failures.length} resources failed to close`);
  };

  // Histograms and counters of this instance; the host, gateway, brains, audit chain, webhook
  // de-duplicator and outbox handlers report to it (served on /metrics, docs/metrics.md).
  const telemetry = createRuntimeMetrics();

  try {
    // 0. A member of a cluster shares its Redis and PostgreSQL with the others: both are required.
    const clusterConfig = options.cluster !== undefined ? options.cluster : readClusterConfig(process.env, config.port);
    if (clusterConfig && (!config.redisUrl || !config.databaseUrl || config.storage === 'memory' || options.snapshots || options.transcripts)) throw new HiloError('HILO_ERR_CLUSTER_STORES_REQUIRED');
    // 1. Stores, the audit chain, the conversation list.
    const { storage, owned } = await resolveStorage(config, options, { clock, logger });
    if (owned) closers.push(() => storage.close());
    const { db } = storage;
    // One process writing its own database: channel identities are remembered (identity-cache.ts); a cluster member's peers link and erase too.
    if (db && owned && !clusterConfig) enableIdentityCache(db);
    let cluster: ClusterRuntime | null = null;
    if (clusterConfig) {
      if (!db || storage.describe.database !== 'postgres' || storage.describe.snapshots !== 'redis') throw new HiloError('HILO_ERR_CLUSTER_STORES_REQUIRED');
      cluster = await openClusterRuntime({ cluster: clusterConfig, redisUrl: config.redisUrl!, prefix: config.redisPrefix, db, shardCount: config.shardCount, clock, logger, registry: telemetry.registry, answerTimeoutMs: config.turnTimeoutMs + 2 * clusterConfig.leaseMs });
      const opened = cluster;
      closers.push(() => opened.close());
    }
    // One audit port for every event (tickets, leads, agents, identity links, refused tool calls,
    // injection detections): the SQL chain when there is a database, else a chain in memory.
    const audit: AuditTrail = countAuditEvents(db ? createSqlAuditTrail({ db, clock, logger, key: config.auditKey }) : createMemoryAuditTrail({ clock, logger, key: config.auditKey }), telemetry);
    const memoryDirectory = db ? null : createMemoryConversationDirectory();
    const conversations = db ? createSqlConversationDirectory(db) : memoryDirectory!;
    // Turn facts for analytics (docs/analytics.md): recorded in SQL only, off the turn's path.
    const analytics = createAnalytics({ db: db ?? null, prices: config.llmPrices, clock, logger });
    closers.push(() => analytics.close());
    // Abuse limits (identity-link codes, account verification) must hold across conversations and
    // restarts: counted in Redis, else SQL, else memory.
    const identityAccess = createIdentityAccess({ ...(config.storage !== 'memory' && config.redisUrl ? { redisUrl: config.redisUrl, redisPrefix: config.redisPrefix } : {}), ...(db ? { db } : {}), auditTrail: audit, clock, logger });
    closers.push(() => identityAccess.close());

    // 2. The outbox and where its rows go besides the widget: provider channels, agents, Slack,
    // the CRM. Rows live in SQL (the journal writes reply rows in the turn's statement) or in
    // memory; the worker runs the handlers registered in step 4, one lane per tenant.
    const outbox: OutboxRepository = db ? createOutboxRepository({ db, clock, ...(cluster ? { shardOf: cluster.shardOf } : {}) }) : createMemoryOutbox({ clock });
    const queue = createOutboxQueue({ outbox });
    const journal = memoryDirectory ? withMemoryModeOutbox(storage.journal, { queue, directory: memoryDirectory, clock }) : storage.journal;
    const lookups = createConversationLookups();
    const destinations = createOutboundDestinations({ config, clock, logger });
    const crmDelivery = createCrmDelivery({ destinations, queue, audit, logger });
    const handoff = createHandoffNotices({ destinations, queue, transcripts: storage.transcripts, tickets: storage.tickets, contactHandleOf: lookups.contactHandleOf, contactChannelOf: lookups.contactChannelOf, clock, logger });
    const handlers = createOutboxHandlerRegistry();
    const worker = createOutboxWorker({ outbox: cluster ? cluster.shardOutbox(outbox) : outbox, handlers: timeOutboxHandlers(handlers, telemetry), clock, logger, pollMs: config.outboxPollMs, onFinalFailure: crmDelivery.onOutboxFailure, ...(cluster ? { mayDeliver: cluster.mayDeliver } : {}) });
    queue.onEnqueued(() => worker.kick());
    closers.push(() => worker.close());

    // 3. Tenants, their brains and effects, then the host that runs their conversations. The
    // provider channels (each tenant's own numbers are added below) carry one-time codes: a web
    // visitor's booking phone is proven by a code to its WhatsApp (docs/workflows-trust.md).
    const channels = createChannelRegistry({ config, tenantIds: [], clock, logger });
    const threadOf = (tenantId: string, conversationId: string, phone: string) => storage.contacts.findOtherThread?.(tenantId, conversationId, { phone }) ?? Promise.resolve(null);
    const phoneProof = createPhoneProof({ sendCode: createIdentityCodeSender({ channels, queue }), threadOf, counters: identityAccess.counters, ...(identityAccess.audit ? { audit: identityAccess.audit } : {}), clock, logger });
    const tenantsDir = isAbsolute(config.tenantsDir) ? config.tenantsDir : join(root, config.tenantsDir);
    const tenantWiring: TenantWiringOptions = {
      teamHours: config.teamHours,
      modelCache: config.modelCacheDir,
      ...(options.createBrain ? { createBrain: options.createBrain } : {}),
      audit,
      observeBrain: (tenantId, brain) => analytics.observeBrain(tenantId, observeBrain(tenantId, brain, telemetry)),
      deps: {
        tickets: storage.tickets,
        leads: storage.leads,
        crm: crmDelivery.crm,
        transcripts: storage.transcripts,
        clock,
        logger,
        contextOf: lookups.contextOf,
        contactHandleOf: lookups.contactHandleOf,
        contactChannelOf: lookups.contactChannelOf,
        contactPhoneOf: lookups.contactPhoneOf,
        onTicketOpened: async (ticket, input) => {
          await audit.record(input.tenantId, { type: 'ticket.opened', conversationId: input.conversationId, ticketId: ticket.ticketId, ticketNumber: ticket.number, kind: input.kind, reason: input.reason });
          await handoff.onTicketOpened(ticket, input);
        },
        onTicketCancelled: async (ticket, input) => {
          await audit.record(input.tenantId, { type: 'ticket.cancelled', conversationId: input.conversationId, ticketId: ticket.ticketId, ticketNumber: ticket.number, by: 'customer' }, 'customer');
          await handoff.onTicketCancelled({ tenantId: input.tenantId, conversationId: input.conversationId }, ticket);
        },
        accessCounters: identityAccess.counters,
        phoneCodes: {
          available: (tenantId) => (channels.enabled[tenantId] ?? []).includes('whatsapp'),
          send: ({ tenantId, conversationId, phone, lang }) => phoneProof.issue({ key: { tenantId, conversationId }, phone, lang }),
        },
      },
      backends: { observer: createConnectorMetrics(telemetry.registry) },
      clock,
      logger,
    };
    const tenants = await loadTenantRuntimes({ tenantsDir, ...tenantWiring });
    closers.push(() => tenants.close());
    analytics.attachTenants(tenants.runtimes);
    // Each tenant's provider channels and its own Rocket.Chat, Slack or CRM (tenant.json `channels`,
    // `integrations`, else the environment's); the admin API re-wires one tenant the same way.
    for (const t of tenants.runtimes.values()) (await prepareTenantIntegrations({ channels, destinations }, t.data.settings))();
    const inspector = await createInspector({ mode: config.inspect, port: config.inspectPort, conversationFilter: config.inspectConversation, logger, host: config.host, token: config.inspectToken });
    if (inspector) closers.push(() => inspector.close());
    const router = cluster?.router ?? createLocalShardRouter({ shardCount: config.shardCount });
    const releaseBrain = (tenantId: string, conversationId: string) => tenants.brains.get(tenantId)?.release?.(conversationId);
    // Committed turns are an event: the agent console (step 5, built on the host) subscribes to it.
    const turnCommitted: Array<(key: ConversationKey, state: string, byAgent: boolean) => void> = [];
    // In a cluster, turns another member committed (its consoles heard them; ours must too).
    const remoteTurns: Array<(key: ConversationKey, state: string) => void> = [];
    // "This failed turn was never answered" marks: shared by every member in Redis, else this process's.
    const unansweredTurns = config.storage !== 'memory' && config.redisUrl ? createRedisUnansweredTurns({ url: config.redisUrl, prefix: config.redisPrefix, logger }) : null;
    if (unansweredTurns) closers.push(() => unansweredTurns.close());
    const host = new ConversationHost({
      tenants: tenants.runtimes,
      // A cluster member writes through the shard fence (docs/cluster.md); one process as before.
      snapshots: cluster ? cluster.fencedSnapshots(storage.snapshots) : storage.snapshots,
      transcripts: storage.transcripts,
      journal: cluster ? cluster.journal : journal,
      contacts: storage.contacts,
      router,
      ...(cluster ? { onUpdate: cluster.onUpdate } : {}),
      clock,
      logger,
      maxActiveActors: config.maxActiveActors,
      ...(config.conversationIdleCloseMs > 0 ? { idleCloseMs: config.conversationIdleCloseMs } : {}),
      idleTimeoutMs: config.idleTimeoutMs,
      turnTimeoutMs: config.turnTimeoutMs,
      ...(inspector ? { inspect: { observer: inspector.observer, select: inspector.select } } : {}),
      ...(options.composeReplies ? { composeReplies: options.composeReplies } : {}),
      ...(storage.memory ? { memory: storage.memory } : {}),
      phoneProof,
      identity: { counters: identityAccess.counters, ...(identityAccess.audit ? { audit: identityAccess.audit } : {}), sendCode: createIdentityCodeSender({ channels, queue }) },
      observer: analytics.observer(telemetry.host),
      ...(unansweredTurns ? { unansweredTurns } : {}),
      onTurnCommitted: (key, state, byAgent) => {
        if (state.startsWith('handoff') || state.startsWith('closed')) releaseBrain(key.tenantId, key.conversationId);
        for (const listener of turnCommitted) listener(key, state, byAgent);
      },
      onRelay: (key, relay) => {
        logger.child({ component: 'handoff' }).info({ tenant: key.tenantId, conversationId: key.conversationId, ticket: relay.ticketNumber, messageId: relay.messageId }, 'customer message relayed to agents');
        return handoff.onRelay(key, relay);
      },
    });
    lookups.attach(host);
    host.start();
    // Shutdown order in a cluster: intake stops (the gateway closes first), the member hands its shards over, then the host closes.
    closers.push(async () => {
      await cluster?.close();
      await host.close();
    });
    // In a cluster every turn goes through the shard's stream to its owner; reads stay local.
    const service = cluster ? cluster.attach(host, { onOutboxKick: () => worker.kick(), settleOutboxShard: (shard) => worker.settleShard(shard), onRemoteTurn: (key, state) => remoteTurns.forEach((listener) => listener(key, state)) }) : null;
    if (service) turnCommitted.push((key, state) => service.publishTurn(key, state));

    // 4. The outbox handlers and the provider and agent webhooks, now that the host exists.
    const externalIdOn = db ? createSqlChannelIdentityLookup(db) : null;
    registerChannelHandlers(handlers, {
      channels,
      destinations,
      transcripts: storage.transcripts,
      // Rows the SQL journal wrote carry no recipient: the channel identity, else the live handle.
      recipientOf: async (tenantId, conversationId, channel) => (await externalIdOn?.(tenantId, conversationId, channel)) ?? host.contactHandleOf(tenantId, conversationId),
    });
    const dedupe = countWebhookDuplicates(createMemoryDeduplicator({ clock }), telemetry);
    const kick = () => worker.kick();
    // Set once the console exists (below): a Rocket.Chat take shows in it as that agent's.
    let onOutsideTakeover: ((tenantId: string, conversationId: string, agentName: string) => Promise<void>) | null = null;
    const channelRoutes = [
      ...createWebhookRoutes({ channels, host: service ? { resolveConversation: (t, ch, s) => service.resolveConversation(t, ch, s), handleMessage: (m, r) => service.accept(m, r) } : host, hasTenant: (t) => host.hasTenant(t), outbox, dedupe, kick, publicUrl: config.publicUrl, maxBodyBytes: config.channelMaxBodyBytes, logger }),
      // Agent messages have nothing behind this route to de-duplicate them: their claims are kept where the limits are (SQL or Redis), across restarts.
      createAgentCommandRoute({ host: service ?? host, tickets: storage.tickets, dedupe: countWebhookDuplicates(createCountedDeduplicator({ counters: identityAccess.counters }), telemetry), outgoingToken: (tenantId) => destinations.for(tenantId).outgoingToken, audit, kick, onTakeover: (t, c, name) => onOutsideTakeover?.(t, c, name) ?? Promise.resolve() }),
    ];
    if (Object.keys(channels.enabled).length > 0) log.info({ channels: channels.enabled, publicUrl: config.publicUrl }, 'provider channels enabled');
    const timers = createTimerScheduler({ source: cluster ? cluster.shardTimers(storage.journal) : storage.journal, host: service ?? host, clock, logger, scanEveryMs: config.timerScanMs });
    timers.start();
    closers.push(() => timers.close());

    // 5. API keys, admin, metrics, then the gateway.
    const apiKeys = createApiKeyRegistry();
    let demoApiKey = config.demoApiKey;
    if (tenants.runtimes.has(DEMO_TENANT)) {
      // Embedded/durable mode keeps a generated key in the data folder (stable across restarts);
      // memory mode forgets everything on restart anyway, so it does not write to disk.
      if (!demoApiKey) demoApiKey = config.storage === 'durable' ? loadOrCreateDemoKey(config.dataDir, () => apiKeys.generate()).key : apiKeys.generate();
      for (const id of DEMO_TENANTS) if (tenants.runtimes.has(id)) apiKeys.add(id, demoApiKey);
    }
    for (const { tenantId, key } of config.apiKeys) apiKeys.add(tenantId, key);
    // Keys the tenant admin API issued before this start (durable mode keeps their digests).
    if (config.storage === 'durable') for (const { tenantId, sha256 } of loadTenantKeyDigests(config.dataDir)) apiKeys.addHashed(tenantId, sha256);
    // Idempotency-Key answers (REST messages, console replies and notes): in Redis when the deployment has it (every member, every restart), else in memory; a contact's erasure drops its answers.
    const idempotencyRecords = config.storage !== 'memory' && config.redisUrl ? createRedisIdempotencyRecords({ url: config.redisUrl, prefix: config.redisPrefix, logger }) : createMemoryIdempotencyRecords({ clock });
    closers.push(() => idempotencyRecords.close());
    const consoleApp = await createConsole({ host: service ?? host, directory: conversations, tickets: storage.tickets, audit, counters: identityAccess.counters, apiKeys, stores: openConsoleStores({ db, clock }), tenantIds: [...tenants.runtimes.keys()], tenantsDir, publicUrl: config.publicUrl, kick, idempotencyRecords, ...consoleRules(tenants.runtimes), reannounce: (t, c, ticket, period, sla) => handoff.reannounceOverdue({ tenantId: t, conversationId: c }, ticket, period, sla), onTaken: (t, c, ticket, holder) => handoff.onConsoleTake({ tenantId: t, conversationId: c }, ticket, holder), clock, logger });
    turnCommitted.push((key, state, byAgent) => consoleApp.noteTurn(key, state, byAgent));
    onOutsideTakeover = (t, c, name) => consoleApp.service.outsideTakeover(t, c, name);
    // A remote turn refreshes the inbox row only: the claim for an outside agent (byAgent) is the owner's.
    remoteTurns.push((key, state) => consoleApp.noteTurn(key, state, false));
    closers.push(() => consoleApp.close());
    let demoAgentPassword: string | null = null;
    // Every demo tenant gets the account `demo` (one password): the studio's handoffs need a
    // receptionist who can log in as much as the hardware store's need a clerk.
    const demoAgentTenants = DEMO_TENANTS.filter((id) => tenants.runtimes.has(id));
    if (demoAgentTenants.length) {
      demoAgentPassword = config.demoAgentPassword ?? (config.storage === 'durable' ? loadOrCreateDemoAgentPassword(config.dataDir).password : generateAgentPassword());
      for (const id of demoAgentTenants) await consoleApp.auth.ensureDemoAgent(id, demoAgentPassword);
    }
    const admin = createAdminWiring({ storage, audit, apiKeys, hasTenant: (t) => host.hasTenant(t), onConversationErased: (t, c) => (cluster ? cluster.conversationErased({ tenantId: t, conversationId: c }) : host.evict(t, c, { erased: true })), ...(cluster ? { beforeErase: () => cluster.assertErasureFenced() } : {}), idempotencyRecords, auditKey: config.auditKey, ...(cluster ? { retentionRunsHere: cluster.retentionRunsHere } : {}), clock, logger });
    if (admin.retention) closers.push(() => admin.retention?.stop());
    // The operator's tenant admin API (HILO_ADMIN_KEY): tenants change without a restart.
    const tenantAdmin = createTenantAdmin({ adminKey: config.adminKey, maxBodyBytes: config.adminMaxBodyBytes, tenantsDir, tenants, build: (data, workflows, classifier) => buildTenantRuntime(tenantWiring, data, workflows, classifier), apiKeys, clustered: cluster !== null, prepareIntegrations: (t) => prepareTenantIntegrations({ channels, destinations, console: consoleApp, demo: { tenants: DEMO_TENANTS, apiKey: demoApiKey ?? null, apiKeys, agentPassword: demoAgentPassword } }, t.data.settings), ...(config.storage === 'durable' ? { keepKey: (t: string, key: string) => keepTenantKeyDigest(config.dataDir, t, hashApiKey(key)) } : {}), clock, logger });
    closers.push(() => tenantAdmin.settled());
    const metrics = createMetrics({
      host,
      clock,
      outbox: worker.stats,
      runtime: telemetry,
      extraJson: () => Object.assign({}, ...[...tenants.brains.values()].map((b) => b.metricsJson?.() ?? {})) as Record<string, unknown>,
    });
    const widgetJsPath = join(root, 'dist', 'widget', 'widget.js');
    if (!existsSync(widgetJsPath)) throw new HiloError('HILO_ERR_CONFIG_INVALID', `Widget bundle not found at ${widgetJsPath}: run "npm run build" first.`);
    const gateway = await startGateway({
      port: config.port,
      host: config.host,
      transport: config.transport,
      service: service ?? host,
      conversations,
      apiKeys,
      logger,
      clock,
      assets: { widgetJsPath, demoHtmlPath: join(root, 'web-widget', 'demo', 'index.html') },
      limits: { maxBodyBytes: config.maxBodyBytes, turnTimeoutMs: config.turnTimeoutMs + 1_000, wsMaxSocketsPerIp: config.wsMaxSocketsPerIp, wsHelloTimeoutMs: config.wsHelloTimeoutMs },
      rateLimits: { perIpPerMinute: config.rateLimitPerIpPerMinute, perContactPerMinute: config.rateLimitPerContactPerMinute },
      // Signs widget resume tokens; kept in the data folder so widgets resume after a restart.
      secret: loadServerSecret({ secret: config.secret, dataDir: config.dataDir, persist: config.storage === 'durable' }),
      metricsToken: config.metricsToken,
      trustProxy: config.trustProxy,
      observer: telemetry.gateway,
      idempotencyRecords,
      extraRoutes: [...metrics.routes, ...admin.routes, ...tenantAdmin.routes, ...analytics.routes({ apiKeys, hasTenant: (t) => host.hasTenant(t), authenticate: (c) => consoleApp.auth.authenticate(c) }), ...channelRoutes, ...consoleApp.routes, ...(await loadConsolePage(join(root, 'dist', 'console'), logger))],
      extraSockets: [consoleApp.socket],
      health: (query) => ({ tenants: [...tenants.runtimes.keys()], activeConversations: host.stats.active, shards: router.shardCount, ...(cluster?.health(query.get('detail') === '1') ?? {}) }),
      onWidgetDisconnect: releaseBrain,
      widgetIntro: (tenantId) => tenants.runtimes.get(tenantId)?.data.widget,
    });
    closers.push(() => gateway.close());
    // The member joins once the host and the routes exist: it takes its shards and reads their streams.
    await cluster?.start();
    worker.start();
    log.info({ port: gateway.port, transport: gateway.transport, tenants: [...tenants.runtimes.keys()], shards: router.shardCount, storage: storage.describe }, 'Hilo is listening');

    let closing: Promise<void> | null = null;
    return {
      port: gateway.port,
      transport: gateway.transport,
      demoApiKey: demoApiKey ?? '',
      demoAgentPassword,
      agentConsole: consoleApp,
      inspectorUrl: inspector?.url ?? null,
      host,
      tenants: tenants.runtimes,
      storage,
      audit,
      fireTimers: () => timers.tick(),
      drainOutbox: () => worker.drain(),
      close() {
        closing ??= closeAll().then(() => log.info('Hilo stopped'));
        return closing;
      },
    };
  } catch (err) {
    // The start-up error is the one to report; closing failures were logged.
    await closeAll().catch(() => undefined);
    throw err;
  }
}
