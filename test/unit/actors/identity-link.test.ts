import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationUpdate } from '../../../src/actors/conversation-service.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';

const T = 'ferreteria';
let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

interface SentCode {
  conversationId: string;
  channel: string;
  externalId: string;
  text: string;
}

/** A real host (rule brain, in-memory stores) whose code sender records instead of sending. */
function createHost(options: { canSend?: boolean } = {}) {
  const sent: SentCode[] = [];
  const { host, clock } = createMemoryHost({
    tenant,
    brain,
    shardCount: 4,
    host: {
      identity: {
        async sendCode(input) {
          if (options.canSend === false || input.channel === 'web') return false;
          sent.push(input);
          return true;
        },
      },
    },
  });
  return { host, clock, sent };
}

const codeIn = (text: string) => /\b(\d{4})\b/.exec(text)?.[1] ?? '';

describe('ConversationHost › cross-channel identity', () => {
  it('should link the web visitor to the WhatsApp thread only after the code sent on WhatsApp', async () => {
    const { host, sent } = createHost();
    const wa = await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550101', text: 'hola' });
    const web = await host.resolveConversation(T, 'web', 'visitor-0001');
    expect(web).not.toBe(wa.conversationId);
    const updates: ConversationUpdate[] = [];
    host.subscribe(T, web, (u) => updates.push(u));

    const offered = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0001', text: 'mi número es 809-555-0101' });
    expect(offered.state.value).toBe('identifying');
    expect(offered.replies.at(-1)?.text).toContain('+1 809 ***-**01');
    expect(offered.replies.map((r) => r.text).join('\n')).not.toContain('0101');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ conversationId: wa.conversationId, channel: 'whatsapp', externalId: '18095550101' });
    expect(sent[0]!.text).toMatch(/^Tu código para continuar en la web es \d{4}\./);

    const code = codeIn(sent[0]!.text);
    const wrong = code === '1111' ? '2222' : '1111';
    const miss = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0001', text: wrong });
    expect(miss.state.value).toBe('identifying');
    expect(await host.resolveConversation(T, 'web', 'visitor-0001')).toBe(web);

    const ok = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0001', text: code });
    expect(ok.replies.at(-1)?.text).toContain('WhatsApp');
    expect(await host.resolveConversation(T, 'web', 'visitor-0001')).toBe(wa.conversationId);
    expect(updates).toContainEqual({ type: 'moved', conversationId: wa.conversationId });
    // The WhatsApp thread greets the customer who just joined from the web.
    const thread = await host.history(T, wa.conversationId, 0);
    expect(thread.at(-1)).toMatchObject({ direction: 'out', channel: 'web' });
    expect(thread.at(-1)?.text).toMatch(/Hola/);
    // The next web message continues the WhatsApp thread.
    const next = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0001', text: 'gracias' });
    expect(next.conversationId).toBe(wa.conversationId);
  });

  it('should not link after three wrong codes, nor offer the same handle again', async () => {
    const { host, sent } = createHost();
    await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550102', text: 'hola' });
    const web = await host.resolveConversation(T, 'web', 'visitor-0002');
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0002', text: 'mi número es 809-555-0102' });
    const code = codeIn(sent[0]!.text);
    const wrong = ['1111', '2222', '3333'].filter((c) => c !== code);
    let last = null;
    for (const w of wrong.slice(0, 3).concat(wrong.length < 3 ? ['4444'] : [])) {
      last = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0002', text: w });
    }
    expect(last?.state.value).toBe('triage.idle');
    expect(last?.replies.at(-1)?.text).toMatch(/No pudimos confirmar/);
    // The right code after that is just a message: nothing links.
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0002', text: code });
    expect(await host.resolveConversation(T, 'web', 'visitor-0002')).toBe(web);
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0002', text: 'mi número es 809-555-0102' });
    expect(sent).toHaveLength(1);
  });

  it('should expire a code by the clock', async () => {
    const { host, sent, clock } = createHost();
    await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550103', text: 'hola' });
    const web = await host.resolveConversation(T, 'web', 'visitor-0003');
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0003', text: 'mi número es 809-555-0103' });
    clock.advance(11 * 60_000);
    const late = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0003', text: codeIn(sent[0]!.text) });
    expect(late.state.value).toBe('triage.idle');
    expect(await host.resolveConversation(T, 'web', 'visitor-0003')).toBe(web);
  });

  it('should say so and not link when the other channel cannot send', async () => {
    const { host, sent } = createHost({ canSend: false });
    await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550104', text: 'hola' });
    const web = await host.resolveConversation(T, 'web', 'visitor-0004');
    const out = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0004', text: 'mi número es 809-555-0104' });
    expect(out.replies.at(-1)?.text).toMatch(/no podemos enviarte un código/);
    expect(out.state.value).toBe('triage.idle');
    expect(sent).toEqual([]);
    expect(await host.resolveConversation(T, 'web', 'visitor-0004')).toBe(web);
  });
});
