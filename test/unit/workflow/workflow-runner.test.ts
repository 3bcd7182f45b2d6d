import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOW, TZ, estudioWorkflows } from './studio-harness.js';
import { answer, applyOptions, askConfirmation, askSlot, checkWorkflowSet, nextStep, resultText, startRun, workflowForIntent, type RunContext, type WorkflowRun } from '../../../src/machines/workflow/index.js';

const estudio = estudioWorkflows;
const spec = (id: string) => estudio().workflows.find((w) => w.id === id)!;
const ctx = (text: string, extra: Partial<RunContext> = {}): RunContext => ({ text, nowMs: NOW, timeZone: TZ, lang: 'es', ...extra });

const SERVICES = { items: [
  { id: 'corte-secado', name: { es: 'Corte y secado', en: 'Haircut and blow-dry' }, aliases: ['corte', 'haircut'] },
  { id: 'manicure', name: { es: 'Manicure clásico', en: 'Classic manicure' }, aliases: ['manicure', 'uñas'] },
] };
const slots = (date: string, times: string[]) => ({ items: times.map((time) => ({ slotId: `ana.${date}.${time}`, staffId: 'ana', date, time })) });

/** Runs the loads the run asks for against canned backend answers; returns the replies said on the way. */
function settle(run: WorkflowRun, answers: (path: string, query: Record<string, string> | undefined) => unknown): { run: WorkflowRun; said: string[] } {
  const said: string[] = [];
  for (let step = nextStep(run); step.kind === 'load'; step = nextStep(run)) {
    const out = applyOptions(run, step.slot, step.request, answers(step.request.path, step.request.query), 'es');
    run = out.run;
    said.push(...out.replies.map((r) => r.text));
  }
  return { run, said };
}

describe('checkWorkflowSet', () => {
  it('should accept the estudio workflows', () => {
    expect(estudio().workflows.map((w) => w.id)).toEqual(['agendar_cita', 'reprogramar', 'cancelar_cita', 'pagar_servicio', 'actualizar_perfil']);
  });

  it('should refuse unknown placeholders, shared triggers and unknown time zones with paths', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../tenants/estudio/workflows.json', import.meta.url), 'utf8'));
    raw.timeZone = 'Mars/Olympus';
    raw.workflows[4].triggers.push('agendar_cita');
    raw.workflows[2].confirm.es = 'Cancelo {reserva}?';
    const checked = checkWorkflowSet(raw);
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? [] : checked.problems;
    expect(problems).toContainEqual({ path: '$.timeZone', problem: 'unknown time zone "Mars/Olympus"' });
    expect(problems).toContainEqual({ path: '$.workflows[4].triggers', problem: '"agendar_cita" already starts workflow "agendar_cita"' });
    expect(problems).toContainEqual({ path: '$.workflows[2].confirm.es', problem: 'placeholder {reserva} names no earlier slot or kept value' });
  });

  it('should let a value an earlier slot keeps fill a later slot of its name (the move\'s stylist), and refuse two slots of one name', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../tenants/estudio/workflows.json', import.meta.url), 'utf8'));
    expect(raw.workflows[1].slots[1].options.keep.staff).toBe('chosenStaffId');
    expect(raw.workflows[1].slots[2].name).toBe('staff');
    raw.workflows[1].slots.push({ ...raw.workflows[1].slots[2] });
    const checked = checkWorkflowSet(raw);
    const problems = checked.ok ? [] : checked.problems;
    expect(problems).toEqual([{ path: '$.workflows[1].slots[5].name', problem: 'duplicate slot "staff"' }]);
  });
});

describe('resultText', () => {
  it('should speak the booked day and time, with one o\'clock singular in Spanish', () => {
    const run = startRun(spec('agendar_cita'), { ...ctx('quiero un corte'), timeZone: TZ });
    const body = { id: 'BV-1007', date: '2026-12-04', time: '13:30', price: 1500, currency: 'DOP' };
    expect(resultText(run, 'es', { ok: true, body })).toBe('¡Listo! Tu cita BV-1007 quedó el viernes 4 de diciembre a la 1:30 p. m. Total: RD$1,500.00.');
    expect(resultText(run, 'en', { ok: true, body })).toBe('Done! Your booking BV-1007 is on Friday, December 4 at 1:30 PM. Total: RD$1,500.00.');
  });
});

