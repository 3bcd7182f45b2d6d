import { Counter, Gauge, Registry } from 'prom-client';
import type { Clock } from '../kernel/clock.js';
import type { Route } from './gateway/index.js';
import { processMetricsRegistry } from './observability/process-metrics.js';
import { createRuntimeMetrics, type RuntimeMetrics } from './observability/runtime-metrics.js';

/** Outbox rows by kind since start, as the outbox worker counts them. */
export interface OutboxStats {
  delivered: Readonly<Record<string, number>>;
  /** Rows with nothing to send because their destination is not configured (e.g. no Rocket.Chat). */
  skipped?: Readonly<Record<string, number>>;
  failed: Readonly<Record<string, number>>;
}

/** The host's counters `/metrics` reads (`ConversationHost.stats`). */
export interface HostStatsSource {
  readonly stats: {
    readonly active: number;
    readonly activations: number;
    readonly passivations: number;
    readonly turns: number;
    readonly turnFailures: number;
    readonly restartsFromIncompatibleSnapshot: number;
    readonly turnsCompletedOnActivation: number;
    readonly turnsQuarantined: number;
    readonly idleCloses: number;
    readonly reminders: number;
  };
}

export interface MetricsOptions {
  host: HostStatsSource;
  clock: Clock;
  /** Merged into `/metrics.json`; its LLM key pool figures (`pool_status`, ...) also go to `/metrics`. */
  extraJson?: () => Record<string, unknown>;
  outbox?: OutboxStats;
  /** The instance's registry, histograms and counters (given to the host and gateway too). Default: a fresh one. */
  runtime?: RuntimeMetrics;
}

type PoolEntry = { key_id: string; active_conversations: number; capacity_pct: number };

/**
 * Counters kept elsewhere as plain numbers (the host's stats, the outbox worker's), exposed as
 * Prometheus counters: read at scrape time, never written twice.
 */
function counterFrom(registry: Registry, name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

function counterByKind(registry: Registry, name: string, help: string, read: () => Readonly<Record<string, number>>): void {
  new Counter({
    name,
    help,
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [kind, n] of Object.entries(read())) this.inc({ kind }, n);
    },
  });
}

