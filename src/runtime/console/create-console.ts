/**
 * The agent console, assembled: stores (SQL when there is a database, else memory), login and
 * sessions, the service, `/console/api/*` routes and the `/console/ws` socket. `startHilo` gives
 * the routes and the socket to the gateway and calls `noteTurn` from the host's `onTurnCommitted`.
 *
 * @example
 * const consoleApp = await createConsole({ host, directory, tickets, audit, counters, apiKeys, db, ... });
 * startGateway({ ..., extraRoutes: [...consoleApp.routes], extraSockets: [consoleApp.socket] });
 * // host option: onTurnCommitted: (key, state) => consoleApp.noteTurn(key, state)
 */
import type { AccessCounters } from '../../persistence/ports/access-counters.js';
import type { AuditTrail } from '../../persistence/ports/audit-trail.js';
import type { ConversationDirectory } from '../../persistence/ports/conversation-directory.js';
import type { ConversationKey } from '../../persistence/ports/snapshot-store.js';
import type { TicketStore } from '../../persistence/ports/records.js';
import type { AgentAccounts, AgentSessions } from '../../persistence/ports/agent-accounts.js';
import type { AgentNotes } from '../../persistence/ports/agent-notes.js';
import type { ConsoleActivity } from '../../persistence/ports/console-activity.js';
import { createMemoryConsoleActivity } from '../../persistence/memory/memory-console-activity.js';
import { createSqlConsoleActivity } from '../../persistence/sql/console-activity.repository.js';
import type { ConversationAssignments } from '../../persistence/ports/conversation-assignments.js';
import { createMemoryAgentStores } from '../../persistence/memory/memory-agent-accounts.js';
import { createMemoryAgentNotes } from '../../persistence/memory/memory-agent-notes.js';
import { createMemoryConversationAssignments } from '../../persistence/memory/memory-conversation-assignments.js';
import { createSqlAgentStores } from '../../persistence/sql/agent-accounts.repository.js';
import { createSqlAgentNotes } from '../../persistence/sql/agent-notes.repository.js';
import { createSqlConversationAssignments } from '../../persistence/sql/conversation-assignments.repository.js';
import type { Database } from '../../persistence/sql/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { TenantData } from '../../domain/tenant.js';
import type { Logger } from '../../kernel/logger.js';
import { createConsoleAuth, createConsoleService, createInboxFeed, type CannedReply, type ConsoleAuth, type ConsoleHost, type ConsoleService, type ConsoleServiceOptions } from '../../actors/console/index.js';
import type { ScryptParams } from '../../actors/console/password-hash.js';
import type { ApiKeyRegistry } from '../api-keys.js';
import type { Route, WsRoute } from '../gateway/index.js';
import { loadCannedReplies } from './canned-replies.js';
import { createConsoleRoutes } from './console-routes.js';
import { createIdempotencyKeys } from '../gateway/idempotency-keys.js';
import type { IdempotencyRecords } from '../../persistence/ports/idempotency-records.js';
import { createConsoleSocket } from './console-socket.js';

/** The SLA of a tenant without `console.slaSeconds` in its tenant.json. */
export const DEFAULT_SLA_SECONDS = 300;

export interface ConsoleStores {
  accounts: AgentAccounts;
  sessions: AgentSessions;
  assignments: ConversationAssignments;
  notes: AgentNotes;
  activity: ConsoleActivity;
}

/** SQL stores on the database, or memory ones (`HILO_STORAGE=memory`). */
export function openConsoleStores(options: { db?: Database | undefined; clock: Clock }): ConsoleStores {
  if (options.db) {
    const { accounts, sessions } = createSqlAgentStores({ db: options.db, clock: options.clock });
    return { accounts, sessions, assignments: createSqlConversationAssignments({ db: options.db }), notes: createSqlAgentNotes({ db: options.db }), activity: createSqlConsoleActivity({ db: options.db }) };
  }
  const { accounts, sessions } = createMemoryAgentStores({ clock: options.clock });
  return { accounts, sessions, assignments: createMemoryConversationAssignments(), notes: createMemoryAgentNotes(), activity: createMemoryConsoleActivity() };
}

