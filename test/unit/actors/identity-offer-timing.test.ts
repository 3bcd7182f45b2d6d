import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { givenThisTurn } from '../../../src/actors/identity/identity-linker.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';

const T = 'ferreteria';
let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** A real host (rule brain, in-memory stores); WhatsApp can receive a code, the web cannot. */
function createHost() {
  const sent: { channel: string }[] = [];
  const { host } = createMemoryHost({
    tenant,
    brain,
    shardCount: 4,
    host: {
      identity: {
        async sendCode(input) {
          if (input.channel === 'web') return false;
          sent.push(input);
          return true;
        },
      },
    },
  });
  return { host, sent };
}

const texts = (r: { replies: { text: string }[] }) => r.replies.map((x) => x.text).join('\n');
const inbound = (seq: number, text: string): TranscriptEntry => ({ seq, messageId: `m${seq}`, direction: 'in', author: 'customer', channel: 'web', text, at: '2026-12-07T16:00:00.000Z' });

describe('the identity offer comes on the turn the customer gives the phone or email', () => {
  it('should not offer a phone given in a call-back handoff on the turn that answers the rating (agent36 backlog)', async () => {
    const { host } = createHost();
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'timing-first', text: 'me pueden llamar? mi cel es 829 444 7788' });
    const second = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'timing-second', text: 'me pueden llamar? mi cel es 829 444 7788' });
    expect(second.state.value).toMatch(/^handoff/);
    await host.resolveHandoff(T, second.conversationId, 'Demo', 'resuelto');
    const rated = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'timing-second', text: '5' });
    expect(texts(rated)).toMatch(/calificaci/i);
    expect(texts(rated)).not.toMatch(/ya hemos hablado|código/);
    expect(rated.state.value).toBe('triage.idle');
    // Nor on any later turn that does not give it.
    const next = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'timing-second', text: 'tienen cemento gris?' });
    expect(texts(next)).not.toMatch(/ya hemos hablado|código/);
  });

  it('should still offer when the customer gives it again later, while the bot waits for nothing', async () => {
    const { host, sent } = createHost();
    const wa = await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550177', text: 'quiero hablar con una persona' });
    expect(wa.state.value).toMatch(/^handoff/);
    const web = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'timing-third', text: 'quiero hablar con alguien, mi numero es 809 555 0177' });
    expect(sent).toHaveLength(0);
    await host.resolveHandoff(T, web.conversationId, 'Demo', 'resuelto');
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'timing-third', text: '4' });
    expect(sent).toHaveLength(0);
    const again = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'timing-third', text: 'el numero es 8095550177' });
    expect(again.state.value).toBe('identifying');
    expect(sent).toHaveLength(1);
  });

  it('should read the phone in the message text however it is spaced, and an email in any case', () => {
    expect(givenThisTurn({ kind: 'phone', value: '18294447788' }, inbound(3, 'mi cel es 829-444-7788'), null)).toBe(true);
    expect(givenThisTurn({ kind: 'phone', value: '18294447788' }, inbound(3, '5'), null)).toBe(false);
    expect(givenThisTurn({ kind: 'email', value: 'ana@x.com' }, inbound(3, 'es Ana@X.com'), null)).toBe(true);
    expect(givenThisTurn({ kind: 'email', value: 'ana@x.com' }, inbound(3, 'gracias'), null)).toBe(false);
    // A WhatsApp sender gives the number with the thread's first message only.
    expect(givenThisTurn({ kind: 'phone', value: '18095550101' }, inbound(1, 'hola'), '+18095550101')).toBe(true);
    expect(givenThisTurn({ kind: 'phone', value: '18095550101' }, inbound(5, '5'), '+18095550101')).toBe(false);
  });
});
