import { describe, expect, it } from 'vitest';
import { NOW, TZ, estudioWorkflows, settleRun } from './studio-harness.js';
import { answer, applyOptions, askConfirmation, askSlot, builtInText, nextStep, startRun, type RunContext, type WorkflowRun } from '../../../src/machines/workflow/index.js';
import { confirmAnswer } from '../../../src/machines/workflow/confirm-answers.js';

/**
 * The studio's receptionist cancelling and moving bookings, and speaking the customer's language:
 * the cancel summary's buttons say what they do ("Sí, cancélala / No, la mantengo") and a no keeps
 * the booking; a move keeps the day when only a time is said and the time when only a day is; a
 * customer who switches to English sees English labels.
 */

const spec = (id: string) => estudioWorkflows().workflows.find((w) => w.id === id)!;
const ctx = (text: string, extra: Partial<RunContext> = {}): RunContext => ({ text, nowMs: NOW, timeZone: TZ, lang: 'es', contact: { phone: '+18095551234' }, ...extra });

const SERVICES = { items: [{ id: 'corte-secado', name: { es: 'Corte y secado', en: 'Haircut and blow-dry' }, aliases: ['corte', 'haircut'] }] };
/** One upcoming booking: Tuesday 8 December at 10:00. */
const BOOKINGS = { items: [{ id: 'BV-1001', status: 'confirmed', serviceId: 'corte-secado', date: '2026-12-08', time: '10:00' }] };
const TIMES = ['09:00', '10:00', '15:00', '17:00'];
/** Friday 4 December has no 10:00 free. */
const slots = (date: string) => ({ items: TIMES.filter((t) => !(date === '2026-12-04' && t === '10:00')).map((time) => ({ slotId: `ana.${date}.${time}`, date, time })) });
const backend = (path: string, query: Record<string, string> | undefined) => (path === '/services' ? SERVICES : path === '/bookings' ? BOOKINGS : slots(query?.date ?? ''));

const settle = (run: WorkflowRun, lang: 'es' | 'en' = 'es') => settleRun(run, backend, lang);

describe('cancelling: the summary\'s buttons say what they do', () => {
  const atSummary = (lang: 'es' | 'en' = 'es') => {
    const { run } = settle(startRun(spec('cancelar_cita'), ctx(lang === 'es' ? 'quiero cancelar mi cita' : 'I need to cancel my appointment', { lang })), lang);
    expect(nextStep(run)).toEqual({ kind: 'confirm' });
    return askConfirmation(run, lang);
  };

  it('should offer "Sí, cancélala / No, la mantengo" and "Yes, cancel it / No, keep it"', () => {
    expect(atSummary('es').reply.options?.map((o) => o.label)).toEqual(['Sí, cancélala', 'No, la mantengo']);
    expect(atSummary('en').reply.options?.map((o) => o.label)).toEqual(['Yes, cancel it', 'No, keep it']);
  });

  it.each(['Sí, cancélala', 'sí', 'si, cancelala por favor', 'cancélala', 'Cancelar', 'dale', 'Yes, cancel it', 'yes'])('should cancel on "%s"', (said) => {
    const { run } = atSummary();
    expect(answer(run, ctx(said)).run.outcome).toBe('confirmed');
  });

  it.each(['No, la mantengo', 'no', 'mejor no', 'déjala', 'no la canceles', 'olvídalo', 'No, keep it', 'no thanks'])('should keep the booking on "%s" and say so', (said) => {
    const { run } = atSummary();
    const out = answer(run, ctx(said));
    expect(out.run.outcome).toBe('cancelled');
    expect(out.replies).toEqual([]);
    expect(builtInText('cancelled', 'es', out.run)).toBe('Perfecto, no la cancelo: tu cita BV-1001 del martes 8 de diciembre a las 10:00 a. m. sigue en pie. ¿En qué más te ayudo?');
    expect(builtInText('cancelled', 'en', out.run)).toBe("Alright, I won't cancel it: your booking BV-1001 on Tuesday, December 8 at 10:00 AM stays as it is. Anything else I can help with?");
  });

  it('should leave a booking\'s own summary as it was: [Sí, confirmo / Cancelar], "Cancelar" drops it, "no" asks what to change', () => {
    const { run } = settle(startRun(spec('agendar_cita'), ctx('quiero un corte el martes a las 3', { contact: { phone: '+18095551234', name: 'Ana Díaz' } })));
    const asked = askConfirmation(run, 'es');
    expect(asked.reply.options?.map((o) => o.label)).toEqual(['Sí, confirmo', 'Cancelar']);
    expect(answer(asked.run, ctx('Cancelar')).run.outcome).toBe('cancelled');
    expect(builtInText('cancelled', 'es', answer(asked.run, ctx('Cancelar')).run)).toBe('Listo, lo dejamos ahí. ¿En qué más te puedo ayudar?');
    expect(answer(asked.run, ctx('no')).replies.map((r) => r.text)).toEqual(['¿Qué dato quieres cambiar?']);
    expect(confirmAnswer(spec('agendar_cita'), 'no', 'no')).toBeNull();
  });
});

