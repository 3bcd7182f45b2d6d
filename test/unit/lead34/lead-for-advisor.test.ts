import { describe, expect, it } from 'vitest';
import { leadKnownOf } from '../../../src/machines/lead-known.js';
import { buildLeadPayload } from '../../../src/actors/lead-payload.js';
import type { LeadPayload } from '../../../src/domain/lead.js';
import type { ProductFocus } from '../../../src/machines/conversation.contract.js';
import { loadDemo, createMemoryHost, sayTo, replyText } from '../../helpers/memory-host.js';

const focus = (f: Partial<ProductFocus>): ProductFocus => ({ sku: 'CEM-001', name: 'Cemento', price: 655, query: 'cemento', ...f });

describe('what the advisor gets beside the form (lead34)', () => {
  it('should carry the products priced, in the order the customer asked them, with their counts', () => {
    const known = leadKnownOf({ lead: {}, productFocus: focus({ quantity: 300, at: 0, recent: ['VAR-001'], counts: { 'VAR-001': 150 } }) });
    expect(known.priced).toEqual([{ sku: 'CEM-001', quantity: 300 }, { sku: 'VAR-001', quantity: 150 }]);
    expect(leadKnownOf({ lead: {}, productFocus: focus({ sku: 'TEC-001' }) }).priced).toEqual([{ sku: 'TEC-001' }]);
  });

  it('should carry no product when a list was shown and none picked, or none was priced', () => {
    expect(leadKnownOf({ lead: {}, productFocus: focus({ options: ['PIN-003', 'PIN-005', 'PIN-007'] }) }).priced).toBeUndefined();
    expect(leadKnownOf({ lead: {}, productFocus: null })).toEqual({});
    expect(leadKnownOf({ placeSaid: { name: 'Bávaro' }, lead: { reachBy: 'phone' } })).toEqual({ place: 'Bávaro', reachBy: 'phone' });
  });

  it('should name the products priced and the conversation in the payload', () => {
    const catalog = new Map([['TEC-001', { sku: 'TEC-001', name: 'Zinc Ondulado Calibre 34 (12 pies)', category: 'techos', price: 585, stock: 340, unit: 'lámina' }]]);
    const payload = buildLeadPayload('L-1', { name: { value: 'Jose Almonte', sourceMessageId: 'm1' } }, null, { conversationId: 'c_1', priced: [{ sku: 'TEC-001', quantity: 40 }, { sku: 'GONE-1' }] }, (sku) => catalog.get(sku));
    expect(payload.conversation_id).toBe('c_1');
    expect(payload.priced_products).toEqual([{ sku: 'TEC-001', name: 'Zinc Ondulado Calibre 34 (12 pies)', unit_price: 585, unit: 'lámina', quantity: 40 }]);
  });
});

describe('a homeowner who asks a price in the middle of the form, end to end', () => {
  it('should send the lead with the zinc priced and the conversation to read', async () => {
    const { tenant, brain } = await loadDemo();
    const pushed: LeadPayload[] = [];
    const { host } = createMemoryHost({ tenant, brain, crm: { pushLead: async (_t, p) => void pushed.push(p) } });
    const sender = 'lead34-jose';
    const say = async (text: string) => replyText(await sayTo(host, sender, text));
    await say('klk, quiero cotizar materiales pa techar mi casa');
    await say('Jose Almonte');
    await say('no tengo correo');
    await say('829-555-7788');
    await say('ninguna, es pa mi casa');
    expect(await say('cuanto ta la plancha de zinc?')).toContain('RD$585.00');
    await say('ventas');
    await say('es un techo de 60 metros, necesito zinc y clavos');
    await say('la semana que viene');
    expect(await say('si')).toMatch(/L-\d+/);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.priced_products?.map((p) => [p.name, p.unit_price])).toEqual([['Zinc Ondulado Calibre 34 (12 pies)', 585]]);
    expect(pushed[0]!.conversation_id).toMatch(/^c_/);
    expect(host.contextOf('ferreteria', pushed[0]!.conversation_id!)).not.toBeNull();
    expect(pushed[0]!.quantities).toEqual([{ quantity: 60, item: 'metros' }]);
  });
});
