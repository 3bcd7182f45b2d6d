import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOW, TZ, estudioWorkflows } from './studio-harness.js';
import { answer, applyOptions, askSlot, givesValue, nextStep, startRun, takeValues, type RunContext, type WorkflowRun } from '../../../src/machines/workflow/index.js';
import { extractDayPart, narrowOptions, timesInPart } from '../../../src/machines/workflow/option-narrowing.js';
import { asksAside } from '../../../src/machines/workflow/side-questions.js';
import { extractPersonName } from '../../../src/machines/workflow/slot-extractors.js';

/**
 * The booking runner answering like the studio's receptionist: a category named narrows the
 * services shown, a part of the day narrows the free times ("lo más temprano" takes the first),
 * the service just priced is the one booked, and a time two stylists have is listed once.
 */

const estudio = estudioWorkflows;
const booking = () => estudio().workflows.find((w) => w.id === 'agendar_cita')!;
const ctx = (text: string, extra: Partial<RunContext> = {}): RunContext => ({ text, nowMs: NOW, timeZone: TZ, lang: 'es', ...extra });

const SEED = JSON.parse(readFileSync(new URL('../../../tenants/estudio/backend-seed.json', import.meta.url), 'utf8')) as { services: unknown[] };
const SERVICES = { items: SEED.services };
const TIMES = ['09:00', '09:30', '10:00', '12:00', '14:00', '15:30', '17:00', '18:30'];
/** Two stylists free at every time: the backend lists each time twice. */
const slots = (date: string) => ({ items: TIMES.flatMap((time) => ['ana', 'eva'].map((staff) => ({ slotId: `${staff}.${date}.${time}`, staffId: staff, date, time }))) });
const backend = (path: string, query: Record<string, string> | undefined) => (path === '/services' ? SERVICES : slots(query?.date ?? ''));

function settle(run: WorkflowRun): WorkflowRun {
  for (let step = nextStep(run); step.kind === 'load'; step = nextStep(run)) run = applyOptions(run, step.slot, step.request, backend(step.request.path, step.request.query), 'es').run;
  return run;
}
const shown = (run: WorkflowRun, slot: string) => askSlot(run, slot, 'es').reply.options?.map((o) => o.label);

describe('a category or several names narrow the services shown', () => {
  it('should show the nail services for "quiero hacerme las uñas el sábado", keep the day, and take the pick', () => {
    let run = settle(startRun(booking(), ctx('hola, quiero hacerme las uñas el sábado')));
    expect(run.values.date).toBe('2026-12-05');
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'service' });
    expect(shown(run, 'service')).toEqual(['Manicure clásico', 'Pedicure spa', 'Uñas acrílicas', 'Manicure en gel (gelish)']);
    ({ run } = answer(askSlot(run, 'service', 'es').run, ctx('la de gel')));
    expect(run.values.service).toBe('gelish');
    expect(run.narrowed?.service).toBeUndefined();
  });

  it('should narrow when the question is asked ("algo pa la cara", "my nails") and never on "una" or "unas"', () => {
    let run = settle(startRun(booking(), ctx('quiero una cita')));
    expect(run.narrowed).toBeUndefined();
    const face = answer(askSlot(run, 'service', 'es').run, ctx('algo pa la cara'));
    expect(face.replies).toEqual([]);
    expect(shown(face.run, 'service')).toEqual(['Facial hidratante', 'Limpieza facial profunda']);
    run = settle(startRun(booking(), ctx('I want my nails done on friday', { lang: 'en' })));
    expect(run.narrowed?.service).toHaveLength(4);
    expect(settle(startRun(booking(), ctx('quiero unas mechas'))).values.service).toBe('rayitos');
  });

  it('should take the one service of a group of one ("quiero depilarme")', () => {
    expect(settle(startRun(booking(), ctx('quiero depilarme el lunes'))).values.service).toBe('depilacion-piernas');
  });

  it('narrowOptions: two names said, a group said, nothing said', () => {
    const items = SEED.services.map((s) => {
      const x = s as { id: string; name: { es: string }; aliases: string[]; category: string };
      return { value: x.id, label: x.name.es, aliases: x.aliases, group: x.category };
    });
    const groups = booking().slots[0]!.options!.groups;
    expect(narrowOptions('cuanto cuestan el manicure y el pedicure', items, groups)).toEqual(['manicure-clasico', 'pedicure-spa']);
    expect(narrowOptions('me quiero arreglar las unas', items, groups)).toHaveLength(4);
    expect(narrowOptions('quiero unas cosas', items, groups)).toBeNull();
    expect(narrowOptions('quiero una cita', items, groups)).toBeNull();
  });
});

