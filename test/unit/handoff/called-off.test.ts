import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { asksToCancelOrder } from '../../../src/actors/brain/rule/order-status.js';
import { callsOffHandoff } from '../../../src/machines/handoff-cancel.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, replyText, sayTo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('a handoff called off by the customer before any agent answered', () => {
  it('should close the ticket as the customer\'s and answer again, through the host and the ticket store', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    const asked = await sayTo(host, 'off-1', 'quiero hablar con alguien');
    expect(asked.state.value).toBe('handoff.withHuman');
    const [open] = await tickets.list('ferreteria');
    expect(open?.status).toBe('open');
    const off = await sayTo(host, 'off-1', 'olvídalo, ya no hace falta');
    expect(replyText(off)).toMatch(/cancelé la solicitud/);
    const [closed] = await tickets.list('ferreteria');
    expect(closed).toMatchObject({ ticketId: open?.ticketId, status: 'closed' });
    expect(replyText(await sayTo(host, 'off-1', 'hola'))).not.toMatch(/T-0/);
    await host.close();
  });

  it.each([
    ['olvídalo, ya no hace falta', 'customer_request', true],
    ['ok no, ya lo resolví, gracias', 'customer_request', true],
    ['never mind, thanks', 'not_understood', true],
    ['cancela eso por favor', 'customer_request', true],
    ['olvídalo', 'complaint', false],
    ['never mind', 'critical', false],
    ['never mind', 'agent_takeover', false],
    ['ya no hace falta el cemento pero necesito arena', 'customer_request', false],
    ['ya no me contestan, ¿qué pasa?', 'customer_request', false],
  ] as const)('should read "%s" during a %s handoff as called off: %s', (text, reason, expected) => {
    expect(callsOffHandoff(text, reason)).toBe(expected);
  });
});

describe('an order already placed, asked to be cancelled (asksToCancelOrder)', () => {
  it.each([
    ['quiero cancelar mi pedido', true],
    ['necesito cancelar la orden que hice ayer', true],
    ['anulen mi compra por favor', true],
    ['cancel my order please', true],
    ['quiero cancelar mi pedido porque llegó roto', false],
    ['cancela eso', false],
    ['quiero cancelar la cotización', false],
  ] as const)('should read "%s" as cancelling an order: %s', (text, expected) => {
    expect(asksToCancelOrder(text)).toBe(expected);
  });
});
