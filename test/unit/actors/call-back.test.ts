import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import { renderReply } from '../../../src/actors/render-reply.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, replyText } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const say = (host: ConversationHost, channel: string, sender: string, text: string) => host.handleMessage({ tenantId: 'ferreteria', channel, senderId: sender, text });

/** "¿me pueden llamar?": a clerk who already has the number confirms it instead of asking for it. */
describe('a call back asked for', () => {
  it('should confirm the WhatsApp number by its last digits, es and en', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const es = replyText(await say(host, 'whatsapp', '18095550147', '¿me pueden llamar?'));
    expect(es).toMatch(/te llame al número terminado en \*0147\*/);
    expect(es).toMatch(/T-\d{6}/);
    expect(es).not.toMatch(/Si todavía no nos has dejado tu número/);
    const en = replyText(await say(host, 'whatsapp', '18295550101', 'can someone call me please?'));
    expect(en).toMatch(/call you on the number ending in \*0101\*/);
  });

  it('should take the number written in the message over the channel one', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    expect(replyText(await say(host, 'rest', 'web-visitor-9', 'llámenme al 809-555-1234 por favor'))).toMatch(/terminado en \*1234\*/);
    expect(replyText(await say(host, 'whatsapp', '18095550147', 'llámenme mejor al 829 555 9876'))).toMatch(/terminado en \*9876\*/);
  });

  it('should ask for the number when there is none (web chat, no lead)', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const text = replyText(await say(host, 'rest', 'web-visitor-10', '¿me pueden llamar?'));
    expect(text).toMatch(/Si todavía no nos has dejado tu número de teléfono, escríbelo por aquí/);
    expect(text).not.toMatch(/terminado en/);
  });

  it('should tell the agent, in the ticket summary, that the customer asked to be called and on which number', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    await say(host, 'whatsapp', '18095550147', '¿me pueden llamar?');
    await say(host, 'rest', 'web-visitor-11', 'can someone call me back?');
    const [whatsapp, web] = await tickets.list('ferreteria');
    expect(whatsapp!.summary).toMatch(/^Motivo: El cliente pidió que lo llamen\./);
    expect(whatsapp!.summary).toContain('Llamar al: +18095550147.');
    // The agents read Spanish (console.lang) whatever the customer wrote; no number yet: ask for it.
    expect(web!.summary).toMatch(/^Motivo: El cliente pidió que lo llamen\./);
    expect(web!.summary).toContain('El cliente aún no dejó un número: pídeselo.');
    const person = createMemoryHost({ tenant, brain });
    await say(person.host, 'whatsapp', '18095550148', 'quiero hablar con una persona');
    const [plain] = await person.tickets.list('ferreteria');
    expect(plain!.summary).toMatch(/^Motivo: El cliente pidió hablar con una persona\./);
    expect(plain!.summary).not.toContain('Llamar al');
  });

  it('should fall back through the older keys for a tenant whose templates predate both call-back keys', () => {
    const es = { ...tenant.templates.es } as Record<string, string>;
    delete es['handoff.ticket.callback_known'];
    delete es['handoff.ticket.callback'];
    const text = renderReply({ template: 'handoff.ticket.callback_known', params: { number: 'T-000042', last4: '0147' } }, { es, en: {} } as never, 'es');
    expect(text).toBe(renderReply({ template: 'handoff.ticket.customer_request', params: { number: 'T-000042' } }, { es, en: {} } as never, 'es'));
  });

  it('should say sorry and that a person calls when a complaint asks to be called, and file it as a complaint with the number', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    const es = replyText(await say(host, 'whatsapp', '18095550147', 'llámenme por favor, el pedido de ayer llegó incompleto'));
    expect(es).toMatch(/^Lamento mucho/);
    expect(es).toMatch(/te llame al número terminado en \*0147\*/);
    const en = replyText(await say(host, 'rest', 'web-visitor-12', 'please call me, my order arrived with two bags missing'));
    expect(en).toMatch(/^I'm really sorry/);
    expect(en).toMatch(/asking a team member to call you\. 📞 If you haven't left us your phone number yet/);
    const [whatsapp, web] = await tickets.list('ferreteria');
    expect(whatsapp!.reason).toBe('complaint');
    expect(whatsapp!.summary).toContain('Llamar al: +18095550147.');
    expect(web!.reason).toBe('complaint');
    expect(web!.summary).toContain('El cliente aún no dejó un número: pídeselo.');
  });

  it('should keep the answer the store has for the trouble (the warranty) and the call', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const text = replyText(await say(host, 'rest', 'web-visitor-13', 'llámenme al 809-555-1234, el taladro que compré no prende'));
    expect(text).toMatch(/garantía/);
    expect(text).toMatch(/terminado en \*1234\*/);
  });

  it('should fall back to the plain complaint for a tenant whose templates predate the complaint call back', () => {
    const es = { ...tenant.templates.es } as Record<string, string>;
    delete es['handoff.ticket.complaint.callback_known'];
    delete es['handoff.ticket.complaint.callback'];
    const text = renderReply({ template: 'handoff.ticket.complaint.callback_known', params: { number: 'T-000042', last4: '0147' } }, { es, en: {} } as never, 'es');
    expect(text).toBe(renderReply({ template: 'handoff.ticket.complaint', params: { number: 'T-000042' } }, { es, en: {} } as never, 'es'));
  });
});
