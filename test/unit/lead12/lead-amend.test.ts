import { describe, expect, it } from 'vitest';
import { amendmentText, leadAmendment, profileWithAmendment } from '../../../src/machines/lead-amend.js';
import { createLeadState, type LeadState } from '../../../src/machines/lead-draft.js';
import { createMemoryLeadStore } from '../../../src/persistence/memory/memory-records.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import type { LeadPayload } from '../../../src/domain/lead.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

const submitted: LeadState = {
  ...createLeadState(),
  status: 'submitted',
  leadId: 'L-000001',
  draft: { name: { value: 'Ana Pérez', sourceMessageId: 'm1' }, email: { value: 'ana@x.com', sourceMessageId: 'm2' }, company_name: { value: 'Constructora Pérez', sourceMessageId: 'm3' } },
};
const reading = (leadFields: Understanding['leadFields'], extra: Partial<Understanding> = {}): Understanding =>
  ({ nlu: { intent: { name: 'out_of_scope', confidence: 0.2 }, ranking: [], entities: [], lang: 'es' }, lang: 'es', affirmation: null, leadFields, products: [], critical: false, priority: 1, ...extra }) as unknown as Understanding;

describe('a registered lead corrected by the customer', () => {
  it('should change the fields a correction gives, with the message as provenance', () => {
    const changed = leadAmendment(submitted, reading({ email: 'Ana.Perez@gmial.com' }, { correctsLead: true }), 'perdón, mi correo es Ana.Perez@gmial.com', 'm9');
    expect(changed).toEqual({ email: { value: 'ana.perez@gmail.com', sourceMessageId: 'm9' } });
    expect(amendmentText(changed!, 'es')).toBe('*correo:* ana.perez@gmail.com');
    expect(profileWithAmendment({ name: 'Ana Pérez' }, changed!)).toEqual({ name: 'Ana Pérez', email: 'ana.perez@gmail.com' });
  });

  it('should take an e-mail given alone as the new contact', () => {
    expect(leadAmendment(submitted, reading({ email: 'ana2@x.com' }), 'ana2@x.com', 'm9')?.email?.value).toBe('ana2@x.com');
  });

  it.each([
    ['a lead not registered yet', { ...submitted, status: 'collecting' as const }, reading({ email: 'b@x.com' }, { correctsLead: true }), 'perdón, mi correo es b@x.com'],
    ['no correction said', submitted, reading({ name: 'Juan Soto' }), 'hola, soy Juan Soto y quiero cemento'],
    ['the value registered already', submitted, reading({ email: 'ana@x.com' }, { correctsLead: true }), 'perdón, mi correo es ana@x.com'],
    ['an invalid e-mail', submitted, reading({ email: 'ana@x' }, { correctsLead: true }), 'perdón, mi correo es ana@x'],
  ])('should change nothing for %s', (_, lead, understanding, text) => {
    expect(leadAmendment(lead, understanding, text, 'm9')).toBeNull();
  });

  it('should replace the stored payload under the same lead id', async () => {
    const store = createMemoryLeadStore({ clock: createManualClock() });
    const payload = (email: string): LeadPayload => ({ lead_id: 'L-000001', contact_info: { name: 'Ana', phone_or_username: null, email }, business_context: { company_name: null, interest_area: null }, problem_statement: null, urgency_level: null, provenance: {} });
    await store.save({ tenantId: 't', conversationId: 'c', draft: {}, idempotencyKey: 'k', build: () => payload('ana@x.com') });
    expect((await store.amend!('t', 'L-000001', payload('ana2@x.com')))?.payload.contact_info.email).toBe('ana2@x.com');
    expect((await store.list('t')).map((r) => r.payload.contact_info.email)).toEqual(['ana2@x.com']);
    expect(await store.amend!('t', 'L-000009', payload('x@x.com'))).toBeNull();
  });

  it('should say the correction under the lead number, never start a second lead', async () => {
    const { tenant, brain } = await loadDemo();
    const turns = await chatOnFreshHost(tenant, brain, 'amend-1', 'quiero una cotización para mi empresa', 'Ana Pérez', 'ana@x.com', 'ninguna', 'ventas', 'pintura para la casa', 'no hay prisa', 'sí', 'no, mi correo es ana.perez@x.com');
    expect(turns[7]).toContain('L-000001');
    expect(turns[8]).toContain('L-000001');
    expect(turns[8]).toContain('ana.perez@x.com');
    expect(turns[8]).not.toContain('nombre completo');
  });
});
