import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

const T = 'ferreteria';
let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/**
 * One customer, two channels linked to one thread (the widget visitor confirmed the code sent on
 * WhatsApp): messages from both at the same instant are all recorded, each once, in one order,
 * each answered once on its own channel; a provider redelivery racing its first copy runs nothing.
 */
describe('a thread written from two linked channels at once', () => {
  it('should record and answer every message once, in one order, on the channel it came from', async () => {
    const sent: { text: string }[] = [];
    const made = createMemoryHost({
      tenant, brain, shardCount: 4,
      host: { identity: { async sendCode(input) { if (input.channel === 'web') return false; sent.push(input); return true; }, audit: () => undefined } },
    });
    const host = made.host;
    const wa = await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550177', text: 'hola' });
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-linked-77', text: 'mi número es 809-555-0177' });
    const code = /\b(\d{6})\b/.exec(sent[0]?.text ?? '')?.[1] ?? '';
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-linked-77', text: code });
    expect(await host.resolveConversation(T, 'web', 'visitor-linked-77')).toBe(wa.conversationId);
    const before = (await host.history(T, wa.conversationId, 0)).length;

    const texts = ['tienen cemento?', 'y varilla de 3/8?', 'cuanto cuesta la arena?', 'hacen delivery?', 'a que hora abren?', 'tienen pintura blanca?'];
    const sends = texts.flatMap((text, i) => [
      host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-linked-77', messageId: `web-${i}`, text: `${text} (web)` }),
      host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550177', messageId: `wamid.${i}`, text: `${text} (wa)` }),
      // WhatsApp redelivers a webhook while the first copy is still queued.
      host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550177', messageId: `wamid.${i}`, text: `${text} (wa)` }),
    ]);
    const results = await Promise.all(sends);
    expect(new Set(results.map((r) => r.conversationId))).toEqual(new Set([wa.conversationId]));
    expect(results.filter((r) => r.duplicate)).toHaveLength(texts.length);

    const lines = (await host.history(T, wa.conversationId, 0)).slice(before);
    const inbound = lines.filter((l) => l.direction === 'in');
    // Every message once, none lost.
    expect(inbound.map((l) => l.messageId).sort()).toEqual(texts.flatMap((_, i) => [`web-${i}`, `wamid.${i}`]).sort());
    // One order: seqs strictly increase; each channel's messages in the order they were sent.
    const seqs = lines.map((l) => l.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const prefix of ['web-', 'wamid.']) {
      const order = inbound.filter((l) => l.messageId?.startsWith(prefix)).map((l) => Number(l.messageId?.slice(prefix.length)));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    // Each message answered once, on its own channel, right after it.
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.direction !== 'in') continue;
      const replies: typeof lines = [];
      for (let j = i + 1; j < lines.length && lines[j]!.direction === 'out'; j++) replies.push(lines[j]!);
      expect(replies.length, `replies to ${line.messageId}`).toBeGreaterThan(0);
      expect(new Set(replies.map((r) => r.channel)), `channel of the replies to ${line.messageId}`).toEqual(new Set([line.channel]));
    }
    // The duplicate got the first copy's replies, not a second run.
    for (const r of results.filter((x) => x.duplicate)) {
      const first = results.find((x) => !x.duplicate && x.inbound?.messageId === r.inbound?.messageId);
      expect(r.replies.map((l) => l.seq)).toEqual(first?.replies.map((l) => l.seq));
    }
  });
});
