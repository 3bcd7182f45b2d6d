import { describe, it, expect } from 'vitest';
import { ferreteriaWorkflows, understood } from './machine-harness.js';
import { contactGivenAlone, createLeadState, type LeadState } from '../../../src/machines/lead-draft.js';
import { mergeFormReading, nextFormQuestion } from '../../../src/machines/workflow/brain-form.js';
import { readLeadFields } from '../../../src/actors/brain/rule/lead-fields.js';

const solicitud = ferreteriaWorkflows().workflows.find((w) => w.id === 'solicitud')!;
const asking = (slot: LeadState['asking'], asked: number, draft: LeadState['draft'] = {}): LeadState => ({ ...createLeadState(), status: 'collecting', asking: slot, asked, draft });
const read = (text: string, field: Parameters<typeof readLeadFields>[0]['expecting'] extends infer E ? string : never) =>
  readLeadFields({ text, entities: [], expecting: { kind: 'lead_field', field } as never }).leadFields;

describe('a question is never asked a third time', () => {
  it('should leave the name empty when it was asked twice and the customer answers another question again', () => {
    const lead = mergeFormReading(solicitud, asking('name', 2), understood('sales_lead', { leadFields: { urgency_level: 'Medio' } }), 'm3', 'para la semana que viene');
    expect(lead.draft.name).toEqual({ value: null, sourceMessageId: 'm3' });
    expect(nextFormQuestion(solicitud, lead)?.slot).toBe('email');
  });

  it('should ask it a second time after one miss', () => {
    const lead = mergeFormReading(solicitud, asking('name', 1), understood('sales_lead', { leadFields: { interest_area: 'Ventas' } }), 'm2', 'ventas');
    expect(lead.draft.name).toBeUndefined();
    expect(nextFormQuestion(solicitud, lead)?.slot).toBe('name');
  });

  it('should say the advisor answers by chat when the e-mail is the question left', () => {
    const lead = mergeFormReading(solicitud, asking('email', 2, { name: { value: 'Ana', sourceMessageId: 'm1' } }), understood('sales_lead', { leadFields: { interest_area: 'Ventas' } }), 'm4', 'ventas');
    expect(lead.draft.email?.value).toBeNull();
    expect(lead.notice).toEqual({ kind: 'contact_by_chat' });
  });

  it('should never take a form choice for the company', () => {
    const lead = mergeFormReading(solicitud, asking('company_name', 1), understood('sales_lead', { leadFields: { company_name: 'Ventas', interest_area: 'Ventas' } }), 'm2', 'ventas');
    expect(lead.draft.company_name).toBeUndefined();
    expect(lead.draft.interest_area?.value).toBe('Ventas');
  });
});

describe('answers given ahead in the lead', () => {
  it.each([
    ['alta', 'company_name', 'Alto'],
    ['urgente', 'problem_statement', 'Alto'],
    ['para el lunes', 'problem_statement', 'Alto'],
    ['by friday', 'email', 'Alto'],
    ['sin prisa', 'email', 'Bajo'],
  ])('should read "%s" asked for %s as the urgency, nothing else', (text, field, level) => {
    expect(read(text, field)).toEqual({ urgency_level: level });
  });

  it.each(['nada', 'later!', 'no'])('should not read "%s" as an urgency where another field is asked', (text) => {
    expect(read(text, 'email').urgency_level).toBeUndefined();
  });

  it('should read "no tengo empresa" said ahead as the company declined', () => {
    expect(readLeadFields({ text: 'no tengo empresa', entities: [], expecting: { kind: 'none' } }).leadFields.company_name).toBeNull();
  });

  it('should take a name typed where the e-mail is asked', () => {
    expect(read('Pedro Mejía', 'email').name).toBe('Pedro Mejía');
    expect(read('Cemento Gris', 'email').name).toBeUndefined();
  });
});

describe('contact data given alone', () => {
  const withEmail = (email: string) => understood('out_of_scope', { leadFields: { email } });
  it.each(['ana@gmail.com', 'mi correo es ana@gmail.com', 'my email is ana@gmail.com'])('should note "%s"', (text) => {
    expect(contactGivenAlone(withEmail('ana@gmail.com'), text)).toBe('ana@gmail.com');
  });

  it('should not take a message that asks something too', () => {
    expect(contactGivenAlone(withEmail('ana@gmail.com'), 'ana@gmail.com tienen cemento gris?')).toBeNull();
    expect(contactGivenAlone(understood('out_of_scope'), 'hola')).toBeNull();
  });
});

describe('a yes to something else is not a miss', () => {
  it('should ask the e-mail again after "sí" to an offer made in a detour', () => {
    const lead = mergeFormReading(solicitud, asking('email', 2, { name: { value: 'Ana', sourceMessageId: 'm1' } }), understood('affirm' as never, { affirmation: 'yes' }), 'm4', 'sí');
    expect(lead.draft.email).toBeUndefined();
    expect(nextFormQuestion(solicitud, lead)?.slot).toBe('email');
  });
});

describe('a phone given alone', () => {
  it('should be noted masked, never echoed whole', () => {
    expect(contactGivenAlone(understood('out_of_scope', { leadFields: { phone_or_username: '+18095551234' } }), 'mi cel es 809-555-1234')).toBe('xxx-xx34');
  });
});

describe('the urgency told with more words (leads3)', () => {
  it.each([
    ['para julio, no hay apuro', 'Bajo'],
    ['para el mes que viene, sin apuro', 'Bajo'],
    ['ya mismo, es urgente', 'Alto'],
  ])('should read "%s" as %s', (text, level) => {
    expect(read(text, 'urgency_level').urgency_level).toBe(level);
  });

  it.each(['alta', 'dale'])('should never take "%s" for the interest area', (text) => {
    expect(read(text, 'interest_area').interest_area).toBeUndefined();
  });
});

describe('answers of another question, written down where they belong (session 22)', () => {
  it.each(['Constructora Ramírez', 'Ferretería El Progreso SRL', 'Caribbean Builders LLC'])('should take "%s" answered for the name as the company, never the person', (text) => {
    const fields = readLeadFields({ text, entities: [{ type: 'company', value: text, start: 0, end: text.length }], expecting: { kind: 'lead_field', field: 'name' } as never }).leadFields;
    expect(fields.name).toBeUndefined();
  });

  it.each([
    ['techos de zinc para 12 casas', 'techos de zinc para 12 casas'],
    ['zinc para 12 casas', 'zinc para 12 casas'],
  ])('should write down "%s" answered for the area as the need, with the area Ventas', (text, need) => {
    const at = text.indexOf('zinc');
    const fields = readLeadFields({ text, entities: [{ type: 'product', value: 'zinc', start: at, end: at + 4 }], expecting: { kind: 'lead_field', field: 'interest_area' } as never }).leadFields;
    expect(fields.interest_area).toBe('Ventas');
    expect(fields.problem_statement).toBe(need);
  });

  it('should keep a bare area, and goods named alone, as the area only', () => {
    expect(read('ventas, por favor', 'interest_area').problem_statement).toBeUndefined();
    expect(read('cemento y varilla', 'interest_area').problem_statement).toBeUndefined();
  });
});