export interface ConsoleDeps {
  host: ConsoleHost;
  directory: ConversationDirectory;
  tickets: TicketStore;
  audit: AuditTrail;
  /** The login limits' counters (the identity-link guard's: Redis, else SQL, else memory). */
  counters: AccessCounters;
  apiKeys: ApiKeyRegistry;
  stores: ConsoleStores;
  tenantIds: readonly string[];
  /** Where `<tenant>/canned-replies.json` lives. */
  tenantsDir: string;
  /** Tenant `console.slaSeconds` (tenant.json); default 300 for all. */
  slaSeconds?: (tenantId: string) => number;
  /** The tenant's team hours and time zone (`store.json` `teamHours`), or null: always within hours. */
  teamHours?: ConsoleServiceOptions['teamHours'];
  /** The tenant's IANA time zone (tenant.json `timeZone`): the page shows every time in it. */
  timeZone?: (tenantId: string) => string | undefined;
  /** Whether the tenant files quote tickets (`filesQuotes`): without them its page has no quotes tab. */
  filesQuotes?: (tenantId: string) => boolean;
  publicUrl: string | null;
  /** Asks the outbox worker to deliver now. */
  kick: () => void;
  /** Announces an overdue handoff again (Rocket.Chat, Slack); see `ConsoleService.slaTick`. */
  reannounce?: ConsoleServiceOptions['reannounce'];
  /** Tells Rocket.Chat who took a handoff in the console. */
  onTaken?: ConsoleServiceOptions['onTaken'];
  /** How often the SLA scan runs; default 30 s, 0 = never (tests call `slaTick`). */
  slaScanMs?: number;
  clock: Clock;
  logger: Logger;
  /** Where replies' and notes' `Idempotency-Key` answers are kept (the REST API's records); memory when absent. */
  idempotencyRecords?: IdempotencyRecords;
  /** Tests lower scrypt's cost. */
  scrypt?: ScryptParams;
}

export interface AgentConsole {
  routes: Route[];
  socket: WsRoute;
  auth: ConsoleAuth;
  service: ConsoleService;
  /** For the host's `onTurnCommitted`: pushes the conversation's inbox item to live consoles. */
  noteTurn(key: ConversationKey, state: string, byAgent?: boolean): void;
  /** Re-announces handoffs unanswered past their SLA now (the timer does it every `slaScanMs`). */
  slaTick(): Promise<number>;
  /**
   * A tenant created or changed at run time (tenant admin API): its agents can log in and its
   * canned replies are read again. Reads now (throws on a bad file); the returned function installs.
   */
  prepareTenant(tenantId: string): Promise<() => void>;
  close(): Promise<void>;
}

/**
 * Whether a tenant files quote tickets, so its agents need a quotes queue: tenant.json
 * `console.quotes` when set, else whether it sells from a catalog (a quote is priced catalog lines;
 * the beauty studio books services and files none).
 */
export function filesQuotes(data: Pick<TenantData, 'settings' | 'catalog'>): boolean {
  return data.settings.console?.quotes ?? data.catalog.length > 0;
}

/**
 * The console's service rules read from each tenant's data: `console.slaSeconds` (tenant.json,
 * default 300), `console.quotes` (`filesQuotes`) and `teamHours` (store.json) with the tenant's time zone.
 *
 * @example
 * createConsole({ ...deps, ...consoleRules(tenants.runtimes) });
 */
