import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createMemoryHost } from '../../helpers/memory-host.js';
import { summarizeConversation } from '../../../src/actors/conversation-summary.js';
import { complaintToldWith } from '../../../src/actors/handoff-complaint.js';
import type { TenantData } from '../../../src/domain/tenant.js';

describe('complaintToldWith (what went wrong, told while asking for a person)', () => {
  it.each([
    ['quiero hablar con una persona, el pedido de ayer llegó incompleto', 'el pedido de ayer llegó incompleto'],
    ["can I talk to a person? yesterday's order came with two bags missing", "yesterday's order came with two bags missing"],
    ['quiero hablar con alguien, me cobraron dos veces', 'me cobraron dos veces'],
    ['pásame con un agente, el taladro que compré no prende', 'el taladro que compré no prende'],
    ['quiero hablar con una persona porque no me ha llegado el pedido', 'no me ha llegado el pedido'],
    ['quiero hablar con el gerente, me trataron mal en la tienda', 'me trataron mal en la tienda'],
  ])('should find the trouble in %j', (text, told) => {
    expect(complaintToldWith(text)).toBe(told);
  });

  it.each(['quiero hablar con una persona', 'necesito un humano', 'talk to a person please, I need 300 blocks', 'quiero hablar con una persona, tienen cemento?', 'quiero hablar con alguien sobre una compra grande'])(
    'should find nothing wrong in %j',
    (text) => {
      expect(complaintToldWith(text)).toBeNull();
    },
  );

  it('should cut a very long complaint for the reason line', () => {
    const told = complaintToldWith(`quiero hablar con alguien, el pedido llegó incompleto ${'y '.repeat(300)}`);
    expect(told!.length).toBeLessThanOrEqual(200);
  });
});

describe("the handoff ticket's reason says what happened", () => {
  it('should read the complaint, not only that a person was asked, in Spanish and English', () => {
    const es = summarizeConversation({ reason: 'customer_request', transcript: [], context: {}, trigger: { messageId: 'w1', text: 'quiero hablar con una persona, el pedido de ayer llegó incompleto' } });
    expect(es).toMatch(/^Motivo: Queja del cliente \(pidió hablar con una persona\): "el pedido de ayer llegó incompleto"\./);
    const en = summarizeConversation({ reason: 'customer_request', summaryLang: 'en', transcript: [], context: {}, trigger: { messageId: 'w1', text: "can I talk to a person? yesterday's order came with two bags missing" } });
    expect(en).toMatch(/^Reason: Customer complaint \(asked to talk to a person\): "yesterday's order came with two bags missing"\./);
  });

  it('should keep the plain reason for a person asked with nothing wrong told, and for a call back', () => {
    const plain = summarizeConversation({ reason: 'customer_request', transcript: [], context: {}, trigger: { messageId: 'w1', text: 'quiero hablar con una persona, por favor' } });
    expect(plain).toMatch(/^Motivo: El cliente pidió hablar con una persona\./);
    const call = summarizeConversation({ reason: 'customer_request', callBack: true, transcript: [], context: {}, trigger: { messageId: 'w1', text: 'llámenme, el pedido llegó incompleto' } });
    expect(call).toMatch(/^Motivo: El cliente pidió que lo llamen\./);
  });

  const handoffSummary = async (tenant: TenantData, texts: string[]): Promise<string> => {
    const brain = createRuleBrain({ tenant });
    const { host, tickets } = createMemoryHost({ tenant, brain });
    for (const text of texts) await host.handleMessage({ tenantId: tenant.settings.id, channel: 'rest', senderId: 'handoff34', text });
    const opened = await tickets.list(tenant.settings.id);
    expect(opened).toHaveLength(1);
    return opened[0]!.summary;
  };

  it('should write the complaint as the reason of the ticket a real conversation opens', async () => {
    const ferreteria = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
    const es = await handoffSummary(ferreteria, ['hola, tienen cemento gris?', 'quiero hablar con una persona, el pedido de ayer llegó incompleto']);
    expect(es).toContain('Motivo: Queja del cliente (pidió hablar con una persona): "el pedido de ayer llegó incompleto".');
    const en = await handoffSummary(ferreteria, ["can I talk to a person? yesterday's order came with two bags missing"]);
    expect(en).toContain(`Motivo: Queja del cliente (pidió hablar con una persona): "yesterday's order came with two bags missing".`);
  });
});
