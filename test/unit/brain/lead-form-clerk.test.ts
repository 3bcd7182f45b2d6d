import { describe, expect, it } from 'vitest';
import { detectUrgency } from '../../../src/actors/brain/rule/lead-levels.js';
import { readLeadFields } from '../../../src/actors/brain/rule/lead-fields.js';
import { continuesNeed } from '../../../src/actors/brain/rule/need-continued.js';
import { asksToResumeRequest } from '../../../src/actors/brain/rule/form-resume.js';
import { leavesTheForm } from '../../../src/actors/brain/rule/leaving-form.js';
import { putsOffForm } from '../../../src/machines/letting-go.js';
import { asksWhoWillContact } from '../../../src/machines/lead-why.js';
import { createLeadState, type LeadState } from '../../../src/machines/lead-draft.js';
import { mergeFormReading, nextFormQuestion } from '../../../src/machines/workflow/brain-form.js';
import { prefersPhoneContact } from '../../../src/actors/brain/rule/contact-preference.js';
import { takeOpeningNeed } from '../../../src/actors/brain/rule/opening-need.js';
import { ferreteriaWorkflows, understood } from '../machine/machine-harness.js';
import type { Entity } from '../../../src/domain/nlu.js';

const product = (value: string): Entity => ({ type: 'product', value, start: 0, end: value.length });
const atUrgency = (text: string, entities: Entity[] = [], intent = 'out_of_scope') => readLeadFields({ text, entities, expecting: { kind: 'lead_field', field: 'urgency_level' } as never, intent });

describe('the urgency named as a field is no level', () => {
  it.each(['cambia la urgencia', 'la urgencia está mal', 'quiero cambiar la urgencia'])('should read no level in "%s"', (text) => {
    expect(detectUrgency(text)).toBeUndefined();
    expect(readLeadFields({ text, entities: [], expecting: { kind: 'lead_confirmation' } as never, intent: 'out_of_scope' }).urgency).toBeUndefined();
  });

  it.each(['lo necesito con urgencia', 'es una urgencia', 'urgente'])('should still read "%s" as high', (text) => {
    expect(detectUrgency(text)).toBe('Alto');
  });
});

describe('the need told in two messages', () => {
  it('should add "para una casa de 3 habitaciones" at the urgency question to the need', () => {
    const read = atUrgency('para una casa de 3 habitaciones');
    expect(read.addsToNeed).toBe(true);
    expect(read.leadFields.problem_statement).toBe('para una casa de 3 habitaciones');
    expect(read.leadFields.urgency_level).toBeUndefined();
  });

  it('should add goods named after the need ("and also cement, around 300 bags")', () => {
    const read = atUrgency('and also cement, around 300 bags', [product('cement')], 'price_quote');
    expect(read.addsToNeed).toBe(true);
  });

  it.each([
    ['para el lunes', 'Alto'],
    ['no hay prisa, es para una casa', 'Bajo'],
  ])('should read "%s" as the urgency, not more need', (text, level) => {
    const read = atUrgency(text);
    expect(read.leadFields.urgency_level).toBe(level);
    expect(read.addsToNeed).toBeUndefined();
  });

  it.each(['¿cuánto cuesta el cemento para la casa?', 'gracias, eso es todo para la obra', 'ok', 'sí, materiales'])('should not take "%s" as more need', (text) => {
    expect(atUrgency(text, [product('cemento')]).addsToNeed).toBeUndefined();
  });

  it('should only read it where the urgency is asked', () => {
    const read = readLeadFields({ text: 'para una casa de 3 habitaciones', entities: [], expecting: { kind: 'lead_field', field: 'company_name' } as never, intent: 'out_of_scope' });
    expect(read.addsToNeed).toBeUndefined();
    expect(continuesNeed('para el lunes', [])).toBe(false);
  });

  it('should write the second part under the first, noted, without saying it was changed', () => {
    const solicitud = ferreteriaWorkflows().workflows.find((w) => w.id === 'solicitud')!;
    const lead: LeadState = { ...createLeadState(), status: 'collecting', asking: 'urgency_level', draft: { problem_statement: { value: 'necesito bloques y cemento', sourceMessageId: 'm6' } } };
    const merged = mergeFormReading(solicitud, lead, understood('out_of_scope', { leadFields: { problem_statement: 'para una casa de 3 habitaciones' }, addsToNeed: true }), 'm7', 'para una casa de 3 habitaciones');
    expect(merged.draft.problem_statement?.value).toBe('necesito bloques y cemento. Para una casa de 3 habitaciones');
    // Noted ("¡Anotado en tu solicitud!") before the urgency is asked again (fresh13), never "lo cambié".
    expect(merged.notice).toEqual({ kind: 'need_noted' });
  });
});

