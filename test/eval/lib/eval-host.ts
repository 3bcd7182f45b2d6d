import { ConversationHost } from '../../../src/actors/conversation-host.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createTenantRuntime } from '../../../src/actors/tenant-runtime.js';
import type { BackendClient } from '../../../src/actors/connectors/backend-client.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { WorkflowSet } from '../../../src/machines/workflow/workflow-spec.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import { createTranscriptTurnJournal } from '../../../src/persistence/memory/memory-turn-journal.js';
import type { TranscriptStore } from '../../../src/persistence/ports/transcript-store.js';
import { createManualClock, type Clock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createLocalShardRouter } from '../../../src/runtime/shard-router.js';
import { zonedInstant } from '../../../src/demo-backend/schedule.js';

/**
 * Hosts for scripted conversations: one tenant runtime (its catalog index takes ~0.2 s to build,
 * which 250 conversations cannot pay each) and, per conversation, a fresh host with its own
 * contacts, snapshots and transcripts, so that no contact, memory or identity match leaks from one
 * script into another. Ticket and lead stores are shared; their keys carry the conversation id,
 * which is random per conversation. Same wiring as `test/helpers/memory-host.ts`. Without a clock
 * given, the hosts run on their own manual clock, set per conversation to its `@at` (the tenant's
 * local time) or else to the eval's fixed start.
 */
export function createEvalHosts(options: { tenant: TenantData; brain: Brain; clock?: Clock; backend?: BackendClient; workflows?: WorkflowSet }): (at?: string) => ConversationHost {
  const manual = options.clock ? null : createManualClock();
  const clock = options.clock ?? manual!;
  const start = clock.now();
  const logger = createSilentLogger();
  let current: { host: ConversationHost; transcripts: TranscriptStore } | null = null;
  // The runtime reads transcripts (an LLM brain's history): always the current conversation's store.
  const transcripts = new Proxy({} as TranscriptStore, {
    get: (_, prop) => {
      const store = current?.transcripts as unknown as Record<PropertyKey, unknown> | undefined;
      const value = store?.[prop];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(store) : value;
    },
  });
  const runtime = createTenantRuntime({
    data: options.tenant,
    brain: options.brain,
    tickets: createMemoryTicketStore({ clock }),
    leads: createMemoryLeadStore({ clock }),
    crm: { pushLead: async () => {} },
    transcripts,
    clock,
    logger,
    contextOf: (t, c) => current?.host.contextOf(t, c) ?? null,
    ...(options.backend ? { backend: options.backend } : {}),
    ...(options.workflows ? { workflows: options.workflows } : {}),
  });
  return (at?: string) => {
    manual?.set(at !== undefined ? instantAt(at, options.tenant.settings.timeZone) : start);
    const store = createMemoryTranscriptStore();
    const host = new ConversationHost({
      contacts: createMemoryContactDirectory(),
      tenants: new Map([[options.tenant.settings.id, runtime]]),
      snapshots: createMemorySnapshotStore({ clock }),
      transcripts: store,
      journal: createTranscriptTurnJournal(store),
      router: createLocalShardRouter({ shardCount: 8 }),
      clock,
      logger,
      // A turn that never settles is a failed conversation, not a hung evaluation.
      turnTimeoutMs: 10_000,
    });
    current = { host, transcripts: store };
    return host;
  };
}

/** The instant of a `.conv` `@at` (`YYYY-MM-DD HH:MM`, local time in `timeZone`). */
export function instantAt(at: string, timeZone: string): number {
  const [date, time] = at.split(' ') as [string, string];
  return zonedInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)), timeZone);
}