describe('a part of the day narrows the free times', () => {
  it('should show the afternoon for "pal viernes en la tarde", once per time', () => {
    const run = settle(startRun(booking(), ctx('quiero un corte pal viernes en la tarde')));
    expect(run.values).toMatchObject({ service: 'corte-secado', date: '2026-12-04' });
    expect(shown(run, 'time')).toEqual(['12:00 p. m.', '2:00 p. m.', '3:30 p. m.', '5:00 p. m.']);
  });

  it('should list a time two stylists have once', () => {
    const run = settle(startRun(booking(), ctx('quiero un corte el viernes')));
    expect(shown(run, 'time')).toEqual(['9:00 a. m.', '9:30 a. m.', '10:00 a. m.', '12:00 p. m.', '2:00 p. m.', '3:30 p. m.', '5:00 p. m.', '6:30 p. m.']);
  });

  it('should take the first free time for "lo más temprano", asked or said first', () => {
    let run = settle(startRun(booking(), ctx('un corte el viernes')));
    ({ run } = answer(askSlot(run, 'time', 'es').run, ctx('lo más temprano posible')));
    expect(run.values).toMatchObject({ time: '09:00', slot_id: 'ana.2026-12-04.09:00' });
    expect(settle(startRun(booking(), ctx('corte mañana a primera hora'))).values.time).toBe('09:00');
  });

  it('should narrow the times asked when the customer answers with a part of the day ("en la mañana", "in the evening")', () => {
    let run = settle(startRun(booking(), ctx('un corte el viernes')));
    const morning = answer(askSlot(run, 'time', 'es').run, ctx('en la mañana'));
    expect(morning.replies).toEqual([]);
    expect(shown(morning.run, 'time')).toEqual(['9:00 a. m.', '9:30 a. m.', '10:00 a. m.']);
    run = settle(startRun(booking(), ctx('haircut on friday', { lang: 'en' })));
    const evening = answer(askSlot(run, 'time', 'en').run, ctx('in the evening', { lang: 'en' }));
    expect(evening.run.narrowed?.time).toEqual(['17:00', '18:30']);
  });

  it('extractDayPart and timesInPart', () => {
    expect(['en la tarde', 'lo más temprano', 'mañana temprano', 'in the morning', 'después del trabajo', 'a las 3'].map(extractDayPart)).toEqual(['afternoon', 'earliest', 'morning', 'morning', 'evening', null]);
    expect(timesInPart(TIMES, 'afternoon')).toEqual(['12:00', '14:00', '15:30', '17:00']);
  });
});

describe('the service in focus', () => {
  it('should book the service just priced when "quiero cita pal viernes" names none', () => {
    const run = settle(startRun(booking(), ctx('ok quiero cita pal viernes en la tarde', { focus: 'tinte-completo' })));
    expect(run.values).toMatchObject({ service: 'tinte-completo', date: '2026-12-04' });
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'time' });
    // A service named wins over the one in focus.
    expect(settle(startRun(booking(), ctx('quiero un facial el viernes', { focus: 'tinte-completo' }))).values.service).toBe('facial-hidratante');
  });
});

describe('side questions beside the booking', () => {
  it('should tell a question from an answer, and keep the value a price question names', () => {
    const run = askSlot(settle(startRun(booking(), ctx('quiero una cita'))), 'service', 'es').run;
    expect(asksAside(run, ctx('¿cuánto cuesta?'))).toBe(true);
    expect(asksAside(run, ctx('¿dónde están ubicados?'))).toBe(true);
    expect(asksAside(run, ctx('el facial'))).toBe(false);
    expect(asksAside(run, ctx('¿cuánto cuesta el facial?'))).toBe(true);
    expect(givesValue(run, ctx('¿cuánto cuesta?'))).toBe(false);
    expect(takeValues(run, ctx('¿cuánto cuesta el facial?')).values.service).toBe('facial-hidratante');
  });

  it('should never read a question as the name asked', () => {
    expect(extractPersonName('donde estan', { bare: true })).toBeNull();
    expect(extractPersonName('cuanto cuesta', { bare: true })).toBeNull();
    expect(extractPersonName('Ana Pérez', { bare: true })).toBe('Ana Pérez');
  });
});

describe('a service changed before confirming', () => {
  it('should take "no, mejor un manicure" at the summary and keep the rest', async () => {
    const { askConfirmation } = await import('../../../src/machines/workflow/index.js');
    let run = settle(startRun(booking(), ctx('quiero un pedicure el viernes a las 2')));
    ({ run } = answer(askSlot(run, 'name', 'es').run, ctx('Ana Ruiz')));
    ({ run } = answer(askSlot(run, 'phone', 'es').run, ctx('809 555 0000')));
    expect(nextStep(run)).toEqual({ kind: 'confirm' });
    const changed = answer(askConfirmation(run, 'es').run, ctx('no, mejor un manicure'));
    expect(changed.run.values.service).toBe('manicure-clasico');
    expect(changed.run.stage).toBe('collecting');
    run = settle(changed.run);
    expect(run.values).toMatchObject({ service: 'manicure-clasico', time: '14:00', name: 'Ana Ruiz' });
    expect(nextStep(run)).toEqual({ kind: 'confirm' });
  });
});

describe('a bound on the time ("después de las 3", "before 11")', () => {
  it('should show the free times after or before it, never book the bound itself', () => {
    const run = settle(startRun(booking(), ctx('kiero cita pa un corte el viernes despues de las 3')));
    expect(run.values.time).toBeUndefined();
    expect(shown(run, 'time')).toEqual(['3:30 p. m.', '5:00 p. m.', '6:30 p. m.']);
    const before = settle(startRun(booking(), ctx('haircut on friday before 11am', { lang: 'en' })));
    expect(before.narrowed?.time).toEqual(['09:00', '09:30', '10:00']);
    expect(['después de las 3', 'a partir de las 10', 'after 4pm', 'antes de las 12'].map(extractDayPart)).toEqual(['after-15:00', 'after-10:00', 'after-16:00', 'before-12:00']);
  });
});