describe('a request let go, asked for again', () => {
  it.each(['quiero retomar la cotización', 'ok quiero seguir con la solicitud', 'sigamos con la cotización', 'quiero la cotización de nuevo', "actually let's continue with the quote", 'can we finish the request?'])(
    'should read "%s" as the request again',
    (text) => expect(asksToResumeRequest(text)).toBe(true),
  );

  it.each(['quiero completar mi solicitud de empleo', '¿cuándo terminan la cotización?', 'quiero seguir comprando', 'cuánto cuesta el cemento', 'I want to resume my job application'])('should not read "%s" as it', (text) =>
    expect(asksToResumeRequest(text)).toBe(false),
  );
});

describe('the form put off for later', () => {
  it.each(['mejor después', 'mejor lo dejo para después', 'después lo termino', 'ok, mejor luego', "let's do it later", 'maybe later', "I'll finish it later"])('should read "%s" as leaving the form', (text) => {
    expect(putsOffForm(text)).toBe(true);
    expect(leavesTheForm(text)).toBe(true);
  });

  it.each(['después', 'mejor el de 3/4', 'para el lunes', 'ana@x.com', 'Constructora Después'])('should not read "%s" as it', (text) => expect(putsOffForm(text)).toBe(false));
});

describe('who answers the request', () => {
  it.each(['¿y quién me va a llamar?', '¿cuándo me contactan?', '¿cuánto tardan en llamarme?', 'en cuánto tiempo me llaman?', 'me van a llamar o escribir?', 'who will contact me?', 'when will someone call me?', 'how long until I hear back?'])(
    'should read "%s" as asking who contacts them',
    (text) => expect(asksWhoWillContact(text)).toBe(true),
  );

  it.each(['cuanto tarda el pedido?', '¿cuándo llega mi pedido?', 'quien me puede ayudar con pintura', 'quiero que me llamen', 'llámame al 8095551234'])('should not read "%s" as it', (text) => expect(asksWhoWillContact(text)).toBe(false));
});

describe('how the customer would rather be reached', () => {
  const solicitud = ferreteriaWorkflows().workflows.find((w) => w.id === 'solicitud')!;
  const at = (text: string, field: string) => readLeadFields({ text, entities: [], expecting: { kind: 'lead_field', field } as never, intent: 'human_agent' });

  it.each(['prefiero que me llamen', 'mejor por whatsapp', 'mejor escríbanme por WhatsApp', "I'd rather get a call", 'text me'])('should read "%s" as the phone preferred', (text) => {
    expect(prefersPhoneContact(text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9@.'\s/-]+/g, ' ').replace(/\s+/g, ' ').trim())).toBe(true);
  });

  it.each(['quiero hablar con una persona llamenme', 'prefiero no dar el telefono', 'tienen whatsapp', 'prefiero el cemento gris', 'mejor despues'])('should not read "%s" as it', (text) => expect(prefersPhoneContact(text)).toBe(false));

  it('should pass the e-mail over for the phone where the e-mail is asked, and take no company from it', () => {
    const email = at('prefiero que me llamen', 'email');
    expect(email.leadFields.email).toBeNull();
    expect(email.prefersPhone).toBe(true);
    expect(at('mejor por whatsapp', 'company_name').leadFields.company_name).toBeUndefined();
  });

  it('should ask the phone next when none is known, and nothing more when it is', () => {
    const lead: LeadState = { ...createLeadState(), status: 'collecting', asking: 'company_name', draft: { name: { value: 'Pedro', sourceMessageId: 'm2' }, email: { value: 'p@x.com', sourceMessageId: 'm3' } } };
    const reading = understood('human_agent', { leadFields: {}, prefersPhone: true });
    expect(nextFormQuestion(solicitud, mergeFormReading(solicitud, lead, reading, 'm4', 'mejor por whatsapp'))?.slot).toBe('phone_or_username');
    const known: LeadState = { ...lead, draft: { ...lead.draft, phone_or_username: { value: '+18095550011', sourceMessageId: 'm0' } } };
    expect(nextFormQuestion(solicitud, mergeFormReading(solicitud, known, reading, 'm4', 'mejor por whatsapp'))?.slot).toBe('company_name');
  });
});

describe('the need told in the opening', () => {
  const reading = () => ({ leadFields: {} as Partial<Record<string, string | null>>, interestArea: undefined as undefined | 'Ventas' });
  const quantity: Entity = { type: 'quantity', value: '500', start: 0, end: 3 };

  it('should take counted goods as a sale (the area not asked)', () => {
    const lead = reading();
    takeOpeningNeed(lead, 'necesitamos 500 sacos de cemento', [quantity, product('saco cemento')]);
    expect(lead.leadFields).toEqual({ problem_statement: 'necesitamos 500 sacos de cemento', interest_area: 'Ventas' });
    expect(lead.interestArea).toBe('Ventas');
  });

  it('should leave the area to ask for goods without a count', () => {
    const lead = reading();
    takeOpeningNeed(lead, 'necesitamos cotizar pintura para la escuela', [product('pintura')]);
    expect(lead.leadFields.interest_area).toBeUndefined();
  });
});
