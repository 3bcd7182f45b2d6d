import { createActor, fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { estudioWorkflows, sayingTo, studioReading } from './studio-harness.js';
import type { Understanding, UnderstandInput } from '../../../src/domain/understanding.js';
import { type BackendCallInput, type BackendCallOutput, type InfoActorInput, type InfoActorOutput } from '../../../src/machines/conversation.contract.js';
import { conversationMachine, provideWorkflows } from '../../../src/machines/conversation.machine.js';

/**
 * The booking in the conversation machine, as a receptionist keeps it: a side question in the
 * middle ("¿cuánto cuesta?", "¿aceptan tarjeta?") is answered and the pending question asked
 * again; the service just priced is the one "quiero cita pal viernes" books; a phone typed for the
 * booking is not taken as who the customer is (no cross-channel identity offer after the booking).
 */

const set = estudioWorkflows();
const reading = studioReading;

const SERVICES = [
  { id: 'corte-secado', name: { es: 'Corte y secado', en: 'Haircut' }, aliases: ['corte'] },
  { id: 'tinte-completo', name: { es: 'Tinte completo', en: 'Full hair colour' }, aliases: ['tinte'] },
];

function backend(input: BackendCallInput): BackendCallOutput {
  const { method, path, query, body } = input.request;
  if (path === '/services') return { ok: true, body: { items: SERVICES } };
  if (path === '/slots') return { ok: true, body: { items: ['10:00', '15:00', '16:00'].map((time) => ({ slotId: `ana.${query!.date}.${time}`, time })) } };
  if (path === '/bookings' && method === 'POST') return { ok: true, body: { id: 'BV-1001', date: String(body!.slotId).split('.')[1], time: String(body!.slotId).split('.')[2], price: 3800, currency: 'DOP' } };
  throw new Error(`unexpected call ${method} ${path}`);
}

function conversation(script: Record<string, Understanding>, info: (input: InfoActorInput) => InfoActorOutput) {
  const asked: InfoActorInput[] = [];
  const machine = provideWorkflows(conversationMachine, set).provide({
    actors: {
      understand: fromPromise(async ({ input }: { input: UnderstandInput }) => script[input.text] ?? reading(null)),
      callBackend: fromPromise(async ({ input }: { input: BackendCallInput }) => backend(input)),
      answerInfo: fromPromise(async ({ input }: { input: InfoActorInput }) => {
        asked.push(input);
        return info(input);
      }),
      createTicket: fromPromise(async () => ({ ticketId: 'tk-1', number: 'T-000001' })),
    },
  });
  const actor = createActor(machine, { input: { tenantId: 'estudio', conversationId: 'c-1', lang: 'es' as const } });
  actor.start();
  return { asked, say: sayingTo(actor) };
}

describe('a side question in the middle of a booking', () => {
  it('should answer "¿cuánto cuesta?" and "¿aceptan tarjeta?" while the service is asked, then ask it again', async () => {
    const c = conversation(
      { 'quiero una cita': reading('agendar_cita'), '¿cuánto cuesta?': reading('consultar_paquetes'), '¿aceptan tarjeta?': reading('pagar_servicio'), 'un tinte': reading('consultar_paquetes') },
      (input) => ({ replies: [{ template: input.text === '¿aceptan tarjeta?' ? 'studio.payment' : 'studio.services' }] }),
    );
    let turn = await c.say('quiero una cita');
    expect(turn.said).toEqual(['¿Qué servicio te gustaría reservar?']);
    turn = await c.say('¿cuánto cuesta?');
    expect(turn.said).toEqual(['studio.services', '¿Qué servicio te gustaría reservar?']);
    expect(turn.state).toBe('workflow.waiting');
    // "¿aceptan tarjeta?" is read as the payment label, but names no payment request: answered, not a switch to paying.
    turn = await c.say('¿aceptan tarjeta?');
    expect(turn.said).toEqual(['studio.payment', '¿Qué servicio te gustaría reservar?']);
    expect(turn.context.workflow?.spec.id).toBe('agendar_cita');
    // An answer read as a services question is still the answer ("un tinte").
    turn = await c.say('un tinte');
    expect(turn.said).toEqual(['¿Para qué día? (por ejemplo: mañana, el viernes, 12 de diciembre)']);
    expect(c.asked).toHaveLength(2);
  });

  it('should keep the service a price question names, answer it, and ask the next question', async () => {
    const c = conversation({ 'quiero una cita': reading('agendar_cita'), '¿cuánto cuesta el tinte?': reading('consultar_paquetes') }, () => ({ replies: [{ template: 'studio.service.price' }], service: 'tinte-completo' }));
    await c.say('quiero una cita');
    const turn = await c.say('¿cuánto cuesta el tinte?');
    expect(turn.said).toEqual(['studio.service.price', '¿Para qué día? (por ejemplo: mañana, el viernes, 12 de diciembre)']);
    expect(turn.context.workflow?.values.service).toBe('tinte-completo');
  });
});

describe('the service just priced', () => {
  it('should be the one "quiero cita pal viernes en la tarde" books, with the afternoon times shown', async () => {
    const c = conversation(
      { 'cuanto cuesta un tinte?': reading('consultar_paquetes'), 'y cuanto dura?': reading('consultar_paquetes'), 'ok quiero cita pal viernes en la tarde': reading('agendar_cita') },
      () => ({ replies: [{ template: 'studio.service.price' }], service: 'tinte-completo' }),
    );
    let turn = await c.say('cuanto cuesta un tinte?');
    expect(turn.context.serviceFocus).toEqual({ value: 'tinte-completo', turn: 1 });
    await c.say('y cuanto dura?');
    turn = await c.say('ok quiero cita pal viernes en la tarde');
    expect(turn.context.workflow?.values).toMatchObject({ service: 'tinte-completo', date: '2026-12-04' });
    expect(turn.said).toEqual(['¿A qué hora? Estos horarios están libres:']);
    expect(turn.context.workflow?.narrowed?.time).toEqual(['15:00', '16:00']);
  });

  it('should be forgotten when a list of several was answered', async () => {
    let answer: InfoActorOutput = { replies: [{ template: 'studio.service.price' }], service: 'tinte-completo' };
    const c = conversation({ 'cuanto cuesta un tinte?': reading('consultar_paquetes'), 'y el corte y el tinte?': reading('consultar_paquetes') }, () => answer);
    await c.say('cuanto cuesta un tinte?');
    answer = { replies: [{ template: 'studio.service.prices' }], service: null };
    const turn = await c.say('y el corte y el tinte?');
    expect(turn.context.serviceFocus).toBeNull();
  });
});

describe('the phone typed for a booking', () => {
  it('should be the booking\'s, not a claim of who the customer is (nothing for a cross-channel identity offer)', async () => {
    const phone = (text: string) => reading(null, { nlu: { intent: { name: 'out_of_scope', confidence: 0.2 }, ranking: [], entities: [{ type: 'phone', value: text, start: 0, end: text.length }], lang: 'es' } } as Partial<Understanding>);
    const c = conversation({ 'un corte el viernes a las 3': reading('agendar_cita'), '809 555 0147': phone('809 555 0147') }, () => ({ replies: [] }));
    await c.say('un corte el viernes a las 3');
    await c.say('Ana Pérez');
    await c.say('809 555 0147');
    const turn = await c.say('sí');
    expect(turn.said[0]).toContain('BV-1001');
    expect(turn.context.lead.draft.phone_or_username).toBeUndefined();
    // The contact learns it for the next form (a clerk does not ask twice).
    expect(turn.context.contact).toMatchObject({ phone: '+18095550147' });
  });
});
