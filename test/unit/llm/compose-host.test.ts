import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComposeTurn } from '../../../src/actors/brain/llm/compose-replies.js';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { ConversationHost } from '../../../src/actors/conversation-host.js';
import type { ConversationUpdate } from '../../../src/actors/conversation-service.js';
import { createTenantRuntime } from '../../../src/actors/tenant-runtime.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../../../src/persistence/embedded/memory-records.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createManualClock } from '../../../src/runtime/clock.js';
import { createSilentLogger } from '../../../src/runtime/logger.js';
import { createLocalShardRouter } from '../../../src/runtime/shard-router.js';

const T = 'ferreteria';
let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  brain = createRuleBrain({ tenant });
});

/** A real host (rule brain, in-memory stores) with a scripted `composeReplies`. */
function createHost(answer: (turn: ComposeTurn) => string | null) {
  const clock = createManualClock();
  const logger = createSilentLogger();
  const transcripts = createMemoryTranscriptStore();
  const calls: ComposeTurn[] = [];
  let host: ConversationHost | null = null;
  const runtime = createTenantRuntime({
    data: tenant,
    brain,
    tickets: createMemoryTicketStore({ clock }),
    leads: createMemoryLeadStore({ clock }),
    crm: { pushLead: async () => {} },
    transcripts,
    clock,
    logger,
    contextOf: (t, c) => host?.contextOf(t, c) ?? null,
  });
  host = new ConversationHost({
    tenants: new Map([[T, runtime]]),
    snapshots: createMemorySnapshotStore({ clock }),
    transcripts,
    contacts: createMemoryContactDirectory(),
    router: createLocalShardRouter({ shardCount: 4 }),
    clock,
    logger,
    composeReplies: async (turn) => {
      calls.push(turn);
      const text = answer(turn);
      if (text !== null) for (const part of text.match(/.{1,5}/gs) ?? []) turn.onDelta(part);
      return text;
    },
  });
  return { host, calls };
}

async function watch(host: ConversationHost, sender: string): Promise<ConversationUpdate[]> {
  const conversationId = await host.resolveConversation(T, 'web', sender);
  const updates: ConversationUpdate[] = [];
  host.subscribe(T, conversationId, (u) => updates.push(u));
  return updates;
}

describe('ConversationHost › composeReplies', () => {
  it('should stream the composed text as deltas, then record it as one bot line with the same id', async () => {
    const { host, calls } = createHost((turn) => `¡Claro! ${turn.replies.join(' ')}`);
    const updates = await watch(host, 'visitor-compose-1');
    const result = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-compose-1', text: '¿Tienen cemento gris?' });
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call).toMatchObject({ tenantId: T, channel: 'web', lang: 'es', customerText: '¿Tienen cemento gris?' });
    expect(call.replies.join('\n')).toMatch(/RD\$\d/);
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]).toMatchObject({ messageId: call.replyId, author: 'bot', text: `¡Claro! ${call.replies.join(' ')}` });
    const deltas = updates.flatMap((u) => (u.type === 'delta' ? [u] : []));
    expect(deltas.map((d) => d.text).join('')).toBe(result.replies[0]!.text);
    const firstMessage = updates.findIndex((u) => u.type === 'message' && u.entry.direction === 'out');
    expect(updates.findIndex((u) => u.type === 'delta')).toBeLessThan(firstMessage);
    const history = await host.history(T, result.conversationId, 0);
    expect(history.filter((l) => l.direction === 'out').map((l) => l.text)).toEqual([result.replies[0]!.text]);
  });

  it('should record the template replies when the composer returns null', async () => {
    const { host, calls } = createHost(() => null);
    const result = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-compose-2', text: '¿Tienen cemento gris?' });
    expect(calls).toHaveLength(1);
    expect(result.replies.map((r) => r.text)).toEqual(calls[0]!.replies);
    expect(result.replies[0]!.messageId).toBe(calls[0]!.replyId);
  });

  it('should not compose a turn that hands the customer to a human', async () => {
    const { host, calls } = createHost((turn) => turn.replies.join(' '));
    const result = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-compose-3', text: 'quiero hablar con una persona, por favor' });
    expect(result.state.value).toMatch(/^handoff/);
    expect(calls).toEqual([]);
    const more = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-compose-3', text: '¿ya viene alguien?' });
    expect(more.state.value).toMatch(/^handoff/);
    expect(calls).toEqual([]);
  });
});
