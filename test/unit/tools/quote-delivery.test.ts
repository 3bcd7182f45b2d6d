import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { deliveryFee, freeDeliveryFrom, quoteSummaryLines } from '../../../src/actors/tools/estimate-delivery.js';
import { chatOnFreshHost, createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const DEC_2026 = Date.parse('2026-12-10T15:00:00Z');
const FEB_2027 = Date.parse('2027-02-10T15:00:00Z');

/** Chats on one host and returns the replies and the tickets opened. */
async function chat(...messages: string[]) {
  const { host, tickets } = createMemoryHost({ tenant, brain });
  try {
    const replies: string[] = [];
    for (const text of messages) replies.push((await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'qd', text })).replies.map((r) => r.text).join('\n'));
    return { replies, tickets: await tickets.list('ferreteria') };
  } finally {
    await host.close();
  }
}

describe('delivery in the formal quote, and the free-delivery offer', () => {
  it('should know from what total a current offer makes delivery to a zone free', () => {
    expect(freeDeliveryFrom(tenant, 'Villa Hermosa', DEC_2026)).toBe(15000);
    expect(freeDeliveryFrom(tenant, 'Caleta', DEC_2026)).toBe(15000);
    expect(freeDeliveryFrom(tenant, 'Guaymate', DEC_2026)).toBeUndefined();
    expect(freeDeliveryFrom(tenant, 'Villa Hermosa', FEB_2027)).toBeUndefined();
    expect(deliveryFee({ place: 'Villa Hermosa', fee: 300, freeFrom: 15000 }, 19650)).toBe(0);
    expect(deliveryFee({ place: 'Villa Hermosa', fee: 300, freeFrom: 15000 }, 14999)).toBe(300);
    expect(deliveryFee({ place: 'Guaymate', fee: 650 }, 50000)).toBe(650);
  });

  it('should write the lines, the delivery and the total for the sales team', () => {
    const lines = quoteSummaryLines(tenant, { lines: [{ sku: 'CEM-001', quantity: 10 }], delivery: { place: 'Caleta', fee: 400 } }, 'es');
    expect(lines).toEqual(['Cotización:', '- 10 x Cemento Gris Cemex Tipo GU (saco 42.5 kg) (CEM-001) a RD$655.00 = RD$6,550.00', '- Delivery a Caleta: RD$400.00', 'Total estimado: RD$6,950.00']);
  });

  it('should say the fee and from what total it is free when asked about a covered zone', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'qd1', 'me lo llevan a Villa Hermosa?');
    expect(reply).toMatch(/RD\$300\.00 \(gratis en compras desde RD\$15,000\.00\)/);
  });

  it('should put the delivery line and the total with delivery in the quote ticket', async () => {
    const { replies, tickets } = await chat('me lo llevan a Caleta?', 'quiero 10 sacos de cemento y 20 varillas de 3/8', 'sí');
    expect(replies[1]).toMatch(/Delivery a \*Caleta\*: RD\$400\.00[\s\S]*RD\$12,250\.00/);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.kind).toBe('quote');
    expect(tickets[0]?.summary).toMatch(/- 10 x Cemento Gris[^\n]*RD\$6,550\.00/);
    expect(tickets[0]?.summary).toMatch(/- 20 x Varilla Corrugada 3\/8"[^\n]*RD\$5,300\.00/);
    expect(tickets[0]?.summary).toMatch(/- Delivery a Caleta: RD\$400\.00\nTotal estimado: RD\$12,250\.00/);
  });

  it('should make delivery free once the order reaches the offer, in the estimate and in the ticket', async () => {
    const { replies, tickets } = await chat('me lo llevan a Villa Hermosa?', 'quiero 30 sacos de cemento gris', '¿cuánto sería todo con el envío?', 'sí');
    expect(replies[2]).toMatch(/Delivery a \*Villa Hermosa\*: \*gratis\*/);
    expect(replies[2]).toMatch(/Total estimado: \*RD\$19,650\.00\*/);
    expect(tickets[0]?.summary).toMatch(/- Delivery a Villa Hermosa: gratis\nTotal estimado: RD\$19,650\.00/);
  });

  it('should keep the delivery in a formal quote asked for at once', async () => {
    const { replies, tickets } = await chat('me lo llevan a Caleta?', 'cotización formal de 5 sacos de cemento y 10 varillas de 3/8');
    expect(replies[1]).toMatch(/Delivery a \*Caleta\*: RD\$400\.00/);
    expect(tickets[0]?.summary).toMatch(/- Delivery a Caleta: RD\$400\.00\nTotal estimado: RD\$6,325\.00/);
  });
});

describe('a product set aside after a delivery was asked', () => {
  it('should carry the delivery into the reservation ticket and its confirmation', async () => {
    const { replies, tickets } = await chat('tienen cemento gris?', 'me lo llevan a Villa Hermosa?', 'dame 10', 'sí');
    expect(replies[2]).toMatch(/Con el delivery a \*Villa Hermosa\* \(RD\$300\.00\): \*RD\$6,850\.00\*/);
    expect(replies[3]).toContain('10 x Cemento Gris Cemex Tipo GU (saco 42.5 kg) + delivery a Villa Hermosa (RD$300.00)');
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.summary).toMatch(/- Delivery a Villa Hermosa: RD\$300\.00\nTotal estimado: RD\$6,850\.00/);
  });

  it('should keep the offer to set it aside across the delivery answer', async () => {
    const { replies, tickets } = await chat('dame 10 sacos de cemento gris', 'me lo llevan a Villa Hermosa?', 'sí, resérvamelo');
    expect(replies[2]).toContain('+ delivery a Villa Hermosa (RD$300.00)');
    expect(tickets).toHaveLength(1);
  });
});