describe('money in workflow texts ({x|money})', () => {
  it('should write an amount as the store does, with the currency beside it, and leave a non-number as it is', () => {
    const run = startRun(spec('agendar_cita'), { ...ctx('quiero un corte'), timeZone: TZ });
    const said = (body: object) => resultText(run, 'es', { ok: true, body: { id: 'BV-1', date: '2026-12-04', time: '10:00', ...body } });
    expect(said({ price: 12500.5, currency: 'DOP' })).toMatch(/Total: RD\$12,500\.50\.$/);
    expect(said({ price: '40', currency: 'usd' })).toMatch(/Total: US\$40\.00\.$/);
    expect(said({ price: 1500 })).toMatch(/Total: RD\$1,500\.00\.$/);
    expect(said({ price: 'a consultar', currency: 'DOP' })).toMatch(/Total: a consultar\.$/);
  });

  it('should refuse an unknown filter in a text and any filter in a connector call, with paths', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../tenants/estudio/workflows.json', import.meta.url), 'utf8'));
    raw.workflows[0].success.en = 'Total {result.price|upper}.';
    raw.workflows[0].action.path = '/bookings?x={service|money}';
    const checked = checkWorkflowSet(raw);
    const problems = checked.ok ? [] : checked.problems;
    expect(problems).toContainEqual({ path: '$.workflows[0].success.en', problem: 'placeholder {result.price|upper}: the filters are "|money" and "|with"' });
    expect(problems).toContainEqual({ path: '$.workflows[0].action.path', problem: 'placeholder {service|money}: a connector call takes raw values, no filter' });
  });
});

describe('checkWorkflowSet: the runner\'s own texts', () => {
  it('should accept texts per set and per workflow, and refuse a placeholder a text cannot fill', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../tenants/estudio/workflows.json', import.meta.url), 'utf8'));
    raw.texts = { retry: { es: 'No te entendí.', en: "I didn't get you." }, unavailable: { es: 'No está. Hay: {options}', en: 'Not there. There is: {options}' } };
    raw.workflows[0].texts = { cancelled: { es: 'Sin reserva.', en: 'No booking.' } };
    expect(checkWorkflowSet(raw).ok).toBe(true);
    raw.texts.backendDown = { es: 'Caído {service}', en: 'Down' };
    raw.workflows[0].texts.retry = { es: 'Otra vez', en: 'Again {options}' };
    raw.texts.wrong = { es: 'x', en: 'x' };
    const checked = checkWorkflowSet(raw);
    const problems = checked.ok ? [] : checked.problems;
    expect(problems.map((p) => p.path)).toContain('$.texts.wrong');
    delete raw.texts.wrong;
    const again = checkWorkflowSet(raw);
    expect(again.ok ? [] : again.problems).toEqual([
      { path: '$.texts.backendDown.es', problem: 'placeholder {service} is not known in this text' },
      { path: '$.workflows[0].texts.retry.en', problem: 'placeholder {options} is not known in this text' },
    ]);
  });
});

describe('workflowForIntent', () => {
  it('should start the rescheduling when a booking label comes with words of moving it', () => {
    const set = estudio();
    expect(workflowForIntent(set, 'agendar_cita', 'quiero una cita mañana')?.id).toBe('agendar_cita');
    expect(workflowForIntent(set, 'agendar_cita', 'necesito mover mi cita')?.id).toBe('reprogramar');
    expect(workflowForIntent(set, 'cancelar_cita', 'quiero cambiar mi cita para otro día')?.id).toBe('reprogramar');
    expect(workflowForIntent(set, 'cancelar_cita', 'cancela mi cita')?.id).toBe('cancelar_cita');
    expect(workflowForIntent(set, 'saludo', 'hola')).toBeNull();
  });
});

