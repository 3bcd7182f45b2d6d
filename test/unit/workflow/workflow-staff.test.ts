import { describe, expect, it } from 'vitest';
import { NOW, TZ, estudioWorkflows } from './studio-harness.js';
import { answer, applyOptions, askConfirmation, askSlot, givesValue, nextStep, resultText, startRun, type RunContext, type WorkflowRun } from '../../../src/machines/workflow/index.js';

const spec = () => estudioWorkflows().workflows.find((w) => w.id === 'agendar_cita')!;
const ctx = (text: string, lang: 'es' | 'en' = 'es'): RunContext => ({ text, nowMs: NOW, timeZone: TZ, lang });

const SERVICES = { items: [{ id: 'lavado-blower', name: { es: 'Lavado y blower', en: 'Wash and blow-dry' }, aliases: ['blower'] }] };
const STAFF = { items: [{ id: 'yokasta', name: 'Yokasta Mercedes', serviceIds: ['lavado-blower'] }, { id: 'rosanna', name: 'Rosanna Almonte', serviceIds: ['lavado-blower'] }, { id: 'carlos', name: 'Carlos Rijo', serviceIds: ['masaje'] }, { id: 'leidy', name: 'Leidy Santana', serviceIds: ['lavado-blower'], days: ['wed', 'thu'] }] };

/** The backend: the staff list, and free times that depend on who was asked for (Rosanna has none on Friday). */
function backend(seen: Record<string, string | undefined>[]) {
  return (path: string, query: Record<string, string> | undefined): unknown => {
    if (path === '/services') return SERVICES;
    if (path === '/staff') return STAFF;
    if (path === '/slots') {
      seen.push({ staff: query?.staff });
      const times = ['rosanna', 'carlos', 'leidy'].includes(query?.staff ?? '') ? [] : ['10:00', '11:00'];
      return { items: times.map((time) => ({ slotId: `${query?.staff ?? 'ana'}.${query?.date}.${time}`, time })), days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] };
    }
    throw new Error(`unexpected ${path}`);
  };
}

function settle(run: WorkflowRun, answers: (path: string, query: Record<string, string> | undefined) => unknown): { run: WorkflowRun; said: string[] } {
  const said: string[] = [];
  for (let step = nextStep(run); step.kind === 'load'; step = nextStep(run)) {
    const out = applyOptions(run, step.slot, step.request, answers(step.request.path, step.request.query), 'es');
    run = out.run;
    said.push(...out.replies.map((r) => r.text));
  }
  return { run, said };
}

describe('a booking\'s staff slot', () => {
  it('should never ask for the staff member nor load the list when nobody is named, and send no staff to /slots', () => {
    const seen: Record<string, string | undefined>[] = [];
    const { run } = settle(startRun(spec(), { ...ctx('quiero un blower el viernes'), timeZone: TZ }), backend(seen));
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'time' });
    expect(run.options.staff).toBeUndefined();
    expect(seen).toEqual([{ staff: undefined }]);
  });

  it('should narrow the free times to the one named and say her at the question, the summary and the booking', () => {
    const seen: Record<string, string | undefined>[] = [];
    let { run } = settle(startRun(spec(), { ...ctx('quiero cita con yokasta para un blower el viernes'), timeZone: TZ }), backend(seen));
    expect(run.values.staff).toBe('yokasta');
    expect(seen).toEqual([{ staff: 'yokasta' }]);
    expect(askSlot(run, 'time', 'es').reply.text).toContain('libres con Yokasta Mercedes:');
    ({ run } = settle(answer(run, ctx('a las 10')).run, backend(seen)));
    run = { ...run, values: { ...run.values, name: 'Paola', phone: '+18095551234' } };
    expect(askConfirmation(run, 'es').reply.text).toMatch(/^Reservo Lavado y blower con Yokasta Mercedes el viernes/);
    expect(resultText(run, 'es', { ok: true, body: { id: 'BV-1', date: '2026-12-04', time: '10:00', price: 900 } })).toMatch(/^¡Listo! Tu cita BV-1 con Yokasta Mercedes quedó/);
  });

  it('should take the stylist named at the summary and go back to collecting', () => {
    const seen: Record<string, string | undefined>[] = [];
    let { run } = settle(startRun(spec(), { ...ctx('quiero un blower el viernes a las 10'), timeZone: TZ }), backend(seen));
    run = askConfirmation({ ...run, values: { ...run.values, name: 'Paola', phone: '+18095551234' } }, 'es').run;
    const out = answer(run, ctx('mejor con yokasta'));
    expect(out.run.stage).toBe('collecting');
    expect(out.run.outcome).toBe('continue');
    ({ run } = settle(out.run, backend(seen)));
    expect(run.values).toMatchObject({ staff: 'yokasta', time: '10:00' });
  });

  it('should let a stylist with no free time that day go, say so, and keep the time asked', () => {
    const seen: Record<string, string | undefined>[] = [];
    const { run, said } = settle(startRun(spec(), { ...ctx('quiero un blower con rosanna el viernes a las 11'), timeZone: TZ }), backend(seen));
    expect(said.join(' ')).toMatch(/^Rosanna no tiene espacio el viernes 4 de diciembre para Lavado y blower/);
    expect(run.values.staff).toBeUndefined();
    expect(run.values.time).toBe('11:00');
    expect(seen).toEqual([{ staff: 'rosanna' }, { staff: undefined }]);
  });

  it('should change nothing for "con" naming no stylist, and keep "pagar con tarjeta" a message that gives nothing', () => {
    const seen: Record<string, string | undefined>[] = [];
    const { run } = settle(startRun(spec(), { ...ctx('quiero un blower con lavado el viernes'), timeZone: TZ }), backend(seen));
    expect(run.values.staff).toBeUndefined();
    expect(run.values.service).toBe('lavado-blower');
    expect(seen).toEqual([{ staff: undefined }]);
    expect(givesValue(run, ctx('¿puedo pagar con tarjeta?'))).toBe(false);
    expect(givesValue(run, ctx('a las 10'))).toBe(true);
  });

  it('should say a stylist named for a service she does not do does not do it, with who does, and book with the team', () => {
    const seen: Record<string, string | undefined>[] = [];
    const { run, said } = settle(startRun(spec(), { ...ctx('quiero un blower con carlos el viernes a las 11'), timeZone: TZ }), backend(seen));
    expect(said.join(' ')).toMatch(/^Carlos no hace \*Lavado y blower\* 🙏 Eso lo hace Yokasta, Rosanna y Leidy/);
    expect(said.join(' ')).not.toContain('no tiene espacio');
    expect(run.values.staff).toBeUndefined();
    expect(run.values.time).toBe('11:00');
    expect(seen).toEqual([{ staff: 'carlos' }, { staff: undefined }]);
  });

  it('should say a day the stylist never works as her day off, with the days she works, and book with the team', () => {
    const seen: Record<string, string | undefined>[] = [];
    const { run, said } = settle(startRun(spec(), { ...ctx('quiero un blower con leidy el viernes a las 11'), timeZone: TZ }), backend(seen));
    expect(said.join(' ')).toMatch(/^Leidy no trabaja los viernes 🙏 \(trabaja miércoles y jueves\)/);
    expect(run.values.staff).toBeUndefined();
    expect(run.values.time).toBe('11:00');
  });
});
