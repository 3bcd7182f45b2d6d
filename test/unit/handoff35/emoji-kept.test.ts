import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ConversationContext } from '../../../src/machines/index.js';
import { createMemoryHost, loadDemo, replyText, sayTo } from '../../helpers/memory-host.js';

const ctx = (turn: Awaited<ReturnType<typeof sayTo>>): ConversationContext => turn.state.context as unknown as ConversationContext;

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/**
 * fresh15 set the emoji beside words aside so the readers read the words ("dame 5 😁" priced); the
 * message as written must still reach people: the transcript, the ticket's summary, the snapshot.
 */
describe('emoji beside words: read without them, kept as written', () => {
  it('should price "dame 5 😁" and keep the emoji on the transcript line and in the context', async () => {
    const { host, transcripts } = createMemoryHost({ tenant, brain });
    await sayTo(host, 'h35-emoji', 'tienen cemento gris? 🙏');
    const turn = await sayTo(host, 'h35-emoji', 'dame 5 😁');
    expect(replyText(turn)).toMatch(/5 × RD\$655\.00 = \*RD\$3,275\.00\*/);
    expect(ctx(turn).lastMessage).toMatchObject({ text: 'dame 5', written: 'dame 5 😁' });
    const lines = await transcripts.list({ tenantId: 'ferreteria', conversationId: ctx(turn).conversationId }, {});
    expect(lines.filter((l) => l.author === 'customer').map((l) => l.text)).toEqual(['tienen cemento gris? 🙏', 'dame 5 😁']);
    await host.close();
  });

  it('should keep no second copy of a message read as written', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const turn = await sayTo(host, 'h35-plain', 'tienen cemento gris?');
    expect(ctx(turn).lastMessage?.written).toBeUndefined();
    const thumbs = await sayTo(host, 'h35-plain', '👍');
    expect(ctx(thumbs).lastMessage).toMatchObject({ text: '👍' });
    expect(ctx(thumbs).lastMessage?.written).toBeUndefined();
    await host.close();
  });

  it("should show the customer's emoji in the ticket's summary of the message that opened it", async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    const turn = await sayTo(host, 'h35-ticket', 'quiero hablar con una persona 😡 el pedido llegó incompleto');
    expect(replyText(turn)).toMatch(/T-0/);
    const [open] = await tickets.list('ferreteria');
    expect(open!.summary).toContain('- "quiero hablar con una persona 😡 el pedido llegó incompleto"');
    expect(open!.summary).toContain('"quiero hablar con una persona 😡 el pedido llegó incompleto".');
    await host.close();
  });

  it('should drop the written form when a pick stands for the words it confirmed', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const asked = await sayTo(host, 'h35-pick', 'tengo un problema');
    expect(ctx(asked).expecting.kind).toBe('choice');
    const yes = await sayTo(host, 'h35-pick', 'sí 👍');
    expect(ctx(yes).lastMessage?.written).toBeUndefined();
    expect(ctx(yes).lastMessage?.text).not.toBe('sí');
    await host.close();
  });
});