describe('workflow runner: agendar_cita', () => {
  const backend = (path: string, query: Record<string, string> | undefined) => {
    if (path === '/services') return SERVICES;
    if (path === '/slots' && query?.date === '2026-12-04') return slots('2026-12-04', ['15:00', '16:00']);
    if (path === '/slots' && query?.date === '2026-12-05') return slots('2026-12-05', ['10:00', '11:30']);
    throw new Error(`unexpected ${path}`);
  };

  it('should fill what the first message says, ask the rest, take a correction and confirm', () => {
    let run = startRun(spec('agendar_cita'), ctx('quiero un corte mañana a las 3'));
    ({ run } = settle(run, backend));
    expect(run.values).toMatchObject({ service: 'corte-secado', date: '2026-12-04', time: '15:00', slot_id: 'ana.2026-12-04.15:00' });
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'name' });
    const asked = askSlot(run, 'name', 'es');
    expect(asked.reply.text).toBe('¿A nombre de quién hago la reserva?');
    ({ run } = answer(asked.run, ctx('Ana Pérez')));
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'phone' });
    ({ run } = answer(askSlot(run, 'phone', 'es').run, ctx('809 555 0199')));
    expect(nextStep(run)).toEqual({ kind: 'confirm' });
    const confirm = askConfirmation(run, 'es');
    expect(confirm.reply.text).toBe('Reservo Corte y secado el viernes 4 de diciembre a las 3:00 p. m. a nombre de Ana Pérez (tel. +18095550199). ¿Confirmo?');

    // "no, mejor el sábado": the date changes, the 15:00 it had is not free that day.
    ({ run } = answer(confirm.run, ctx('no, mejor el sábado')));
    expect(run.stage).toBe('collecting');
    const reloaded = settle(run, backend);
    run = reloaded.run;
    // Said once, by the time question: the taken time, the nearest free one proposed, the others as buttons.
    expect(reloaded.said).toEqual([]);
    expect(run.values.time).toBeUndefined();
    expect(run.values.slot_id).toBeUndefined();
    const askTime = askSlot(run, 'time', 'es');
    expect(askTime.reply.text).toBe('Ese día ya no hay libre a las 3:00 p. m. Lo más cerca que tengo es *11:30 a. m.*; ¿te sirve? Si no, elige otra hora:');
    expect(askTime.reply.options?.map((o) => o.label)).toEqual(['10:00 a. m.', '11:30 a. m.']);
    // Asked again later, it is the plain question: the taken time is said once.
    expect(askSlot(askTime.run, 'time', 'es').reply.text).toMatch(/^¿A qué hora\?/);
    // A tapped button sends its spoken label back.
    ({ run } = answer(askTime.run, ctx('11:30 a. m.')));
    expect(run.values).toMatchObject({ date: '2026-12-05', time: '11:30', slot_id: 'ana.2026-12-05.11:30' });
    ({ run } = answer(askConfirmation(run, 'es').run, ctx('sí, confirmo')));
    expect(run.outcome).toBe('confirmed');
    expect(nextStep(run)).toEqual({
      kind: 'act',
      request: { method: 'POST', path: '/bookings', body: { serviceId: 'corte-secado', slotId: 'ana.2026-12-05.11:30', staff: '', customer: { phone: '+18095550199', name: 'Ana Pérez' } } },
    });
    expect(resultText(run, 'en', { ok: true, body: { id: 'BV-1001', date: '2026-12-05', time: '11:30', price: 1500, currency: 'DOP' } })).toBe(
      'Done! Your booking BV-1001 is on Saturday, December 5 at 11:30 AM. Total: RD$1,500.00.',
    );
    expect(resultText(run, 'es', { ok: false, reason: 'slot_taken' })).toBe('No pude hacer la reserva. Intenta con otro horario o escribe "hablar con una persona".');
  });

  it('should take the name and phone the contact is known by', () => {
    const run = startRun(spec('agendar_cita'), ctx('quiero una cita', { contact: { name: 'María Rosario', phone: '+18095550101' } }));
    expect(run.values).toMatchObject({ name: 'María Rosario', phone: '+18095550101' });
    expect(nextStep(run)).toEqual({ kind: 'load', slot: 'service', request: { method: 'GET', path: '/services' } });
  });

  it('should say what it did not get, and offer the listed options for an answer that fits none', () => {
    let run = startRun(spec('agendar_cita'), ctx('quiero una cita'));
    ({ run } = settle(run, backend));
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'service' });
    const wrong = answer(askSlot(run, 'service', 'es').run, ctx('un masaje tailandés'));
    expect(wrong.replies[0]?.text).toBe('No tenemos ese servicio. Estos sí: Corte y secado, Manicure clásico');
    const picked = answer(wrong.run, ctx('el manicure'));
    expect(picked.run.values.service).toBe('manicure');
    const date = answer(askSlot(picked.run, 'date', 'es').run, ctx('cuando puedan'));
    expect(date.replies[0]?.text).toBe('Perdona, no lo entendí.');
  });

  it('should end on a cancel word or a request for a person, wherever it is', () => {
    const run = askSlot(startRun(spec('agendar_cita'), ctx('quiero una cita')), 'service', 'es').run;
    expect(answer(run, ctx('olvídalo')).run.outcome).toBe('cancelled');
    expect(answer(run, ctx('Cancela')).run.outcome).toBe('cancelled');
    expect(answer(run, ctx('never mind', { lang: 'en' })).run.outcome).toBe('cancelled');
    expect(answer(run, ctx('quiero hablar con una persona')).run.outcome).toBe('handoff');
    expect(answer(run, ctx('corte')).run.outcome).toBe('continue');
  });
});

