import { describe, expect, it } from 'vitest';
import { estudioWorkflows, NOW, TZ } from '../workflow/studio-harness.js';
import { ruleAskedOf, workflowForIntent } from '../../../src/domain/workflow-spec.js';
import { answer, applyOptions, askSlot, nextStep, startRun, type WorkflowRun } from '../../../src/machines/workflow/index.js';
import { closedOn, nearestOpenDays, weekHoursLine } from '../../../src/machines/workflow/closed-days.js';
import { slotStep } from '../../../src/machines/workflow/off-grid.js';

/**
 * estudio15: a closed day asked, a time between slot starts, a day named that has no booking, the
 * no-show policy asked in other words, and the `known` phone (docs/workflows-trust.md). The clock is
 * the harness's: Thursday 3 December 2026, 11:00 in Santo Domingo.
 */
const set = estudioWorkflows();
/** The workflow as a run carries it (the set's texts and opening hours with it). */
const spec = (id: string) => workflowForIntent(set, set.workflows.find((w) => w.id === id)!.triggers[0]!, (set.workflows.find((w) => w.id === id)!.when ?? [''])[0]!)!;
const ctx = (text: string, lang: 'es' | 'en' = 'es') => ({ text, nowMs: NOW, timeZone: TZ, lang, contact: null });
const halfHours = (from: number, to: number) => Array.from({ length: (to - from) * 2 }, (_, i) => `${String(from + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

/** Loads every option list the run asks for from a tiny studio: one service, free half hours 9–19, the bookings given. */
function settle(run: WorkflowRun, bookings: unknown[] = [], lang: 'es' | 'en' = 'es'): { run: WorkflowRun; said: string[] } {
  const said: string[] = [];
  for (let step = nextStep(run); step.kind === 'load'; step = nextStep(run)) {
    const path = step.request.path;
    const body = path === '/services' ? { items: [{ id: 'manicure-clasico', name: { es: 'Manicure clásico', en: 'Classic manicure' }, aliases: ['manicure'], category: 'unas' }] } : path === '/slots' ? { items: halfHours(9, 19).map((time) => ({ time, slotId: `yahaira.${step.request.query?.date}.${time}` })) } : { items: bookings };
    const out = applyOptions(run, step.slot, step.request, body, lang);
    run = out.run;
    said.push(...out.replies.map((r) => r.text));
  }
  return { run, said };
}

describe('estudio15: closed days', () => {
  const hours = set.openingHours!;

  it('should know the studio is closed on Sundays and open on Saturdays', () => {
    expect(closedOn(hours, '2026-12-06')).toBe(true);
    expect(closedOn(hours, '2026-12-05')).toBe(false);
    expect(closedOn(undefined, '2026-12-06')).toBe(false);
  });

  it('should offer the open day before (not in the past) and after a closed one', () => {
    expect(nearestOpenDays(hours, '2026-12-06', '2026-12-03')).toEqual(['2026-12-05', '2026-12-07']);
    expect(nearestOpenDays(hours, '2026-12-06', '2026-12-06')).toEqual(['2026-12-07']);
  });

  it('should say the week with days of the same hours together, in es and en', () => {
    expect(weekHoursLine(hours, 'es')).toBe('lunes a miércoles de 9:00 a. m. a 7:00 p. m.; jueves y viernes de 9:00 a. m. a 8:00 p. m.; sábado de 8:00 a. m. a 6:00 p. m.');
    expect(weekHoursLine(hours, 'en')).toBe('Monday to Wednesday 9:00 AM–7:00 PM; Thursday and Friday 9:00 AM–8:00 PM; Saturday 8:00 AM–6:00 PM');
  });

  it('should not take a Sunday as the day: the date question says closed, with the Saturday and Monday as buttons', () => {
    let { run } = settle(startRun(spec('agendar_cita'), ctx('quiero cita de manicure el viernes')));
    expect(run.values.date).toBe('2026-12-04');
    run = answer(run, ctx('actually make it sunday', 'en'), null).run;
    expect(run.values.date).toBeUndefined();
    const step = nextStep(run);
    expect(step).toEqual({ kind: 'ask', slot: 'date' });
    const asked = askSlot(run, 'date', 'en');
    expect(asked.reply.text).toContain("We're closed on Sunday, December 6");
    expect(asked.reply.options?.map((o) => o.label)).toEqual(['Saturday, December 5', 'Monday, December 7']);
    expect(asked.run.closed?.date).toBeUndefined();
  });
});

describe('estudio15: a time between slot starts', () => {
  it('should read the grid from the free times', () => {
    expect(slotStep(['09:00', '09:30', '10:00'])).toBe(30);
    expect(slotStep(['09:00', '10:00'])).toBe(60);
    expect(slotStep(['09:15', '09:30'])).toBe(15);
  });

  it('should say bookings start on the half hour and propose the starts around 10:45, a yes taking the later', () => {
    let { run } = settle(startRun(spec('agendar_cita'), ctx('quiero cita de manicure el viernes')));
    run = answer(run, ctx('Justo después (10:45)'), null).run;
    ({ run } = settle(run));
    const asked = askSlot(run, 'time', 'es');
    expect(asked.reply.text).toContain('en punto o a la media hora');
    expect(asked.reply.text).toContain('10:30 a. m. o 11:00 a. m.');
    expect(asked.reply.text).not.toContain('ya no hay libre');
    expect(answer(asked.run, ctx('sí'), 'yes').run.values.time).toBe('11:00');
  });

  it('should still say a time on the grid that is taken is taken', () => {
    let { run } = settle(startRun(spec('agendar_cita'), ctx('quiero cita de manicure el viernes')));
    run = answer(run, ctx('a las 8:30'), null).run;
    ({ run } = settle(run));
    expect(askSlot(run, 'time', 'es').reply.text).not.toContain('en punto o a la media hora');
  });
});

describe('estudio15: "mi cita de mañana" when the booking is another day', () => {
  const saturday = { id: 'BV-1001', status: 'confirmed', serviceId: 'manicure-clasico', date: '2026-12-05', time: '10:00' };
  const known = { text: '', nowMs: NOW, timeZone: TZ, lang: 'es' as const, contact: { phone: '+18095557788' } };

  it('should say there is none tomorrow and name the Saturday one, without picking it', () => {
    const { run, said } = settle(startRun(spec('cancelar_cita'), { ...known, text: 'no voy a poder ir a mi cita de mañana' }), [saturday]);
    expect(said.join(' ')).toContain('No veo ninguna cita tuya para el viernes 4 de diciembre');
    expect(said.join(' ')).toContain('BV-1001 del sábado 5 de diciembre');
    expect(run.values.booking).toBeUndefined();
    const asked = askSlot(run, 'booking', 'es');
    expect(asked.reply.options?.map((o) => o.label)).toEqual(['BV-1001 del sábado 5 de diciembre a las 10:00 a. m.']);
    expect(answer(asked.run, { ...known, text: 'sí, esa' }, 'yes').run.values.booking).toBe('BV-1001');
  });

  it('should pick the booking that is on the day named', () => {
    const { run, said } = settle(startRun(spec('cancelar_cita'), { ...known, text: 'no voy a poder ir a mi cita del sábado' }), [saturday]);
    expect(said).toEqual([]);
    expect(run.values.booking).toBe('BV-1001');
  });
});

describe('estudio15: the no-show policy asked in other words', () => {
  it.each(['cuánto me cobran si no voy?', 'y si falto a la cita me cobran algo?', "what do you charge if I don't show up?", 'is there a fee if I miss my appointment?'])('should read "%s" as the cancellation rule', (text) => {
    expect(ruleAskedOf(set, text)).toBe('cancelar_cita');
  });

  it.each(['cuánto me cobran por un corte?', 'quiero cancelar mi cita', 'how much do you charge for a facial?'])('should leave "%s" to its reading', (text) => {
    expect(ruleAskedOf(set, text)).toBeNull();
  });
});

describe('estudio15: a known phone (docs/workflows-trust.md)', () => {
  it.each(['cancelar_cita', 'reprogramar', 'pagar_servicio', 'actualizar_perfil'])('should never take a typed phone in %s, and end the form when none is known', (id) => {
    const run = startRun(spec(id), ctx('quiero hacerlo, mi teléfono es 809 555 0101'));
    expect(run.values.phone).toBeUndefined();
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'phone' });
    const asked = askSlot(run, 'phone', 'es');
    expect(asked.run.outcome).toBe('ended');
    expect(asked.reply.text).toContain('Para proteger tus citas');
    expect(askSlot(run, 'phone', 'en').reply.text).toContain('To protect your bookings');
  });

  it('should take the phone the contact is known by', () => {
    const run = startRun(spec('cancelar_cita'), { ...ctx('quiero cancelar mi cita'), contact: { phone: '+18095557788' } });
    expect(run.values.phone).toBe('+18095557788');
    expect(nextStep(run).kind).toBe('load');
  });

  it('should still take a typed phone for a booking (booking for someone else creates, it reveals nothing)', () => {
    const run = startRun(spec('agendar_cita'), ctx('quiero un manicure, mi teléfono es 809 555 0101'));
    expect(run.values.phone).toBe('+18095550101');
  });
});
