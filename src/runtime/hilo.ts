import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ConversationHost } from '../actors/conversation-host.js';
import { createRuleBrain } from '../actors/brain/index.js';
import { createTenantRuntime, type TenantRuntime } from '../actors/tenant-runtime.js';
import type { CrmPort } from '../actors/records.js';
import { HiloError } from '../errors.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../persistence/index.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../persistence/embedded/memory-records.js';
import { loadTenants } from '../persistence/tenant-loader.js';
import type { SnapshotStore } from '../persistence/snapshot-store.js';
import type { TranscriptStore } from '../persistence/transcript-store.js';
import { createApiKeyRegistry } from './api-keys.js';
import { systemClock, type Clock } from './clock.js';
import type { HiloConfig } from './config.js';
import { startGateway, type Gateway } from './gateway/index.js';
import { createInspector } from './inspector.js';
import { createLogger, type Logger } from './logger.js';
import { projectRoot } from './project-root.js';
import { createLocalShardRouter } from './shard-router.js';
import { createMetrics } from './metrics.js';

export interface HiloOptions {
  config: HiloConfig;
  logger?: Logger;
  clock?: Clock;
  /** Override the stores (tests, the durable runtime). Defaults: in-memory. */
  snapshots?: SnapshotStore;
  transcripts?: TranscriptStore;
}

export interface Hilo {
  readonly port: number;
  readonly transport: 'uws' | 'node';
  /** The demo tenant's API key (configured or generated). */
  readonly demoApiKey: string;
  readonly host: ConversationHost;
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

  const snapshots = options.snapshots ?? createMemorySnapshotStore({ clock });
  const transcripts = options.transcripts ?? createMemoryTranscriptStore();
  const tickets = createMemoryTicketStore({ clock });
  const leads = createMemoryLeadStore({ clock });
  const crmLog = logger.child({ component: 'crm' });
  const crm: CrmPort = {
    // Embedded default: the lead is already stored by the lead store; log ids only (no personal data).
    async pushLead(tenantId, payload) {
      crmLog.info({ tenant: tenantId, leadId: payload.lead_id, interest: payload.business_context.interest_area, urgency: payload.urgency_level }, 'lead delivered to the embedded CRM');
    },
  };

  const tenantData = await loadTenants(tenantsDir);
  const tenants = new Map<string, TenantRuntime>();
  // The host is created after the tenants, but effects look contexts up lazily through it.
  let hostRef: ConversationHost | null = null;
  for (const [id, data] of tenantData) {
    const started = clock.now();
    const brain = createRuleBrain({ tenant: data });
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
      }),
    );
    log.info({ tenant: id, products: data.catalog.length, trainingMs: clock.now() - started }, 'tenant loaded, rule brain trained');
  }

  const inspector = await createInspector({ mode: config.inspect, port: config.inspectPort, conversationFilter: config.inspectConversation, logger });
  const router = createLocalShardRouter({ shardCount: config.shardCount });
  const host = new ConversationHost({
    tenants,
    snapshots,
    transcripts,
    contacts: createMemoryContactDirectory(),
    router,
    clock,
    logger,
    maxActiveActors: config.maxActiveActors,
    idleTimeoutMs: config.idleTimeoutMs,
    turnTimeoutMs: config.turnTimeoutMs,
    ...(inspector ? { inspect: { observer: inspector.observer, select: inspector.select } } : {}),
    onRelay: (key, relay) =>
      logger.child({ component: 'handoff' }).info({ tenant: key.tenantId, conversationId: key.conversationId, ticket: relay.ticketNumber, messageId: relay.messageId }, 'customer message relayed to agents'),
  });
  hostRef = host;
  host.start();

  const apiKeys = createApiKeyRegistry();
  let demoApiKey = config.demoApiKey;
  if (tenants.has(DEMO_TENANT)) {
    if (!demoApiKey) demoApiKey = apiKeys.generate();
    apiKeys.add(DEMO_TENANT, demoApiKey);
  }
  for (const { tenantId, key } of config.apiKeys) apiKeys.add(tenantId, key);

  const widgetJsPath = join(root, 'dist', 'widget', 'widget.js');
  const demoHtmlPath = join(root, 'web-widget', 'demo', 'index.html');
  if (!existsSync(widgetJsPath)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `Widget bundle not found at ${widgetJsPath}: run "npm run build" first.`);
  }
  const metrics = createMetrics({ host, clock });

  let gateway: Gateway;
  try {
    gateway = await startGateway({
      port: config.port,
      host: config.host,
      transport: config.transport,
      service: host,
      apiKeys,
      logger,
      clock,
      assets: { widgetJsPath, demoHtmlPath },
      limits: { maxBodyBytes: config.maxBodyBytes, turnTimeoutMs: config.turnTimeoutMs + 1_000 },
      rateLimits: { perIpPerMinute: config.rateLimitPerIpPerMinute, perContactPerMinute: config.rateLimitPerContactPerMinute },
      extraRoutes: metrics.routes,
      health: () => ({ tenants: [...tenants.keys()], activeConversations: host.stats.active, shards: router.shardCount }),
    });
  } catch (err) {
    await host.close();
    await inspector?.close();
    throw err;
  }
  log.info({ port: gateway.port, transport: gateway.transport, tenants: [...tenants.keys()], shards: router.shardCount }, 'Hilo is listening');

  let closing: Promise<void> | null = null;
  return {
    port: gateway.port,
    transport: gateway.transport,
    demoApiKey: demoApiKey ?? '',
    host,
    tenants,
    close() {
      closing ??= (async () => {
        await gateway.close();
        await host.close();
        await snapshots.close();
        await transcripts.close();
        await inspector?.close();
        log.info('Hilo stopped');
      })();
      return closing;
    },
  };
}
