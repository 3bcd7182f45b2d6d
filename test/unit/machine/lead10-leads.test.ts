import { describe, it, expect } from 'vitest';
import { ferreteriaWorkflows, understood } from './machine-harness.js';
import { createLeadState, type LeadState } from '../../../src/machines/lead-draft.js';
import { mergeFormReading, startForm } from '../../../src/machines/workflow/brain-form.js';
import { decideTriage, leavesContactForANeed } from '../../../src/machines/triage-decision.js';
import { leadGoodsAskedIn, withGoodsAsNeed } from '../../../src/machines/quote-need.js';
import { buildLeadPayload } from '../../../src/actors/lead-payload.js';
import { quantitiesIn } from '../../../src/actors/lead-quantities.js';
import { buysToResell } from '../../../src/actors/brain/rule/reseller.js';

const solicitud = ferreteriaWorkflows().workflows.find((w) => w.id === 'solicitud')!;
const product = { type: 'product' as const, value: 'cemento', start: 0, end: 7 };

describe('an unsure lead that leaves its contact', () => {
  const mark = (leadFields: Record<string, string>) =>
    understood('sales_lead', { confidence: 0.36, leadFields, nlu: { intent: { name: 'sales_lead', confidence: 0.36 }, ranking: [{ name: 'sales_lead', confidence: 0.36 }], entities: [product], lang: 'en' } });

  it('should start the lead when an e-mail comes with the goods, not ask whether a quote is wanted', () => {
    const u = mark({ name: 'Mark Evans', email: 'mark@bluereef.com', company_name: 'Blue Reef Construction' });
    expect(leavesContactForANeed(u)).toBe(true);
    expect(decideTriage(u)).toEqual({ kind: 'act', intent: 'sales_lead' });
  });

  it('should still ask when no contact is left', () => {
    const u = mark({ name: 'Mark Evans', company_name: 'Blue Reef Construction' });
    expect(leavesContactForANeed(u)).toBe(false);
    expect(decideTriage(u)).toEqual({ kind: 'confirm', intent: 'sales_lead' });
  });
});

describe('a yes to the quote offer', () => {
  it("should write the brain's need (no greeting, no name) and the urgency said", () => {
    const u = understood('sales_lead', {
      confidence: 0.36,
      products: [{ sku: 'CEM-1', quantity: 300 } as never],
      urgency: 'Medio',
      leadFields: { problem_statement: 'we need 300 bags of cement and rebar for next week' },
    });
    const goods = leadGoodsAskedIn(u, "Hi, I'm Mark Evans from Blue Reef, we need 300 bags of cement and rebar for next week", 'm1', 1);
    expect(goods).toMatchObject({ text: 'we need 300 bags of cement and rebar for next week', urgency: 'Medio' });
    const lead = withGoodsAsNeed({ ...createLeadState(), status: 'collecting' }, goods, 2);
    expect(lead.draft.problem_statement?.value).toBe('we need 300 bags of cement and rebar for next week');
    expect(lead.draft.urgency_level).toEqual({ value: 'Medio', sourceMessageId: 'm1' });
  });
});

describe('a shop owner buying to resell', () => {
  it.each(['quiero cotizar para mi ferretería', 'soy dueño de un colmado y quiero comprarles', 'tenemos una ferretería en Higüey y queremos comprar al por mayor', 'I own a small hardware store and would like to buy from you'])('should read "%s" as one', (text) => {
    expect(buysToResell(text)).toBe(true);
  });
  it.each(['trabajo en una ferretería y quiero comprar un taladro', 'quiero pintar mi colmado', 'necesito cemento para mi casa', '¿tienen vacantes en la tienda?'])('should not read "%s" as one', (text) => {
    expect(buysToResell(text)).toBe(false);
  });
});

describe('a form taken up again', () => {
  it('should no longer be marked let go once resumed', () => {
    const dropped: LeadState = { ...createLeadState(), draft: { name: { value: 'Juan Pérez', sourceMessageId: 'm2' } }, dropped: true };
    const lead = startForm(solicitud, dropped);
    expect(lead.status).toBe('collecting');
    expect(lead.dropped).toBeUndefined();
    expect(lead.draft.name?.value).toBe('Juan Pérez');
  });
});

describe('"llámenme mejor" with the phone known', () => {
  it('should note the preference and say so, the pending question kept', () => {
    const lead: LeadState = { ...createLeadState(), status: 'collecting', asking: 'company_name', draft: { name: { value: 'Juan', sourceMessageId: 'm1' }, phone_or_username: { value: '8095551234', sourceMessageId: 'channel' } } };
    const next = mergeFormReading(solicitud, lead, understood('sales_lead', { prefersPhone: true }), 'm3', 'llámenme mejor');
    expect(next.notice).toEqual({ kind: 'phone_preferred' });
    expect(next.reachBy).toBe('phone');
  });
});

describe('the CRM payload for the salesperson', () => {
  const draft = {
    name: { value: 'Mark Evans', sourceMessageId: 'm1' },
    email: { value: 'mark@bluereef.com', sourceMessageId: 'm1' },
    problem_statement: { value: 'we need 300 bags of cement and 40 rebars for next week', sourceMessageId: 'm1' },
  };

  it('should carry the place, the quantities and the way to be reached when known', () => {
    const payload = buildLeadPayload('L-000001', draft, null, { place: 'Bávaro', reachBy: 'phone' });
    expect(payload.delivery_place).toBe('Bávaro');
    expect(payload.quantities).toEqual([{ quantity: 300, item: 'bags of cement' }, { quantity: 40, item: 'rebars' }]);
    expect(payload.preferred_contact_channel).toBe('phone');
  });

  it('should keep the payload as before when nothing more is known', () => {
    const payload = buildLeadPayload('L-000002', { name: draft.name, problem_statement: { value: 'una cotización para la obra', sourceMessageId: 'm1' } }, null);
    expect(Object.keys(payload).sort()).toEqual(['business_context', 'contact_info', 'lead_id', 'problem_statement', 'provenance', 'urgency_level']);
  });

  it.each([
    ['necesitamos 200 fundas de cemento y 40 varillas de 3/8 para la próxima semana', [{ quantity: 200, item: 'fundas de cemento' }, { quantity: 40, item: 'varillas de 3/8' }]],
    ['lo necesito en 3 días', []],
    ['RD$ 5000 de presupuesto', []],
    // lead34: the clause ends the goods; a sales manager read "aulas hay" and "metros necesito zinc".
    ['son 20 aulas, hay que pintar todo antes de enero', [{ quantity: 20, item: 'aulas' }]],
    ['es un techo de 60 metros, necesito zinc y clavos', [{ quantity: 60, item: 'metros' }]],
    ['we need 300 bags of cement. Delivery to Bavaro', [{ quantity: 300, item: 'bags of cement' }]],
  ])('should read the counts of "%s"', (need, expected) => {
    expect(quantitiesIn(need)).toEqual(expected);
  });
});
