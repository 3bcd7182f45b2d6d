import { describe, it, expect } from 'vitest';
import type { Understanding } from '../../../src/domain/understanding.js';
import { ferreteriaWorkflows, understood } from './machine-harness.js';
import { correctEmailTypo, createLeadState, fieldsNamedIn, isValidEmail, summaryAnswer } from '../../../src/machines/lead-draft.js';
import { mergeFormReading, nextFormQuestion, profileFromForm, startForm } from '../../../src/machines/workflow/brain-form.js';

// The hardware store's lead is its `solicitud` workflow, a form read by the brain.
const solicitud = ferreteriaWorkflows().workflows.find((w) => w.id === 'solicitud')!;
const startLead = (lead: Parameters<typeof startForm>[1], profile: Parameters<typeof startForm>[2]) => startForm(solicitud, lead, profile);
const profileFromLead = (profile: Parameters<typeof profileFromForm>[1], lead: Parameters<typeof profileFromForm>[2]) => profileFromForm(solicitud, profile, lead);
const mergeLeadFields = (lead: Parameters<typeof mergeFormReading>[1], understanding: Understanding, messageId: string) => mergeFormReading(solicitud, lead, understanding, messageId, '');

describe('lead draft helpers', () => {
  it.each(['juan@example.com', 'ana.gomez+obra@constructora.com.do', 'X@Y.io'])('should accept %s', (e) => {
    expect(isValidEmail(e)).toBe(true);
  });

  it.each(['juan@gmail', 'juan.example.com', 'juan @x.com', '@x.com', 'juan@', 'a@b.c', 'a@@b.com'])('should reject %s', (e) => {
    expect(isValidEmail(e)).toBe(false);
  });

  it('should find the fields a correction names, in Spanish and English, with or without accents', () => {
    expect(fieldsNamedIn('no, el correo está mal')).toEqual(['email']);
    expect(fieldsNamedIn('el teléfono y la empresa')).toEqual(['phone_or_username', 'company_name']);
    expect(fieldsNamedIn('the company name is wrong')).toEqual(['company_name']);
    expect(fieldsNamedIn('el nombre de la empresa está mal')).toEqual(['company_name']);
    expect(fieldsNamedIn('my name is wrong')).toEqual(['name']);
    expect(fieldsNamedIn('area and urgencia')).toEqual(['interest_area', 'urgency_level']);
    expect(fieldsNamedIn('no')).toEqual([]);
    expect(fieldsNamedIn('nombres')).toEqual([]);
  });
});

describe('summaryAnswer', () => {
  it.each(['todo correcto', 'Todo está bien', 'confirmo', 'sí, todo bien, gracias', 'all good', 'everything is correct', "that's right", 'nada más eso', 'envíala', 'go ahead'])(
    'should read "%s" as a yes to the summary',
    (text) => {
      expect(summaryAnswer(text)).toBe('yes');
    },
  );

  it.each(['está todo mal', 'hay un error', 'that is wrong', 'no está bien', 'algo está mal', "something's wrong"])('should read "%s" as a no', (text) => {
    expect(summaryAnswer(text)).toBe('no');
  });

  it.each(['¿tienen cemento?', 'todo correcto pero cambia el correo', 'el correo está mal', 'bien', 'no sé'])('should not read "%s" as either', (text) => {
    expect(summaryAnswer(text)).toBeNull();
  });
});

describe('startLead with a remembered profile', () => {
  const profile = { name: 'Ana Gómez', email: 'ana@gomez.do', phone: '+18095551234', company: 'Gómez SRL', openLead: 'L-000001' };

  it('should fill only the missing contact fields, marked as coming from the profile', () => {
    const lead = { ...createLeadState(), draft: { email: { value: 'ana@nuevo.do', sourceMessageId: 'm1' } } };
    const started = startLead(lead, profile);
    expect(started.status).toBe('collecting');
    expect(started.draft).toEqual({
      name: { value: 'Ana Gómez', sourceMessageId: 'contact-profile' },
      email: { value: 'ana@nuevo.do', sourceMessageId: 'm1' },
      phone_or_username: { value: '+18095551234', sourceMessageId: 'contact-profile' },
      company_name: { value: 'Gómez SRL', sourceMessageId: 'contact-profile' },
    });
    expect(nextFormQuestion(solicitud, started)).toEqual({ slot: 'interest_area', text: { template: 'lead.ask.interest_area' } });
  });

  it('should keep the profile out of a lead without one', () => {
    expect(startLead(createLeadState(), null).draft).toEqual({});
  });

  it('should make the confirmed lead the profile', () => {
    const lead = { ...createLeadState(), status: 'submitted' as const, leadId: 'L-000002', draft: { name: { value: 'Ana G. Gómez', sourceMessageId: 'm2' }, company_name: { value: null, sourceMessageId: 'm3' } } };
    expect(profileFromLead(profile, lead)).toEqual({ ...profile, name: 'Ana G. Gómez', openLead: 'L-000002' });
  });
});

describe('mergeLeadFields at the summary', () => {
  const understanding = (leadFields: Understanding['leadFields']) => understood('out_of_scope', { confidence: 0.2, leadFields });

  it('should note an update only when a shown value changes', () => {
    const lead = { ...createLeadState(), status: 'confirming' as const, draft: { email: { value: 'a@b.do', sourceMessageId: 'm1' } } };
    expect(mergeLeadFields(lead, understanding({ email: 'a@b.do' }), 'm2').notice).toBeNull();
    expect(mergeLeadFields(lead, understanding({ email: 'c@d.do' }), 'm2').notice).toEqual({ kind: 'updated' });
    // While collecting: the answer to the question asked is no update; a value given before, corrected
    // while another is asked ("perdón, mi correo es …"), is.
    expect(mergeLeadFields({ ...lead, status: 'collecting', asking: 'email' }, understanding({ email: 'c@d.do' }), 'm2').notice).toBeNull();
    expect(mergeLeadFields({ ...lead, status: 'collecting', asking: 'company_name' }, understanding({ email: 'c@d.do' }), 'm2').notice).toEqual({ kind: 'updated' });
  });
});

describe('correctEmailTypo', () => {
  it("should fix a big provider's misspelt name or .com, as a clerk writing it down would", () => {
    const cases: [string, string][] = [
      ['ana@gmial.com', 'ana@gmail.com'],
      ['ana@gamil.com', 'ana@gmail.com'],
      ['ana@gmai.com', 'ana@gmail.com'],
      ['ana@gmail.con', 'ana@gmail.com'],
      ['ana@gmail.co', 'ana@gmail.com'],
      ['luis@hotmial.com', 'luis@hotmail.com'],
      ['luis@yaho.com', 'luis@yahoo.com'],
      ['luis@outlok.com', 'luis@outlook.com'],
      ['luis@icloud.cm', 'luis@icloud.com'],
    ];
    for (const [typed, meant] of cases) expect(correctEmailTypo(typed), typed).toBe(meant);
  });

  it('should leave every other address as given', () => {
    for (const email of ['ana@gmail.com', 'ana@hotmail.es', 'ana@yahoo.com.do', 'ana@email.com', 'ana@gmx.com', 'ana@live.com', 'ana@mail.com', 'ventas@constructora.com.do', 'ana@gmailshop.com']) {
      expect(correctEmailTypo(email), email).toBe(email);
    }
  });
});