function gaugeFrom(registry: Registry, name: string, help: string, read: () => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

/**
 * `/metrics` (Prometheus text: this instance's registry, then the process's default metrics) and
 * `/metrics.json` (the host's stats, the outbox counts and the LLM key pool). Series and labels:
 * `docs/metrics.md`. The gateway puts both behind `HILO_METRICS_TOKEN` when it is set.
 *
 * @example
 * const runtime = createRuntimeMetrics();          // given to the host, gateway and decorators first
 * const metrics = createMetrics({ host, clock, outbox: worker.stats, runtime });
 * await startGateway({ ...options, extraRoutes: [...metrics.routes] });
 */
export function createMetrics(options: MetricsOptions): { routes: Route[]; registry: Registry } {
  const { host, clock, outbox } = options;
  const registry = (options.runtime ?? createRuntimeMetrics()).registry;
  const startedAt = clock.now();
  const s = host.stats;

  counterFrom(registry, 'hilo_turns_total', 'Turns completed and persisted.', () => s.turns);
  counterFrom(registry, 'hilo_turn_failures_total', 'Turns that failed or timed out.', () => s.turnFailures);
  counterFrom(registry, 'hilo_turns_quarantined_total', 'Turns the database refused for good (HILO_ERR_TURN_QUARANTINED), set aside so their conversation goes on.', () => s.turnsQuarantined);
  counterFrom(registry, 'hilo_turns_completed_on_activation_total', 'Turns whose journal write was completed when their conversation was next activated (after a crash or a failed write).', () => s.turnsCompletedOnActivation);
  counterFrom(registry, 'hilo_actor_activations_total', 'Conversation actors loaded into memory.', () => s.activations);
  counterFrom(registry, 'hilo_actor_passivations_total', 'Conversation actors dropped from memory.', () => s.passivations);
  counterFrom(registry, 'hilo_snapshot_restarts_total', 'Conversations restarted because their snapshot came from an incompatible machine version.', () => s.restartsFromIncompatibleSnapshot);
  counterFrom(registry, 'hilo_idle_closes_total', 'Conversations closed by the idle timer.', () => s.idleCloses);
  counterFrom(registry, 'hilo_reminders_total', 'Follow-up reminders the idle timer sent to customers who left something unfinished.', () => s.reminders);
  gaugeFrom(registry, 'hilo_active_conversations', 'Conversation actors currently in memory.', () => s.active);
  gaugeFrom(registry, 'nodejs_heap_used_bytes', 'V8 heap used in bytes.', () => process.memoryUsage().heapUsed);
  gaugeFrom(registry, 'process_uptime_seconds', 'Seconds since Hilo started.', () => Math.round((clock.now() - startedAt) / 1000));
  if (outbox !== undefined) {
    counterByKind(registry, 'hilo_outbox_delivered_total', 'Outbox rows delivered (replies, agent notices, alerts, CRM leads), by kind.', () => outbox.delivered);
    counterByKind(registry, 'hilo_outbox_skipped_total', 'Outbox rows not sent because their destination is not configured (Rocket.Chat, Slack, CRM webhook, channel sender), by kind.', () => outbox.skipped ?? {});
    counterByKind(registry, 'hilo_outbox_failed_total', 'Outbox rows that failed for good, by kind (a crm.lead one is a lead the CRM never got).', () => outbox.failed);
  }

  // The LLM key pool (when an LLM is configured): the same figures as /metrics.json, read once per
  // scrape, in a registry of their own that is exposed only when there is a pool (a rule-brain-only
  // server shows no pool series).
  let extra: Record<string, unknown> = {};
  const pool = (): PoolEntry[] | null => (Array.isArray(extra.pool_status) ? (extra.pool_status as PoolEntry[]) : null);
  const poolRegistry = new Registry();
  const perKey = (name: string, help: string, value: (e: PoolEntry) => number): void => {
    new Gauge({
      name,
      help,
      labelNames: ['key_id'] as const,
      registers: [poolRegistry],
      collect() {
        this.reset();
        for (const e of pool() ?? []) this.set({ key_id: e.key_id }, value(e));
      },
    });
  };
  perKey('hilo_llm_pool_active_conversations', 'Conversations pinned to an LLM key pool entry.', (e) => e.active_conversations);
  perKey('hilo_llm_pool_capacity_pct', "Share of an LLM key pool entry's conversation capacity in use (%).", (e) => e.capacity_pct);
  gaugeFrom(poolRegistry, 'hilo_llm_pool_total_active', 'Conversations pinned to the LLM key pool.', () => Number(extra.total_active ?? 0));
  gaugeFrom(poolRegistry, 'hilo_llm_pool_overall_capacity_pct', 'Share of the whole LLM key pool in use (%).', () => Number(extra.pool_capacity_pct ?? 0));
  gaugeFrom(poolRegistry, 'hilo_llm_pool_alert', '1 when the LLM key pool is at 80 % or more.', () => (extra.alert === true ? 1 : 0));

  const exposition = async (): Promise<string> => {
    extra = options.extraJson?.() ?? {};
    const parts = await Promise.all([registry.metrics(), pool() !== null ? poolRegistry.metrics() : '', processMetricsRegistry().metrics()]);
    return parts.map((p) => p.trimEnd()).filter((p) => p !== '').join('\n') + '\n';
  };

  return {
    registry,
    routes: [
      {
        method: 'GET',
        path: '/metrics',
        handler: async () => ({
          status: 200,
          headers: { 'content-type': registry.contentType },
          body: await exposition(),
        }),
      },
      {
        method: 'GET',
        path: '/metrics.json',
        handler: async () => ({
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            ...host.stats,
            uptime_seconds: Math.round((clock.now() - startedAt) / 1000),
            ...(outbox !== undefined ? { outbox } : {}),
            ...options.extraJson?.(),
          }),
        }),
      },
    ],
  };
}