describe('workflow runner: bookings of the customer', () => {
  const bookings = (items: object[]) => () => ({ items });

  it('should pick the only active booking by itself and cancel it after a yes', () => {
    let run = startRun(spec('cancelar_cita'), ctx('quiero cancelar mi cita', { contact: { phone: '+18095550101' } }));
    expect(nextStep(run)).toEqual({ kind: 'load', slot: 'booking', request: { method: 'GET', path: '/bookings', query: { customer: '+18095550101' } } });
    ({ run } = settle(run, bookings([{ id: 'BV-1001', date: '2026-12-04', time: '15:00', status: 'cancelled' }, { id: 'BV-1002', date: '2026-12-05', time: '10:00', status: 'confirmed' }])));
    expect(run.values.booking).toBe('BV-1002');
    const confirm = askConfirmation(run, 'es');
    expect(confirm.reply.text).toBe('¿Confirmas que cancelo la cita BV-1002 del sábado 5 de diciembre a las 10:00 a. m.?');
    expect(answer(confirm.run, ctx('no cancelar')).run.outcome).toBe('cancelled');
    ({ run } = answer(confirm.run, ctx('sí')));
    expect(nextStep(run)).toEqual({ kind: 'act', request: { method: 'POST', path: '/bookings/BV-1002/cancel' } });
  });

  it('should end when the customer has no active booking', () => {
    const run = startRun(spec('pagar_servicio'), ctx('quiero pagar', { contact: { phone: '+18095550101' } }));
    const out = settle(run, bookings([]));
    expect(out.run.outcome).toBe('ended');
    expect(out.said).toEqual(['No encontré citas pendientes de pago con ese número.']);
  });

  it('should reschedule with the booked service kept for the free times', () => {
    let run = startRun(spec('reprogramar'), ctx('quiero mover mi cita para el viernes a las 4', { contact: { phone: '+18095550101' } }));
    ({ run } = settle(run, (path, query) => (path === '/bookings' ? { items: [{ id: 'BV-1001', serviceId: 'manicure', date: '2026-12-04', time: '10:00', status: 'confirmed' }] } : query?.service === 'manicure' ? slots(query.date!, ['16:00']) : { items: [] })));
    expect(run.values).toMatchObject({ booking: 'BV-1001', service_id: 'manicure', date: '2026-12-04', time: '16:00', slot_id: 'ana.2026-12-04.16:00' });
    expect(nextStep(run)).toEqual({ kind: 'confirm' });
  });

  it('should keep the run plain JSON', () => {
    const run = startRun(spec('reprogramar'), ctx('mover cita'));
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
  });
});
