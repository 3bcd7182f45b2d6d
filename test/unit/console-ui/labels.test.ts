import { describe, expect, it } from 'vitest';
import { dtCount, funnelStateLabel, statePhase } from '../../../web-console/src/dashboard/strings.js';
import { badgeLabel, channelLabel, langLabel, leadFieldLabel, plainPreview, reasonLabel, stateLabel, ticketReasonLabel } from '../../../web-console/src/strings.js';

describe('console labels an agent reads instead of machine words', () => {
  it('should say where a conversation is: waiting, with a person, resolved awaiting the rating, with the bot', () => {
    expect(stateLabel('es', 'handoff.withHuman')).toBe('esperando a una persona');
    expect(stateLabel('es', 'handoff.withHuman', { held: true })).toBe('con una persona');
    expect(stateLabel('es', 'triage.idle', { awaitingRating: true })).toBe('resuelta, esperando calificación');
    expect(stateLabel('en', 'answering.reply')).toBe('with the bot');
    expect(stateLabel('en', 'closed')).toBe('closed');
  });

  it('should badge a held handoff "in progress" (urgent stays urgent) and a bot conversation "Bot", never "Nuevo"', () => {
    const holder = { id: 'a1', displayName: 'Demo' };
    expect(badgeLabel('es', { state: 'handoff.withHuman', priority: 'new', assignee: null })).toBe('Nuevo');
    expect(badgeLabel('es', { state: 'handoff.withHuman', priority: 'new', assignee: holder })).toBe('En curso');
    expect(badgeLabel('es', { state: 'handoff.withHuman', priority: 'urgent', assignee: holder })).toBe('Urgente');
    expect(badgeLabel('es', { state: 'triage.idle', priority: 'new', assignee: null })).toBe('Bot');
  });

  it("should name a lead's fields in the agent's language, not as the CRM's keys, and pass an unknown one through", () => {
    expect(leadFieldLabel('es', 'company_name')).toBe('Empresa');
    expect(leadFieldLabel('es', 'urgency_level')).toBe('Urgencia');
    expect(leadFieldLabel('es', 'name')).toBe('Nombre');
    expect(leadFieldLabel('en', 'problem_statement')).toBe('Need');
    expect(leadFieldLabel('en', 'budget')).toBe('budget');
  });

  it('should name channels, languages and handoff reasons in words, and pass unknown ones through', () => {
    expect(channelLabel('es', 'web')).toBe('Chat web');
    expect(channelLabel('en', 'twilio-whatsapp')).toBe('WhatsApp (Twilio)');
    expect(channelLabel('en', 'smoke-signals')).toBe('smoke-signals');
    expect(langLabel('es', 'en')).toBe('Inglés');
    expect(langLabel('es', null)).toBeNull();
    expect(reasonLabel('es', 'customer_request')).toBe('lo pidió el cliente');
    expect(reasonLabel('es', 'call_back')).toBe('pidió que lo llamen');
    expect(reasonLabel('en', 'call_back')).toBe('asked for a call back');
    expect(reasonLabel('en', 'something_new')).toBe('something_new');
  });
});

describe('inbox previews', () => {
  it('should drop the bold and italic markers and keep one line, leaving snake_case and lone stars alone', () => {
    expect(plainPreview('Esto es lo que tengo:\n• *Cemento Gris* (_saco_ 42.5 kg)')).toBe('Esto es lo que tengo: • Cemento Gris (saco 42.5 kg)');
    expect(plainPreview('código GU_42_B, 5 * 3')).toBe('código GU_42_B, 5 * 3');
  });
});

describe('dashboard state funnel', () => {
  it('should name the phase of a machine state in words and leave an unknown phase alone', () => {
    expect(statePhase('es', 'handoff.withHuman')).toBe('Con una persona');
    expect(statePhase('en', 'triage.idle')).toBe('With the bot');
    expect(statePhase('en', 'mystery.state')).toBeNull();
    // The lead lives in a form read by the brain since machine v2: the lead phase, not a guided task.
    expect(statePhase('es', 'workflow.form.collecting.waiting')).toBe('Tomando datos de una solicitud (lead)');
    expect(statePhase('en', 'workflow.form.confirming')).toBe('Taking a request’s details (lead)');
    expect(statePhase('es', 'workflow.form.confirming')).not.toBe('Trámite guiado');
    expect(statePhase('es', 'workflow.stepping')).toBe('Trámite guiado');
    expect(statePhase('es', 'qualifying.collecting')).toBe('Tomando datos (lead)');
  });
});

describe('dashboard words (owner34)', () => {
  it('should name each state of the funnel in words only, for every state a turn can end in', () => {
    expect(funnelStateLabel('es', 'handoff.withHuman')).toBe('Con una persona');
    expect(funnelStateLabel('en', 'workflow.form.confirming')).toBe('Request (lead): confirming the summary');
    expect(funnelStateLabel('es', 'answering.awaitingAccountId')).toBe('Verificando una cuenta');
    // A v1 lead state falls back to its phase; a state the page does not know reads as words, never as code.
    expect(funnelStateLabel('es', 'qualifying.collecting')).toBe('Tomando datos (lead)');
    expect(funnelStateLabel('en', 'mystery.newState')).toBe('mystery new state');
    for (const lang of ['es', 'en'] as const) {
      for (const state of ['triage.idle', 'answering.awaitingProduct', 'answering.awaitingAccountId', 'workflow.waiting', 'workflow.form.collecting.waiting', 'workflow.form.confirming', 'handoff.withHuman', 'proving.awaitingPhone', 'proving.awaitingCode', 'identifying', 'closed']) {
        expect(funnelStateLabel(lang, state)).not.toMatch(/[._]|[a-z][A-Z]/);
      }
    }
  });

  it('should make a count agree with its noun, in Spanish and English', () => {
    expect(dtCount('es', 'notCarriedIntro', 1)).toMatch(/^1 mensaje pidió algo/);
    expect(dtCount('es', 'notCarriedIntro', 2)).toMatch(/^2 mensajes pidieron algo/);
    expect(dtCount('es', 'notUnderstoodIntro', 1)).toMatch(/^1 mensaje que el bot no entendió/);
    expect(dtCount('es', 'notUnderstoodIntro', 1200)).toMatch(/^1[.,]?200 mensajes que/);
    expect(dtCount('en', 'notCarriedIntro', 1)).toMatch(/^1 message asked for/);
    expect(dtCount('en', 'notUnderstoodIntro', 0)).toMatch(/^0 messages the bot/);
    expect(dtCount('es', 'lastDays', 7)).toBe('Últimos 7 días');
    expect(dtCount('en', 'lastDays', 1)).toBe('Last day');
  });
});

describe('a ticket reason with a call back asked', () => {
  it('should say the call for a plain request and both for a complaint that asked to be called', () => {
    expect(ticketReasonLabel('es', 'customer_request', true)).toBe('pidió que lo llamen');
    expect(ticketReasonLabel('es', 'complaint', true)).toBe('queja · pidió que lo llamen');
    expect(ticketReasonLabel('en', 'complaint', true)).toBe('complaint · asked for a call back');
    expect(ticketReasonLabel('es', 'complaint', false)).toBe('queja');
    expect(ticketReasonLabel('es', null, undefined)).toBeNull();
  });
});
