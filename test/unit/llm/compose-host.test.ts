import { beforeAll, describe, expect, it } from 'vitest';
import type { ComposeTurn } from '../../../src/actors/brain/llm/compose-replies.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { ConversationHost } from '../../../src/actors/conversation-host.js';
import type { ConversationUpdate } from '../../../src/actors/conversation-service.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import type { TenantData } from '../../../src/domain/tenant.js';

const T = 'ferreteria';
let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** A real host (rule brain, in-memory stores) with a scripted `composeReplies`. */
function createHost(answer: (turn: ComposeTurn) => string | null) {
  const calls: ComposeTurn[] = [];
  const { host } = createMemoryHost({
    tenant,
    brain,
    shardCount: 4,
    host: {
      composeReplies: async (turn) => {
        calls.push(turn);
        const text = answer(turn);
        if (text !== null) for (const part of text.match(/.{1,5}/gs) ?? []) turn.onDelta(part);
        return text;
      },
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