export function consoleRules(tenants: ReadonlyMap<string, { data: TenantData }>): Pick<ConsoleDeps, 'slaSeconds' | 'teamHours' | 'timeZone' | 'filesQuotes'> {
  return {
    timeZone: (t) => tenants.get(t)?.data.settings.timeZone,
    filesQuotes: (t) => {
      const data = tenants.get(t)?.data;
      return data ? filesQuotes(data) : true;
    },
    slaSeconds: (t) => tenants.get(t)?.data.settings.console?.slaSeconds ?? DEFAULT_SLA_SECONDS,
    teamHours: (t) => {
      const data = tenants.get(t)?.data;
      return data?.store.teamHours ? { hours: data.store.teamHours, timeZone: data.settings.timeZone } : null;
    },
  };
}

export async function createConsole(deps: ConsoleDeps): Promise<AgentConsole> {
  const tenants = new Set(deps.tenantIds);
  const canned = new Map<string, CannedReply[]>();
  for (const id of tenants) canned.set(id, await loadCannedReplies(deps.tenantsDir, id));
  const feed = createInboxFeed(deps.logger);
  const auth = createConsoleAuth({
    accounts: deps.stores.accounts,
    sessions: deps.stores.sessions,
    counters: deps.counters,
    audit: deps.audit,
    clock: deps.clock,
    logger: deps.logger,
    hasTenant: (t) => tenants.has(t),
    ...(deps.scrypt ? { scrypt: deps.scrypt } : {}),
  });
  const service = createConsoleService({
    host: deps.host,
    directory: deps.directory,
    tickets: deps.tickets,
    assignments: deps.stores.assignments,
    notes: deps.stores.notes,
    activity: deps.stores.activity,
    audit: deps.audit,
    feed,
    clock: deps.clock,
    logger: deps.logger,
    cannedReplies: (t) => canned.get(t) ?? [],
    slaSeconds: deps.slaSeconds ?? (() => DEFAULT_SLA_SECONDS),
    ...(deps.teamHours ? { teamHours: deps.teamHours } : {}),
    kick: deps.kick,
    agentName: async (t, id) => (await auth.getAgent(t, id))?.displayName ?? null,
    // The live set: a tenant added at run time is in the next SLA scan.
    tenantIds: tenants,
    ...(deps.reannounce ? { reannounce: deps.reannounce } : {}),
    ...(deps.onTaken ? { onTaken: deps.onTaken } : {}),
  });
  const log = deps.logger.child({ component: 'console' });
  const scanMs = deps.slaScanMs ?? 30_000;
  let scanning: Promise<unknown> | null = null;
  const timer =
    scanMs > 0
      ? setInterval(() => {
          // One scan at a time: a slow database must not pile scans up.
          scanning ??= service
            .slaTick()
            .catch((err: unknown) => log.warn({ err }, 'SLA scan failed'))
            .finally(() => (scanning = null));
        }, scanMs)
      : null;
  timer?.unref();
  const socket = createConsoleSocket({ auth, host: deps.host, feed, publicUrl: deps.publicUrl, logger: deps.logger });
  const idempotencyKeys = createIdempotencyKeys({ clock: deps.clock, logger: deps.logger, ...(deps.idempotencyRecords ? { records: deps.idempotencyRecords } : {}) });
  const routes = createConsoleRoutes({ auth, service, apiKeys: deps.apiKeys, idempotencyKeys, hasTenant: (t) => tenants.has(t), publicUrl: deps.publicUrl, logger: deps.logger, ...(deps.timeZone ? { timeZone: deps.timeZone } : {}), ...(deps.filesQuotes ? { filesQuotes: deps.filesQuotes } : {}) });
  let closing: Promise<void> | null = null;
  return {
    routes,
    socket,
    auth,
    service,
    noteTurn: (key, state, byAgent = false) => service.noteTurn(key.tenantId, key.conversationId, state, byAgent),
    slaTick: () => service.slaTick(),
    async prepareTenant(tenantId) {
      const replies = await loadCannedReplies(deps.tenantsDir, tenantId);
      return () => {
        canned.set(tenantId, replies);
        tenants.add(tenantId);
      };
    },
    close() {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        await scanning;
        socket.closeAll();
        await service.idle();
        feed.clear();
      })();
      return closing;
    },
  };
}