describe('moving: only what the customer changes changes', () => {
  it('should keep the day for "quiero cambiar mi cita para las 5" and go to the summary', () => {
    const { run } = settle(startRun(spec('reprogramar'), ctx('quiero cambiar mi cita para las 5')));
    expect(run.values).toMatchObject({ booking: 'BV-1001', date: '2026-12-08', time: '17:00' });
    expect(nextStep(run)).toEqual({ kind: 'confirm' });
    expect(askConfirmation(run, 'es').reply.text).toBe('Muevo la cita BV-1001 del martes 8 de diciembre a las 10:00 a. m. para el martes 8 de diciembre a las 5:00 p. m. ¿Confirmo?');
  });

  it('should keep the time for "muévela al jueves" when it is free that day', () => {
    const { run } = settle(startRun(spec('reprogramar'), ctx('muévela al jueves')));
    expect(run.values).toMatchObject({ date: '2026-12-10', time: '10:00' });
    expect(nextStep(run)).toEqual({ kind: 'confirm' });
  });

  it('should say the time is not free on the new day and show the free ones', () => {
    const { run, said } = settle(startRun(spec('reprogramar'), ctx('muévela al viernes')));
    expect(run.values.date).toBe('2026-12-04');
    expect(run.values.time).toBeUndefined();
    expect(said).toEqual([]);
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'time' });
    const asked = askSlot(run, 'time', 'es');
    expect(asked.reply.text).toMatch(/^Ese día ya no hay libre a las .+\. Lo más cerca que tengo es \*.+\*; ¿te sirve\?/);
    expect(asked.reply.options?.map((o) => o.label)).toEqual(['9:00 a. m.', '3:00 p. m.', '5:00 p. m.']);
  });

  it('should ask the day when neither is said, then keep the time for a bare day', () => {
    let { run } = settle(startRun(spec('reprogramar'), ctx('quiero mover mi cita')));
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'date' });
    ({ run } = answer(askSlot(run, 'date', 'es').run, ctx('el jueves')));
    ({ run } = settle(run));
    expect(run.values).toMatchObject({ date: '2026-12-10', time: '10:00' });
  });
});

describe('a customer who switches to English sees English labels', () => {
  it('should show the times and the summary in English after a Spanish start', () => {
    let { run } = settle(startRun(spec('agendar_cita'), ctx('quiero un corte el martes', { contact: { phone: '+18095551234', name: 'Mary Smith' } })));
    expect(askSlot(run, 'time', 'es').reply.options?.map((o) => o.label)).toEqual(['9:00 a. m.', '10:00 a. m.', '3:00 p. m.', '5:00 p. m.']);
    const asked = askSlot(run, 'time', 'en');
    expect(asked.reply.options?.map((o) => o.label)).toEqual(['9:00 AM', '10:00 AM', '3:00 PM', '5:00 PM']);
    ({ run } = answer(asked.run, ctx('3 pm please', { lang: 'en' })));
    ({ run } = settle(run, 'en'));
    expect(askConfirmation(run, 'en').reply.text).toBe("I'll book Haircut and blow-dry on Tuesday, December 8 at 3:00 PM for Mary Smith (phone +18095551234). Shall I confirm?");
    expect(askConfirmation(run, 'es').reply.text).toMatch(/^Reservo Corte y secado el martes 8 de diciembre a las 3:00 p\. m\./);
  });

  it('should ask the times again, not say "that time isn\'t free", when no time is said ("ok", "what times are free?")', () => {
    const { run } = settle(startRun(spec('agendar_cita'), ctx('quiero un corte el martes')));
    const asked = askSlot(run, 'time', 'es').run;
    for (const said of ['ok', 'what times are free?', '¿qué horas tienen?']) {
      const out = answer(asked, ctx(said, { lang: said.startsWith('w') ? 'en' : 'es' }));
      expect(out.replies).toEqual([]);
      expect(out.run.values.time).toBeUndefined();
    }
  });
});

describe('a customer with two bookings names the one they mean by its day', () => {
  const TWO = { items: [...BOOKINGS.items, { id: 'BV-1002', status: 'confirmed', serviceId: 'corte-secado', date: '2026-12-09', time: '16:00' }] };
  const two = (path: string, query: Record<string, string> | undefined) => (path === '/bookings' ? TWO : backend(path, query));
  function settleTwo(run: WorkflowRun): WorkflowRun {
    for (let step = nextStep(run); step.kind === 'load'; step = nextStep(run)) run = applyOptions(run, step.slot, step.request, two(step.request.path, step.request.query), 'es').run;
    return run;
  }

  it('should cancel "la del miércoles" without asking which', () => {
    const run = settleTwo(startRun(spec('cancelar_cita'), ctx('quiero cancelar la del miércoles')));
    expect(run.values.booking).toBe('BV-1002');
    expect(nextStep(run)).toEqual({ kind: 'confirm' });
  });

  it('should ask which for a move to a day ("muévela al miércoles" is the new day, not the booking)', () => {
    const run = settleTwo(startRun(spec('reprogramar'), ctx('muévela al miércoles')));
    expect(run.values.booking).toBeUndefined();
    expect(run.values.date).toBe('2026-12-09');
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'booking' });
  });

  it('should take "la del martes" answering which booking as the booking, not as the new day', () => {
    let run = settleTwo(startRun(spec('reprogramar'), ctx('quiero cambiar mi cita')));
    const out = answer(askSlot(run, 'booking', 'es').run, ctx('la del martes'));
    expect(out.replies).toEqual([]);
    run = settleTwo(out.run);
    expect(run.values.booking).toBe('BV-1001');
    expect(run.values.date).toBeUndefined();
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'date' });
  });
});

