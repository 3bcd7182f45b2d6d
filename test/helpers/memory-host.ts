import { fileURLToPath } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { ConversationHost, type ConversationHostOptions } from '../../src/actors/conversation-host.js';
import { createRuleBrain } from '../../src/actors/brain/index.js';
import type { Brain } from '../../src/actors/brain/brain.js';
import { createProductResolver, type ProductResolver } from '../../src/actors/catalog/index.js';
import { createTenantRuntime } from '../../src/actors/tenant-runtime.js';
import type { TenantData } from '../../src/domain/tenant.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../../src/persistence/index.js';
import { createTranscriptTurnJournal } from '../../src/persistence/memory/memory-turn-journal.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../../src/persistence/memory/memory-records.js';
import { loadTenant } from '../../src/persistence/tenant-loader.js';
import type { SnapshotStore } from '../../src/persistence/ports/snapshot-store.js';
import type { TranscriptStore } from '../../src/persistence/ports/transcript-store.js';
import type { CrmPort } from '../../src/persistence/ports/records.js';
import { createManualClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { createLocalShardRouter } from '../../src/runtime/shard-router.js';

let demo: Promise<{ tenant: TenantData; brain: Brain }> | null = null;

/** The demo tenant and its rule brain, loaded and trained once per test file. */
export function loadDemo(): Promise<{ tenant: TenantData; brain: Brain }> {
  demo ??= loadTenant(fileURLToPath(new URL('../../tenants/ferreteria', import.meta.url))).then((tenant) => ({ tenant, brain: createRuleBrain({ tenant }) }));
  return demo;
}

let demoIndex: Promise<{ tenant: TenantData; brain: Brain; index: ProductResolver }> | null = null;

/** The demo tenant, its rule brain and its catalog search, built once per test file. */
export function loadDemoWithIndex(): Promise<{ tenant: TenantData; brain: Brain; index: ProductResolver }> {
  demoIndex ??= loadDemo().then(({ tenant, brain }) => ({ tenant, brain, index: createProductResolver(tenant.catalog) }));
  return demoIndex;
}

export interface MemoryHostOptions {
  tenant: TenantData;
  brain: Brain;
  snapshots?: SnapshotStore;
  transcripts?: TranscriptStore;
  shardCount?: number;
  /** Replaces the tenant's machine (e.g. `(m) => m.provide({ actions: … })` to make an effect fail). */
  machine?: (machine: AnyStateMachine) => AnyStateMachine;
  /** The CRM port the leads are pushed to (default: one that drops them). */
  crm?: CrmPort;
  /** Anything else the host takes (limits, hooks). */
  host?: Partial<Omit<ConversationHostOptions, 'tenants' | 'snapshots' | 'transcripts' | 'clock' | 'logger' | 'router'>>;
}

/** A real host — real machine, the given brain, real tools, in-memory stores — on a manual clock. */
export function createMemoryHost(options: MemoryHostOptions) {
  const clock = createManualClock();
  const logger = createSilentLogger();
  const snapshots = options.snapshots ?? createMemorySnapshotStore({ clock });
  const transcripts = options.transcripts ?? createMemoryTranscriptStore();
  const tickets = createMemoryTicketStore({ clock });
  let host: ConversationHost | null = null;
  const runtime = createTenantRuntime({
    data: options.tenant,
    brain: options.brain,
    tickets,
    leads: createMemoryLeadStore({ clock }),
    crm: options.crm ?? { pushLead: async () => {} },
    transcripts,
    clock,
    logger,
    contextOf: (t, c) => host?.contextOf(t, c) ?? null,
  });
  host = new ConversationHost({
    contacts: createMemoryContactDirectory(),
    journal: createTranscriptTurnJournal(transcripts),
    ...options.host,
    tenants: new Map([[options.tenant.settings.id, options.machine ? { ...runtime, machine: options.machine(runtime.machine) } : runtime]]),
    snapshots,
    transcripts,
    router: createLocalShardRouter({ shardCount: options.shardCount ?? 8 }),
    clock,
    logger,
  });
  return { host, clock, snapshots, transcripts, tickets };
}

/** One customer message to the demo tenant through the host (REST channel unless told). */
export function sayTo(host: ConversationHost, sender: string, text: string, channel = 'rest') {
  return host.handleMessage({ tenantId: 'ferreteria', channel, senderId: sender, text });
}

/** The texts of a turn's replies, one per line, as the customer reads them. */
export function replyText(turn: Awaited<ReturnType<typeof sayTo>>): string {
  return turn.replies.map((e) => e.text).join('\n');
}

/** Runs one customer's conversation on a fresh host (REST channel); the last turn's result. */
export async function talkOnFreshHost(tenant: TenantData, brain: Brain, sender: string, ...messages: string[]): Promise<Awaited<ReturnType<typeof sayTo>>> {
  const { host } = createMemoryHost({ tenant, brain });
  let last: Awaited<ReturnType<typeof sayTo>> | undefined;
  for (const message of messages) last = await sayTo(host, sender, message);
  if (!last) throw new Error('talkOnFreshHost: no message to send');
  return last;
}

/**
 * One customer's whole conversation with the demo tenant through a fresh host (rule brain, machine,
 * tools, rendered replies): each turn's reply texts, joined by `---`. The host is closed after.
 */
export async function chatOnFreshHost(tenant: TenantData, brain: Brain, sender: string, ...messages: string[]): Promise<string[]> {
  const { host } = createMemoryHost({ tenant, brain });
  const out: string[] = [];
  try {
    for (const text of messages) {
      const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: sender, text });
      out.push(turn.replies.map((r) => r.text).join('\n---\n'));
    }
  } finally {
    await host.close();
  }
  return out;
}

