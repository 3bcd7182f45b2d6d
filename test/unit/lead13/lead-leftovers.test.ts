import { describe, expect, it } from 'vitest';
import { amendmentAddsOnly, leadAmendment, leadRestatement, resumesDroppedRequest } from '../../../src/machines/lead-amend.js';
import { createLeadState, type LeadState } from '../../../src/machines/lead-draft.js';
import { detectUrgency } from '../../../src/actors/brain/rule/lead-levels.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

const submitted: LeadState = {
  ...createLeadState(),
  status: 'submitted',
  leadId: 'L-000001',
  draft: { name: { value: 'Mark Evans', sourceMessageId: 'm1' }, email: { value: 'mark@coral.com', sourceMessageId: 'm2' }, company_name: { value: 'Coral Builders', sourceMessageId: 'm3' } },
};
const reading = (leadFields: Understanding['leadFields'], extra: Partial<Understanding> = {}, entities: unknown[] = []): Understanding =>
  ({ nlu: { intent: { name: 'out_of_scope', confidence: 0.2 }, ranking: [], entities, lang: 'en' }, lang: 'en', affirmation: null, leadFields, products: [], critical: false, priority: 1, ...extra }) as unknown as Understanding;

describe('a "correction" of a registered lead that changes nothing', () => {
  it('should be read as a restatement of what the lead has (case and punctuation aside), never an amendment', () => {
    const u = reading({ company_name: 'coral builders.' }, { correctsLead: true });
    expect(leadAmendment(submitted, reading({ company_name: 'Coral Builders' }, { correctsLead: true }), 'actually the company is Coral Builders', 'm9')).toBeNull();
    expect(leadRestatement(submitted, u, 'actually the company is coral builders.')).toEqual({ company_name: submitted.draft.company_name });
  });

  it('should not be a restatement when one named field differs, nothing is named, or no correction is said', () => {
    expect(leadRestatement(submitted, reading({ company_name: 'Coral Builders', email: 'new@coral.com' }, { correctsLead: true }), 'actually Coral Builders, new@coral.com')).toBeNull();
    expect(leadRestatement(submitted, reading({}, { correctsLead: true }), 'actually')).toBeNull();
    expect(leadRestatement(submitted, reading({ company_name: 'Coral Builders' }), 'Coral Builders is great')).toBeNull();
    expect(leadRestatement({ ...submitted, status: 'collecting' }, reading({ company_name: 'Coral Builders' }, { correctsLead: true }), 'actually the company is Coral Builders')).toBeNull();
  });
});

describe('a detail added to a registered lead', () => {
  it('should tell a field the lead lacked (added) from one it had (corrected)', () => {
    expect(amendmentAddsOnly(submitted, { phone_or_username: { value: '+18095551234', sourceMessageId: 'm9' } })).toBe(true);
    expect(amendmentAddsOnly(submitted, { email: { value: 'x@coral.com', sourceMessageId: 'm9' } })).toBe(false);
    expect(amendmentAddsOnly(submitted, { phone_or_username: { value: '+18095551234', sourceMessageId: 'm9' }, email: { value: 'x@coral.com', sourceMessageId: 'm9' } })).toBe(false);
  });
});

describe('a quote asked again after the request was let go', () => {
  const dropped: LeadState = { ...createLeadState(), dropped: true, draft: { name: { value: 'Ana Pérez', sourceMessageId: 'm1' } } };
  it('should resume a dropped request that kept data, for a quote naming no product', () => {
    expect(resumesDroppedRequest(dropped, reading({}))).toBe(true);
    expect(resumesDroppedRequest(dropped, reading({}, {}, [{ type: 'product', value: 'cemento' }]))).toBe(false);
    expect(resumesDroppedRequest({ ...dropped, draft: {} }, reading({}))).toBe(false);
    expect(resumesDroppedRequest({ ...dropped, dropped: undefined } as LeadState, reading({}))).toBe(false);
  });
});

describe('urgency said as this week', () => {
  it.each(['esta semana si se puede', 'this week if possible', 'dentro de esta semana', 'within the week', 'durante esta semana'])('should read "%s" as Alto', (text) => {
    expect(detectUrgency(text, { bare: true })).toBe('Alto');
  });
  it.each([['la semana que viene', 'Medio'], ['next week', 'Medio'], ['este mes', 'Medio'], ['no hay prisa', 'Bajo']])('should keep "%s" as %s', (text, level) => {
    expect(detectUrgency(text, { bare: true })).toBe(level);
  });
});

describe('the conversation', () => {
  it('should note a phone added after registration and say an unchanged company is there already', async () => {
    const { tenant, brain } = await loadDemo();
    const out = await chatOnFreshHost(tenant, brain, 'lead13-a', "I'd like a quote for my company", 'Mark Evans', 'mark@coral.com', 'Coral Builders', 'sales', '500 blocks a month for a hotel', 'next quarter', 'yes', 'my phone number is 809-555-7788', 'actually the company is Coral Builders');
    expect(out[8]).toContain('Noted');
    expect(out[8]).not.toContain('Fixed');
    expect(out[9]).toContain('already has that');
    expect(out[9]).not.toMatch(/full name|Which area/);
  });

  it('should take the request up again on "quiero una cotización" after "olvídalo"', async () => {
    const { tenant, brain } = await loadDemo();
    const out = await chatOnFreshHost(tenant, brain, 'lead13-b', 'quiero una cotización para mi empresa', 'Ana Pérez', 'ana@x.com', 'olvídalo', 'quiero una cotización');
    expect(out[4]).toContain('Retomemos');
    expect(out[4]).toContain('empresa');
    expect(out[4]).not.toContain('producto');
  });
});
