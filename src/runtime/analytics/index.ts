/**
 * Conversation analytics (issue 15, docs/analytics.md): the turn-facts recorder the host and the
 * brains report to, and the analytics API over the SQL views. In memory mode nothing is recorded
 * and the API answers `HILO_ERR_ANALYTICS_UNAVAILABLE` (501).
 */
import type { Brain } from '../../actors/brain/brain.js';
import type { HostObserver } from '../../actors/host-observer.js';
import type { TenantRuntime } from '../../actors/tenant-runtime.js';
import { timelessDayAnswer } from '../../actors/tools/info.tool.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { Database } from '../../persistence/sql/database.js';
import { createSqlTurnFacts } from '../../persistence/sql/sql-turn-facts.js';
import type { ApiKeyRegistry } from '../api-keys.js';
import { sessionCookie } from '../console/console-http.js';
import type { Route } from '../gateway/index.js';
import { createAnalyticsQueries } from './analytics-queries.js';
import { createAnalyticsRoutes } from './analytics-routes.js';
import { combineHostObservers, createTurnFactsRecorder, type ModelPrices, type TurnFactsRecorder } from './turn-facts-recorder.js';

export { combineHostObservers, createTurnFactsRecorder, tenantDay, type ModelPrices, type TurnFactsRecorder } from './turn-facts-recorder.js';
export { createAnalyticsRoutes, dayRange } from './analytics-routes.js';
export { createAnalyticsQueries, type AnalyticsQueries, type DayRange, type Summary } from './analytics-queries.js';
export { lexiconSentiment } from './sentiment-lexicon.js';
export { DEFAULT_LLM_PRICES, loadLlmPrices } from './llm-prices.js';
export { normalisedTerms, redactText } from './redact.js';

export interface Analytics {
  observeBrain(tenantId: string, brain: Brain): Brain;
  /** `metrics` and the recorder, both told about every turn. */
  observer(metrics: HostObserver): HostObserver;
  /** The tenants' time zones and brains, once they are loaded. */
  attachTenants(tenants: ReadonlyMap<string, TenantRuntime>): void;
  routes(deps: {
    apiKeys: ApiKeyRegistry;
    hasTenant: (tenantId: string) => boolean;
    authenticate?: (sessionCookie: string) => Promise<{ tenantId: string; role: string; auditActor: string } | null>;
  }): Route[];
  close(): Promise<void>;
}

/**
 * @example
 * const analytics = createAnalytics({ db, prices: config.llmPrices, clock, logger });
 * const host = new ConversationHost({ ...options, observer: analytics.observer(telemetry.host) });
 */
export function createAnalytics(options: { db: Database | null; prices?: ModelPrices; clock: Clock; logger: Logger }): Analytics {
  const { db, clock, logger } = options;
  let tenants: ReadonlyMap<string, TenantRuntime> = new Map();
  const timeZoneOf = (tenantId: string) => tenants.get(tenantId)?.data.settings.timeZone;
  const recorder: TurnFactsRecorder | null = db ? createTurnFactsRecorder({ store: createSqlTurnFacts(db), timeZoneOf, ...(options.prices ? { prices: options.prices } : {}), clock, logger }) : null;
  return {
    observeBrain: (tenantId, brain) => (recorder ? recorder.observeBrain(tenantId, brain) : brain),
    observer: (metrics) => (recorder ? combineHostObservers(metrics, recorder.observer) : metrics),
    attachTenants(loaded) {
      tenants = loaded;
    },
    routes(deps) {
      const authenticate = deps.authenticate;
      const routes = createAnalyticsRoutes({
        queries: db ? createAnalyticsQueries(db) : null,
        apiKeys: deps.apiKeys,
        hasTenant: deps.hasTenant,
        timeZoneOf,
        parse: (tenantId, text) => {
          const tenant = tenants.get(tenantId);
          return tenant ? tenant.brain.parse(text) : { intent: { name: 'out_of_scope', confidence: 0 }, ranking: [], entities: [], lang: 'es' };
        },
        timelessAnswer: (tenantId, question, lang) => {
          const tenant = tenants.get(tenantId);
          return tenant ? timelessDayAnswer(tenant.data, question, lang === 'en' ? 'en' : 'es', clock.now()) : null;
        },
        productName: (tenantId, sku) => tenants.get(tenantId)?.data.catalog.find((p) => p.sku === sku)?.name ?? null,
        flush: () => recorder?.flush() ?? Promise.resolve(),
        ...(authenticate
          ? {
              sessionOf: async (headers: Record<string, string>) => {
                const cookie = sessionCookie(headers);
                const actor = cookie ? await authenticate(cookie) : null;
                return actor ? { tenantId: actor.tenantId, role: actor.role, actor: actor.auditActor } : null;
              },
            }
          : {}),
        clock,
      });
      // The console's session cookie has `Path=/console`, so a browser sends it only there: the
      // admin dashboard reads the same GET routes under `/console` (same auth, same answers).
      return [...routes, ...routes.filter((r) => r.method === 'GET').map((r) => ({ ...r, path: `/console${r.path}` }))];
    },
    close: () => recorder?.close() ?? Promise.resolve(),
  };
}
