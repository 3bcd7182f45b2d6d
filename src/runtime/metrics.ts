import type { ConversationHost } from '../actors/conversation-host.js';
import type { Clock } from '../kernel/clock.js';
import type { Route } from './gateway/index.js';

/** Prometheus text exposition of the runtime's counters and gauges. */
export interface OutboxStats {
  delivered: Readonly<Record<string, number>>;
  /** Rows with nothing to send because their destination is not configured (e.g. no Rocket.Chat). */
  skipped?: Readonly<Record<string, number>>;
  failed: Readonly<Record<string, number>>;
}

export function renderPrometheus(host: ConversationHost, startedAt: number, clock: Clock, extra: Record<string, unknown> = {}, outbox?: OutboxStats): string {
  const s = host.stats;
  const mem = process.memoryUsage();
  const lines: string[] = [];
  const metric = (name: string, type: 'counter' | 'gauge', help: string, value: number) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
  };
  metric('hilo_turns_total', 'counter', 'Turns completed and persisted.', s.turns);
  metric('hilo_turn_failures_total', 'counter', 'Turns that failed or timed out.', s.turnFailures);
  metric('hilo_turns_quarantined_total', 'counter', 'Turns the database refused for good (HILO_ERR_TURN_QUARANTINED), set aside so their conversation goes on.', s.turnsQuarantined);
  metric('hilo_actor_activations_total', 'counter', 'Conversation actors loaded into memory.', s.activations);
  metric('hilo_actor_passivations_total', 'counter', 'Conversation actors dropped from memory.', s.passivations);
  metric('hilo_snapshot_restarts_total', 'counter', 'Conversations restarted because their snapshot came from an incompatible machine version.', s.restartsFromIncompatibleSnapshot);
  metric('hilo_active_conversations', 'gauge', 'Conversation actors currently in memory.', s.active);
  metric('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', mem.rss);
  metric('nodejs_heap_used_bytes', 'gauge', 'V8 heap used in bytes.', mem.heapUsed);
  metric('process_uptime_seconds', 'gauge', 'Seconds since Hilo started.', Math.round((clock.now() - startedAt) / 1000));
  if (outbox !== undefined) {
    const byKind = (name: string, help: string, counts: Readonly<Record<string, number>>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [kind, n] of Object.entries(counts)) lines.push(`${name}{kind="${kind}"} ${n}`);
    };
    byKind('hilo_outbox_delivered_total', 'Outbox rows delivered (replies, agent notices, alerts, CRM leads), by kind.', outbox.delivered);
    byKind('hilo_outbox_skipped_total', 'Outbox rows not sent because their destination is not configured (Rocket.Chat, Slack, CRM webhook, channel sender), by kind.', outbox.skipped ?? {});
    byKind('hilo_outbox_failed_total', 'Outbox rows that failed for good, by kind (a crm.lead one is a lead the CRM never got).', outbox.failed);
  }
  // The LLM key pool (when an LLM is configured): the same figures as /metrics.json.
  const pool = extra.pool_status;
  if (Array.isArray(pool)) {
    const entries = pool as { key_id: string; active_conversations: number; capacity_pct: number }[];
    const labelled = (name: string, help: string, value: (e: (typeof entries)[number]) => number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
      for (const e of entries) lines.push(`${name}{key_id="${e.key_id.replace(/["\\\n]/g, '_')}"} ${value(e)}`);
    };
    labelled('hilo_llm_pool_active_conversations', 'Conversations pinned to an LLM key pool entry.', (e) => e.active_conversations);
    labelled('hilo_llm_pool_capacity_pct', 'Share of an LLM key pool entry\'s conversation capacity in use (%).', (e) => e.capacity_pct);
    metric('hilo_llm_pool_total_active', 'gauge', 'Conversations pinned to the LLM key pool.', Number(extra.total_active ?? 0));
    metric('hilo_llm_pool_overall_capacity_pct', 'gauge', 'Share of the whole LLM key pool in use (%).', Number(extra.pool_capacity_pct ?? 0));
    metric('hilo_llm_pool_alert', 'gauge', '1 when the LLM key pool is at 80 % or more.', extra.alert === true ? 1 : 0);
  }
  return lines.join('\n') + '\n';
}

export function createMetrics(options: { host: ConversationHost; clock: Clock; extraJson?: () => Record<string, unknown>; outbox?: OutboxStats }): { routes: Route[] } {
  const startedAt = options.clock.now();
  return {
    routes: [
      {
        method: 'GET',
        path: '/metrics',
        handler: async () => ({
          status: 200,
          headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' },
          body: renderPrometheus(options.host, startedAt, options.clock, options.extraJson?.() ?? {}, options.outbox),
        }),
      },
      {
        method: 'GET',
        path: '/metrics.json',
        handler: async () => ({
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            ...options.host.stats,
            uptime_seconds: Math.round((options.clock.now() - startedAt) / 1000),
            ...(options.outbox !== undefined ? { outbox: options.outbox } : {}),
            ...options.extraJson?.(),
          }),
        }),
      },
    ],
  };
}
