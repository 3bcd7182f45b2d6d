import { createActor, fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { estudioWorkflows, sayingTo } from './studio-harness.js';
import type { Understanding, UnderstandInput } from '../../../src/domain/understanding.js';
import { type BackendCallInput, type BackendCallOutput } from '../../../src/machines/conversation.contract.js';
import { conversationMachine, provideWorkflows } from '../../../src/machines/conversation.machine.js';
import { type WorkflowSet } from '../../../src/machines/workflow/index.js';

const set = estudioWorkflows();

/** A reading as the estudio brain gives it: the tenant's label, over a built-in behaviour. */
function reading(label: string | null, extra: Partial<Understanding> = {}): Understanding {
  const intent = label ? { name: 'store_hours_location' as const, confidence: 0.9, label } : { name: 'out_of_scope' as const, confidence: 0.2 };
  const lang = extra.lang ?? 'es';
  return { nlu: { intent, ranking: [intent], entities: [], lang }, lang, affirmation: null, leadFields: {}, products: [], critical: false, priority: 3, ...extra };
}

/** A small in-memory studio answering the calls the estudio workflows make. */
function studio() {
  const bookings: { id: string; serviceId: string; date: string; time: string; status: string }[] = [];
  const calls: BackendCallInput[] = [];
  let down = false;
  /** Someone else books the asked slot just before this customer confirms. */
  let raceNext = false;
  const answer = (input: BackendCallInput): BackendCallOutput => {
    calls.push(input);
    if (down) throw new Error('backend down (scripted)');
    const { method, path, query, body } = input.request;
    if (path === '/services') return { ok: true, body: { items: [{ id: 'corte-secado', name: { es: 'Corte y secado', en: 'Haircut' }, aliases: ['corte'] }] } };
    if (path === '/slots') {
      const times = ['15:00', '16:00'].filter((t) => !bookings.some((b) => b.status === 'confirmed' && b.date === query!.date && b.time === t));
      return { ok: true, body: { items: times.map((time) => ({ slotId: `ana.${query!.date}.${time}`, time })) } };
    }
    if (path === '/bookings' && method === 'GET') return { ok: true, body: { items: bookings } };
    if (path === '/bookings' && method === 'POST') {
      const [, date, time] = String(body!.slotId).split('.');
      if (raceNext) {
        raceNext = false;
        bookings.push({ id: 'BV-0001', serviceId: 'corte-secado', date: date!, time: time!, status: 'confirmed' });
        return { ok: false, status: 409, reason: 'slot_taken' };
      }
      const b = { id: `BV-${1001 + bookings.length}`, serviceId: String(body!.serviceId), date: date!, time: time!, status: 'confirmed' };
      bookings.push(b);
      return { ok: true, body: { ...b, price: 1500, currency: 'DOP' } };
    }
    const customer = /^\/customers\/([^/]+)$/.exec(path);
    if (customer) {
      const phone = decodeURIComponent(customer[1]!);
      if (phone !== '+18095550101') return { ok: false, status: 404, reason: 'customer_not_found' };
      return { ok: true, body: { phone, name: 'María Rosario', email: method === 'PATCH' ? body!.email : 'old@example.com' } };
    }
    const cancel = /^\/bookings\/([^/]+)\/cancel$/.exec(path);
    if (cancel) {
      const b = bookings.find((x) => x.id === cancel[1]);
      if (!b) return { ok: false, status: 404, reason: 'booking_not_found' };
      b.status = 'cancelled';
      return { ok: true, body: b };
    }
    throw new Error(`unexpected call ${method} ${path}`);
  };
  return { bookings, calls, answer, setDown: (value: boolean) => (down = value), raceNext: () => (raceNext = true) };
}

function conversation(script: Record<string, Understanding>, backend: ReturnType<typeof studio>, workflows: WorkflowSet | null = set, restored?: unknown, contact: { phone?: string } | null = { phone: '+18095550101' }) {
  const machine = provideWorkflows(conversationMachine, workflows).provide({
    actors: {
      understand: fromPromise(async ({ input }: { input: UnderstandInput }) => script[input.text] ?? reading(null)),
      callBackend: fromPromise(async ({ input }: { input: BackendCallInput }) => backend.answer(input)),
      createTicket: fromPromise(async () => ({ ticketId: 'tk-1', number: 'T-000001' })),
    },
  });
  // A contact known by phone writes from it (WhatsApp): the channel vouches for it (docs/workflows-trust.md).
  const input = { tenantId: 'estudio', conversationId: 'c-1', lang: 'es' as const, ...(contact ? { contact } : {}), ...(contact?.phone ? { channelPhone: contact.phone } : {}) };
  const actor = createActor(machine, restored ? { input, snapshot: restored as never } : { input });
  actor.start();
  return { actor, say: sayingTo(actor, restored ? 100 : 0) };
}

describe('conversation machine: tenant workflows', () => {
  it('should book through the generic form state: options, questions, a correction, confirmation, action', async () => {
    const backend = studio();
    const c = conversation({ 'quiero un corte mañana': reading('agendar_cita') }, backend);
    let turn = await c.say('quiero un corte mañana');
    expect(turn.state).toBe('workflow.waiting');
    expect(turn.said).toEqual(['¿A qué hora? Estos horarios están libres:']);
    turn = await c.say('a las 4');
    expect(turn.said).toEqual(['¿A nombre de quién hago la reserva?']);
    turn = await c.say('Ana Pérez');
    expect(turn.said).toEqual(['Reservo Corte y secado el viernes 4 de diciembre a las 4:00 p. m. a nombre de Ana Pérez (tel. +18095550101). ¿Confirmo?']);
    turn = await c.say('no, mejor a las 3');
    expect(turn.said[0]).toContain('a las 3:00 p. m.');
    turn = await c.say('sí');
    expect(turn.said).toEqual(['¡Listo! Tu cita BV-1001 quedó el viernes 4 de diciembre a las 3:00 p. m. Total: RD$1,500.00.']);
    expect(turn.state).toBe('triage.idle');
    expect(turn.context.workflow).toBeNull();
    expect(backend.bookings).toEqual([{ id: 'BV-1001', serviceId: 'corte-secado', date: '2026-12-04', time: '15:00', status: 'confirmed' }]);
    const action = backend.calls.find((call) => call.purpose === 'action')!;
    expect(action.request.body).toEqual({ serviceId: 'corte-secado', slotId: 'ana.2026-12-04.15:00', staff: '', customer: { phone: '+18095550101', name: 'Ana Pérez' } });
    expect(action.idempotencyKey).toBe('c-1:m5:workflow.agendar_cita.action');
  });

  it('should not ask a web customer for the phone twice: what a completed form learned prefills the next one', async () => {
    const backend = studio();
    const c = conversation({ 'quiero un corte mañana a las 3': reading('agendar_cita'), 'ahora cancela esa cita': reading('cancelar_cita') }, backend, set, undefined, null);
    await c.say('quiero un corte mañana a las 3');
    let turn = await c.say('Ana Pérez');
    expect(turn.said).toEqual(['¿A qué número de teléfono te contactamos?']);
    turn = await c.say('809 555 0147');
    turn = await c.say('sí');
    expect(turn.said[0]).toContain('BV-1001');
    expect(turn.context.contact).toMatchObject({ phone: '+18095550147', name: 'Ana Pérez' });
    turn = await c.say('ahora cancela esa cita');
    expect(turn.said).toEqual(['¿Confirmas que cancelo la cita BV-1001 del viernes 4 de diciembre a las 3:00 p. m.?']);
  });

  it('should ask the time again, with fresh free times, when it was taken just before the confirmation', async () => {
    const backend = studio();
    const c = conversation({ 'quiero un corte mañana': reading('agendar_cita') }, backend);
    await c.say('quiero un corte mañana');
    await c.say('a las 3');
    await c.say('Ana Pérez');
    backend.raceNext();
    let turn = await c.say('sí');
    expect(turn.said).toEqual(['Esa hora se acaba de ocupar.', '¿A qué hora? Estos horarios están libres:']);
    expect(turn.state).toBe('workflow.waiting');
    turn = await c.say('a las 4');
    expect(turn.said[0]).toContain('a las 4:00 p. m.');
    turn = await c.say('sí');
    expect(turn.said).toEqual(['¡Listo! Tu cita BV-1002 quedó el viernes 4 de diciembre a las 4:00 p. m. Total: RD$1,500.00.']);
  });

  it('should switch to another workflow asked for clearly mid-form, but keep a slot answer in the form', async () => {
    const backend = studio();
    backend.bookings.push({ id: 'BV-0999', serviceId: 'corte-secado', date: '2026-12-05', time: '10:00', status: 'confirmed' });
    const script = {
      'quiero agendar': reading('agendar_cita'),
      // Read as a cancellation, but it answers the question asked: it stays in the booking.
      'corte, y no cancelen nada': reading('cancelar_cita', { nlu: { intent: { name: 'store_hours_location', confidence: 0.7, label: 'cancelar_cita' }, ranking: [], entities: [], lang: 'es' } }),
      'mejor cancela la cita que ya tengo': reading('cancelar_cita'),
    };
    const c = conversation(script, backend);
    await c.say('quiero agendar');
    let turn = await c.say('corte, y no cancelen nada');
    expect(turn.said).toEqual(['¿Para qué día? (por ejemplo: mañana, el viernes, 12 de diciembre)']);
    expect(turn.context.workflow?.spec.id).toBe('agendar_cita');
    turn = await c.say('mejor cancela la cita que ya tengo');
    expect(turn.context.workflow?.spec.id).toBe('cancelar_cita');
    expect(turn.said).toEqual(['¿Confirmas que cancelo la cita BV-0999 del sábado 5 de diciembre a las 10:00 a. m.?']);
  });

  it("should record the workflow's label as the intent each answer was routed as, whatever the classifier read", async () => {
    const backend = studio();
    const script = {
      'quiero agendar': reading('agendar_cita'),
      'corte, y no cancelen nada': reading('cancelar_cita', { nlu: { intent: { name: 'store_hours_location', confidence: 0.7, label: 'cancelar_cita' }, ranking: [], entities: [], lang: 'es' } }),
      'mejor cancela la cita que ya tengo': reading('cancelar_cita'),
    };
    const c = conversation(script, backend);
    expect((await c.say('quiero agendar')).context.routedIntent).toEqual({ name: 'store_hours_location', label: 'agendar_cita' });
    // Read as a cancellation, answered as the booking's service: the booking is what the bot acted on.
    let turn = await c.say('corte, y no cancelen nada');
    expect(turn.context.understanding?.nlu.intent.label).toBe('cancelar_cita');
    expect(turn.context.routedIntent).toEqual({ name: 'store_hours_location', label: 'agendar_cita' });
    // A bare date, read as nothing, is the booking's next answer.
    turn = await c.say('mañana');
    expect(turn.context.understanding?.nlu.intent.name).toBe('out_of_scope');
    expect(turn.context.routedIntent).toEqual({ name: 'store_hours_location', label: 'agendar_cita' });
    turn = await c.say('mejor cancela la cita que ya tengo');
    expect(turn.context.routedIntent).toEqual({ name: 'store_hours_location', label: 'cancelar_cita' });
  });

  it("should check a slot's value with the backend and ask again when it refuses it", async () => {
    const backend = studio();
    const c = conversation({ 'cambiar mi correo': reading('actualizar_perfil') }, backend);
    // The contact's phone is prefilled and checked at once: it has a profile.
    let turn = await c.say('cambiar mi correo');
    expect(turn.said).toEqual(['¿Cuál es tu nuevo correo electrónico?']);
    expect(backend.calls.map((call) => `${call.purpose} ${call.request.method} ${call.request.path}`)).toEqual(['check GET /customers/%2B18095550101']);
    // "el teléfono es otro": the profile's phone is only the one the contact is known by (`known`:
    // docs/workflows-trust.md), so a typed one is not taken and the question stands.
    turn = await c.say('el teléfono es 809-555-0999');
    expect(turn.said).toEqual(['Perdona, no lo entendí.', '¿Cuál es tu nuevo correo electrónico?']);
    expect(backend.calls.filter((call) => call.request.path.includes('0999'))).toEqual([]);
    turn = await c.say('maria.nueva@example.com');
    expect(turn.said).toEqual(['Actualizo el correo del perfil +18095550101 a maria.nueva@example.com. ¿Confirmo?']);
    turn = await c.say('sí');
    expect(turn.said).toEqual(['Listo, María Rosario: tu correo ahora es maria.nueva@example.com.']);
  });

  it('should run the same workflow in English', async () => {
    const backend = studio();
    const en = (label: string | null) => reading(label, { lang: 'en' });
    const script = { "I'd like a haircut tomorrow at 3pm": en('agendar_cita'), 'John Smith': en(null), 'actually make it 4pm': en(null), 'yes': en(null) };
    const c = conversation(script, backend);
    let turn = await c.say("I'd like a haircut tomorrow at 3pm");
    expect(turn.said).toEqual(['3:00 PM on Friday, December 4 is free 👍', 'Whose name should the booking be under?']);
    turn = await c.say('John Smith');
    expect(turn.said).toEqual(["I'll book Haircut on Friday, December 4 at 3:00 PM for John Smith (phone +18095550101). Shall I confirm?"]);
    turn = await c.say('actually make it 4pm');
    expect(turn.said).toEqual(["I'll book Haircut on Friday, December 4 at 4:00 PM for John Smith (phone +18095550101). Shall I confirm?"]);
    turn = await c.say('yes');
    expect(turn.said).toEqual(['Done! Your booking BV-1001 is on Friday, December 4 at 4:00 PM. Total: RD$1,500.00.']);
  });

  it('should cancel a booking after a yes, and drop the form on "olvídalo"', async () => {
    const backend = studio();
    backend.bookings.push({ id: 'BV-0999', serviceId: 'corte-secado', date: '2026-12-05', time: '10:00', status: 'confirmed' });
    const c = conversation({ 'cancela mi cita': reading('cancelar_cita'), 'quiero agendar': reading('agendar_cita') }, backend);
    let turn = await c.say('cancela mi cita');
    expect(turn.said).toEqual(['¿Confirmas que cancelo la cita BV-0999 del sábado 5 de diciembre a las 10:00 a. m.?']);
    turn = await c.say('sí');
    expect(turn.said).toEqual(['Tu cita BV-0999 quedó cancelada.']);
    expect(backend.bookings[0]!.status).toBe('cancelled');

    turn = await c.say('quiero agendar');
    expect(turn.said).toEqual(['¿Qué servicio te gustaría reservar?']);
    turn = await c.say('olvídalo');
    expect(turn.said).toEqual(['Listo, lo dejamos ahí. ¿En qué más te puedo ayudar?']);
    expect(turn.state).toBe('triage.idle');
  });

  it('should hand off when the customer asks for a person mid-form, and say so when the backend is down', async () => {
    const backend = studio();
    const c = conversation({ 'quiero agendar': reading('agendar_cita') }, backend);
    await c.say('quiero agendar');
    let turn = await c.say('quiero hablar con una persona');
    expect(turn.state).toBe('handoff.withHuman');
    expect(turn.context.workflow).toBeNull();
    expect(turn.context.handoffReason).toBe('customer_request');

    const broken = studio();
    broken.setDown(true);
    const down = conversation({ 'quiero agendar': reading('agendar_cita') }, broken);
    turn = await down.say('quiero agendar');
    expect(turn.said).toEqual(['Ahora mismo no puedo consultar nuestro sistema. Intenta de nuevo en unos minutos o escribe "hablar con una persona".']);
    expect(turn.state).toBe('triage.idle');
  });

  it('should say the tenant\'s own texts for not understood, dropped and backend down, in Spanish and English', async () => {
    const own: WorkflowSet = {
      ...set,
      texts: {
        retry: { es: 'Uy, eso no lo capté. ¿Me lo dices de otra forma?', en: "Oops, I didn't catch that. Could you say it another way?" },
        cancelled: { es: 'Perfecto, no reservo nada. Aquí estoy si me necesitas.', en: "Alright, nothing booked. I'm here if you need me." },
        backendDown: { es: 'Nuestra agenda no responde ahora; escríbenos en un rato.', en: "Our calendar isn't answering; please write again shortly." },
      },
    };
    const script = { 'quiero agendar un corte': reading('agendar_cita'), 'book a haircut': reading('agendar_cita', { lang: 'en' }) };
    const c = conversation(script, studio(), own);
    expect((await c.say('quiero agendar un corte')).said).toEqual(['¿Para qué día? (por ejemplo: mañana, el viernes, 12 de diciembre)']);
    const ASK_DAY = '¿Para qué día? (por ejemplo: mañana, el viernes, 12 de diciembre)';
    expect((await c.say('mmm no sé qué poner')).said).toEqual(['Uy, eso no lo capté. ¿Me lo dices de otra forma?', ASK_DAY]);
    expect((await c.say('olvídalo')).said).toEqual(['Perfecto, no reservo nada. Aquí estoy si me necesitas.']);

    const broken = studio();
    broken.setDown(true);
    const down = conversation(script, broken, own);
    expect((await down.say('book a haircut')).said).toEqual(["Our calendar isn't answering; please write again shortly."]);
    // A workflow's own texts win over the set's; what neither gives stays built in.
    const mixed: WorkflowSet = { ...own, workflows: own.workflows.map((w) => (w.id === 'agendar_cita' ? { ...w, texts: { cancelled: { es: 'Sin reserva, ¡hasta pronto!', en: 'No booking, see you!' } } } : w)) };
    const m = conversation(script, studio(), { ...mixed, texts: { backendDown: own.texts!.backendDown! } });
    await m.say('quiero agendar un corte');
    expect((await m.say('mmm no sé qué poner')).said).toEqual(['Perdona, no lo entendí.', ASK_DAY]);
    expect((await m.say('olvídalo')).said).toEqual(['Sin reserva, ¡hasta pronto!']);
  });

  it('should leave a tenant without workflows exactly as it was', async () => {
    const backend = studio();
    const c = conversation({ 'quiero agendar': reading('agendar_cita') }, backend, null);
    const turn = await c.say('quiero agendar');
    expect(turn.state).not.toContain('workflow');
    expect(backend.calls).toEqual([]);
    expect('workflow' in turn.context).toBe(false);
  });

  it('should resume a form half filled from its persisted snapshot in a new actor', async () => {
    const backend = studio();
    const c = conversation({ 'quiero un corte mañana': reading('agendar_cita') }, backend);
    await c.say('quiero un corte mañana');
    const persisted = JSON.parse(JSON.stringify(c.actor.getPersistedSnapshot())) as { context: { workflow: { values: object } } };
    expect(persisted.context.workflow.values).toEqual({ 'contact.phone': '+18095550101', phone: '+18095550101', service: 'corte-secado', date: '2026-12-04' });
    c.actor.stop();
    const resumed = conversation({}, backend, set, persisted);
    const calls = backend.calls.length;
    let turn = await resumed.say('a las 4');
    expect(turn.said).toEqual(['¿A nombre de quién hago la reserva?']);
    turn = await resumed.say('Ana Pérez');
    turn = await resumed.say('sí');
    expect(turn.said).toEqual(['¡Listo! Tu cita BV-1001 quedó el viernes 4 de diciembre a las 4:00 p. m. Total: RD$1,500.00.']);
    // The options loaded before the restore were kept in the snapshot: only the action was called.
    expect(backend.calls.slice(calls).map((call) => call.purpose)).toEqual(['action']);
  });
});
