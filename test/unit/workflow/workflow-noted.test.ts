import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer, applyOptions, askSlot, nextStep, startRun, type RunContext, type WorkflowRun } from '../../../src/machines/workflow/index.js';
import { bareName } from '../../../src/machines/workflow/noted.js';
import { freeRangeLine } from '../../../src/machines/workflow/free-range.js';
import { estudioWorkflows, NOW, TZ } from './studio-harness.js';

/**
 * The receptionist notes what fits another question ("el lunes" while the service is asked: "Anotado:
 * el lunes …"), keeps a bare name for the name, names the span of a day's free times when only the
 * first are shown, and shows the dye services for "pintarme el pelo".
 */

const booking = () => estudioWorkflows().workflows.find((w) => w.id === 'agendar_cita')!;
const ctx = (text: string, extra: Partial<RunContext> = {}): RunContext => ({ text, nowMs: NOW, timeZone: TZ, lang: 'es', ...extra });

const SEED = JSON.parse(readFileSync(new URL('../../../tenants/estudio/backend-seed.json', import.meta.url), 'utf8')) as { services: unknown[] };
const TIMES = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '14:00', '15:30', '18:00'];
const backend = (path: string, query: Record<string, string> | undefined) =>
  path === '/services' ? { items: SEED.services } : { items: TIMES.map((time) => ({ slotId: `ana.${query?.date}.${time}`, date: query?.date, time })) };

function settle(run: WorkflowRun, lang: 'es' | 'en' = 'es'): WorkflowRun {
  for (let step = nextStep(run); step.kind === 'load'; step = nextStep(run)) run = applyOptions(run, step.slot, step.request, backend(step.request.path, step.request.query), lang).run;
  return run;
}
const asked = (run: WorkflowRun, lang: 'es' | 'en' = 'es') => {
  const step = nextStep(run);
  if (step.kind !== 'ask') throw new Error(`not asking: ${step.kind}`);
  return askSlot(run, step.slot, lang).run;
};

describe('a value for another question is noted', () => {
  it('should say a change of an answered time while the name is asked ("mejor a las 10"), in either language', () => {
    const run = asked(settle(startRun(booking(), ctx('quiero cita el sábado a las 9 para cejas'))));
    expect(run.asking).toBe('name');
    const out = answer(run, ctx('mejor a las 10'));
    expect(out.run.values.time).toBe('10:00');
    expect(out.replies.map((r) => r.text)).toEqual(['Cambiado: a las 10:00 a. m. 👍']);
    const en = asked(settle(startRun(booking(), ctx('eyebrows on saturday at 9', { lang: 'en' })), 'en'), 'en');
    expect(answer(en, ctx('actually make it 10am', { lang: 'en' })).replies.map((r) => r.text)).toEqual(['Changed: at 10:00 AM 👍']);
    // A time not among the free ones is said by the check that refuses it, never "changed".
    expect(answer(run, ctx('mejor a las 4')).replies.map((r) => r.text)).toEqual([]);
  });

  it('should note the day given while the service is asked, keep it and ask the service again', () => {
    const run = asked(settle(startRun(booking(), ctx('quiero una cita'))));
    const out = answer(run, ctx('el lunes'));
    expect(out.run.values.date).toBe('2026-12-07');
    expect(out.replies.map((r) => r.text)).toEqual(['Anotado: el lunes 7 de diciembre 👍']);
    expect(nextStep(settle(out.run))).toEqual({ kind: 'ask', slot: 'service' });
  });

  it('should note in English, and say nothing extra when the question asked is answered', () => {
    const run = asked(settle(startRun(booking(), ctx('I want to book', { lang: 'en' })), 'en'), 'en');
    expect(answer(run, ctx('on friday at 3pm', { lang: 'en' })).replies.map((r) => r.text)).toEqual(['Noted: on Friday, December 4, at 3:00 PM 👍']);
    expect(answer(run, ctx('a haircut on friday', { lang: 'en' })).replies).toEqual([]);
  });

  it('should keep a bare name given while the service is asked for the name, not refuse it as a service', () => {
    const run = asked(settle(startRun(booking(), ctx('quiero una cita'))));
    for (const said of ['Ana Díaz', 'ana diaz', 'María de la Cruz']) {
      const out = answer(run, ctx(said));
      expect(out.run.values.name, said).toBe(said === 'María de la Cruz' ? 'María De La Cruz' : said === 'ana diaz' ? 'Ana Diaz' : 'Ana Díaz');
      expect(out.replies[0]!.text).toMatch(/^Anotado: a nombre de /);
      expect(out.run.values.service).toBeUndefined();
    }
    // Words that are not a name still get the services again.
    for (const said of ['otra cosa', 'ninguno de esos', 'algo bonito']) expect(answer(run, ctx(said)).run.values.name, said).toBeUndefined();
  });
});

describe('bareName', () => {
  it('should read two to four words as a name, never a phrase of common words', () => {
    expect(bareName('Rosa Peña')).toBe('Rosa Peña');
    expect(bareName('rosa peña')).toBe('Rosa Peña');
    expect(bareName('Rosa')).toBeNull();
    expect(bareName('el de gel')).toBeNull();
    expect(bareName('my nails please')).toBeNull();
    // A part of the day said at the time question is never a name ("Noted: under the name Morning Please").
    expect(bareName('morning please')).toBeNull();
    expect(bareName('en la tarde')).toBeNull();
  });
});

describe('the span of the free times', () => {
  it('should say the first and last free time when more are free than shown', () => {
    const run = settle(startRun(booking(), ctx('quiero un corte el martes')));
    const reply = askSlot(run, 'time', 'es').reply;
    expect(reply.options).toHaveLength(8);
    expect(reply.text).toMatch(/hay libre de 9:00 a\. m\. a 6:00 p\. m\./);
  });

  it('should say nothing when every free time is shown or the afternoon was asked', () => {
    expect(freeRangeLine([{ value: '09:00', label: '9:00 a. m.' }, { value: '10:00', label: '10:00 a. m.' }], 8, 'es')).toBeNull();
    const run = settle(startRun(booking(), ctx('quiero un corte el martes en la tarde')));
    expect(askSlot(run, 'time', 'es').reply.text).not.toMatch(/hay libre de/);
  });
});

describe('colour words', () => {
  it('should show the dye services for "pintarme el pelo" and the nail ones for "pintarme las uñas"', () => {
    expect(settle(startRun(booking(), ctx('quiero pintarme el pelo'))).narrowed?.service).toEqual(['tinte-completo', 'rayitos']);
    expect(settle(startRun(booking(), ctx('quiero teñirme'))).narrowed?.service).toEqual(['tinte-completo', 'rayitos']);
    expect(settle(startRun(booking(), ctx('I want to dye my hair', { lang: 'en' })), 'en').values.service ?? 'narrowed').toBeDefined();
    expect(settle(startRun(booking(), ctx('quiero pintarme las uñas'))).narrowed?.service).toHaveLength(4);
  });
});
