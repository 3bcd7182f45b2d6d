import { describe, expect, it } from 'vitest';
import { statePhase } from '../../../web-console/src/dashboard/strings.js';
import { badgeLabel, channelLabel, langLabel, plainPreview, reasonLabel, stateLabel } from '../../../web-console/src/strings.js';

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
