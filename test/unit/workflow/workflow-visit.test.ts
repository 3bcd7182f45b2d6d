import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOW, TZ, estudioWorkflows, settleRun } from './studio-harness.js';
import { answer, applyOptions, askSlot, nextStep, resultText, startRun, type RunContext, type WorkflowRun } from '../../../src/machines/workflow/index.js';
import { nextOfVisit, servicesNamed } from '../../../src/machines/workflow/two-services.js';
import { askConfirmation } from '../../../src/machines/workflow/workflow-runner.js';
import { extractDayPart } from '../../../src/machines/workflow/option-narrowing.js';
import { servicesInFocus } from '../../../src/actors/tools/studio-focus.js';

/**
 * A demanding customer at the studio: two services in one visit are both heard (the first booked,
 * the other offered right after), "ok esa" after a price is no "no lo entendí", and "la más tarde"
 * takes the day's last free time.
 */

const booking = () => estudioWorkflows().workflows.find((w) => w.id === 'agendar_cita')!;
const ctx = (text: string, extra: Partial<RunContext> = {}): RunContext => ({ text, nowMs: NOW, timeZone: TZ, lang: 'es', ...extra });
const SEED = JSON.parse(readFileSync(new URL('../../../tenants/estudio/backend-seed.json', import.meta.url), 'utf8')) as { services: unknown[] };
const TIMES = ['09:00', '12:00', '15:00', '16:30'];
const backend = (path: string, query: Record<string, string> | undefined) =>
  path === '/services' ? { items: SEED.services } : { items: TIMES.map((time) => ({ slotId: `ana.${query?.date}.${time}`, date: query?.date, time })) };

const settle = (run: WorkflowRun, lang: 'es' | 'en' = 'es') => settleRun(run, backend, lang);
const BOOKED = { ok: true as const, body: { id: 'BV-1001', date: '2026-12-04', time: '15:00', price: 1500, currency: 'DOP' } };

describe('two services in one visit', () => {
  it('should book the first named, say the other comes right after, and offer it once booked', () => {
    const { run, said } = settle(startRun(booking(), ctx('quiero cita para un corte y un manicure el viernes')));
    expect(run.values.service).toBe('corte-secado');
    expect(run.later).toEqual({ service: ['manicure-clasico'] });
    expect(said).toEqual(['Te reservo primero *Corte y secado*; *Manicure clásico* lo agendamos justo después 👍']);
    expect(resultText(run, 'es', BOOKED)).toMatch(/Total: RD\$1,500\.00\.\nAhora agendamos \*Manicure clásico\* 📅: dime el día y la hora \(por ejemplo: "manicure clásico el viernes a las 4"\)\.$/);
    expect(resultText(run, 'en', BOOKED)).toMatch(/\nNow let's book \*Classic manicure\* 📅/);
  });

  it('should offer the next service right after the one booked, ready to confirm, and book it on "sí"', () => {
    let run = settle(startRun(booking(), ctx('quiero cita para un corte y un manicure el viernes a las 3'))).run;
    run = { ...run, values: { ...run.values, name: 'Rosa Peña', phone: '+18295554433' } };
    // The corte (60 min) booked at 3:00 p. m. ends at 4:00 p. m. (20:00 UTC).
    const booked = { ok: true as const, body: { ...BOOKED.body, end: '2026-12-04T20:00:00.000Z' } };
    expect(resultText(run, 'es', booked)).toMatch(/Total: RD\$1,500\.00\.\nAhora te reservo \*Manicure clásico\* justo después 👇$/);
    expect(resultText(run, 'en', booked)).toMatch(/\nNow let's book \*Classic manicure\* right after 👇$/);
    const next = nextOfVisit(run, booked.body)!;
    expect(next.values).toMatchObject({ service: 'manicure-clasico', date: '2026-12-04', time: '16:00', name: 'Rosa Peña', phone: '+18295554433' });
    expect(next.later).toBeUndefined();
    // 4:30 p. m. is free in this backend, 4:00 p. m. is not: the free times are shown instead.
    const settled = settle({ ...next, values: { ...next.values, time: '16:30' } }).run;
    expect(nextStep(settled)).toEqual({ kind: 'confirm' });
    expect(askConfirmation(settled, 'es').reply.text).toBe('Reservo Manicure clásico el viernes 4 de diciembre a las 4:30 p. m. a nombre de Rosa Peña (tel. +18295554433). ¿Confirmo?');
    expect(answer(askConfirmation(settled, 'es').run, ctx('sí')).run.outcome).toBe('confirmed');
    // 4:00 p. m. taken: the nearest free time (4:30 p. m.) is proposed, and "sí" takes it.
    const taken = settle(next);
    expect(taken.run.values.time).toBeUndefined();
    expect(taken.said).toEqual([]);
    const proposal = askSlot(taken.run, 'time', 'es');
    expect(proposal.reply.text).toBe('Ese día ya no hay libre a las 4:00 p. m. Lo más cerca que tengo es *4:30 p. m.*; ¿te sirve? Si no, elige otra hora:');
    const yes = answer(proposal.run, ctx('sí'), 'yes').run;
    expect(yes.values.time).toBe('16:30');
    expect(nextStep(settle(yes).run)).toEqual({ kind: 'confirm' });
    expect(askSlot(taken.run, 'time', 'en').reply.text).toBe('4:00 PM is already taken that day. The nearest free time is *4:30 PM*; does that work? If not, pick another time:');
  });

  it('should offer nothing back to back when the end is unknown, on another day, or nothing is left', () => {
    const run = settle(startRun(booking(), ctx('quiero cita para un corte y un manicure el viernes'))).run;
    expect(nextOfVisit(run, BOOKED.body)).toBeNull();
    expect(nextOfVisit(run, { ...BOOKED.body, end: '2026-12-05T20:00:00.000Z' })).toBeNull();
    expect(nextOfVisit({ ...run, later: {} }, { ...BOOKED.body, end: '2026-12-04T20:00:00.000Z' })).toBeNull();
  });

  it('should hear both when they answer the service question, in English too', () => {
    let { run } = settle(startRun(booking(), ctx('I want an appointment', { lang: 'en' })), 'en');
    const out = answer(askSlot(run, 'service', 'en').run, ctx('a haircut and a pedicure', { lang: 'en' }));
    run = out.run;
    expect(run.values.service).toBe('corte-secado');
    expect(out.replies.map((r) => r.text)).toEqual(["I'll book *Haircut and blow-dry* first; *Spa pedicure* we'll book right after 👍"]);
  });

  it('should read one service with "y" in its name as one ("corte y secado", "lavado y blower")', () => {
    const { run } = settle(startRun(booking(), ctx('quiero corte y secado')));
    expect(run.values.service).toBe('corte-secado');
    expect(run.later).toBeUndefined();
    const items = (run.options.service?.items ?? []);
    expect(servicesNamed('lavado y blower', items)).toEqual([]);
    expect(servicesNamed('el manicure y el pedicure', items).map((i) => i.value)).toEqual(['manicure-clasico', 'pedicure-spa']);
  });
});

describe('short answers beside the question', () => {
  it('should ask the day again after "ok esa", not say it did not understand', () => {
    const { run } = settle(startRun(booking(), ctx('quiero una keratina')));
    const asked = askSlot(run, 'date', 'es').run;
    for (const said of ['ok esa', 'ok', 'dale', 'esa']) expect(answer(asked, ctx(said)).replies).toEqual([]);
    expect(answer(asked, ctx('blablabla')).replies.map((r) => r.text)).toEqual(['Perdona, no lo entendí.']);
  });

  it('should take the last free time for "la más tarde"', () => {
    expect(extractDayPart('la más tarde')).toBe('latest');
    expect(extractDayPart('lo más tarde que tengas')).toBe('latest');
    expect(extractDayPart('en la tarde')).toBe('afternoon');
    // A greeting asks for no part of the day; a bare "Morning." or "morning please" at the time question does.
    expect(extractDayPart("Good morning, I'd like a manicure tomorrow")).toBeNull();
    expect(extractDayPart('Morning! a manicure tomorrow')).toBeNull();
    expect(extractDayPart('Morning, I need a haircut tomorrow afternoon')).toBe('afternoon');
    expect(extractDayPart('good evening, tomorrow morning please')).toBe('morning');
    expect(extractDayPart('Morning.')).toBe('morning');
    expect(extractDayPart('morning please')).toBe('morning');
    const { run } = settle(startRun(booking(), ctx('quiero una keratina mañana')));
    const out = settle(answer(askSlot(run, 'time', 'es').run, ctx('la más tarde')).run);
    expect(out.run.values.time).toBe('16:30');
  });
});

describe('"¿cuánto cuestan?" with two services named for the visit', () => {
  it('should be about both: the one booked and the one after it', () => {
    const { run } = settle(startRun(booking(), ctx('quiero cita para un corte y un manicure el viernes')));
    expect(servicesInFocus({ workflow: run, turn: 1 })).toEqual(['corte-secado', 'manicure-clasico']);
    const single = settle(startRun(booking(), ctx('quiero un corte el viernes'))).run;
    expect(servicesInFocus({ workflow: single, turn: 1 })).toEqual(['corte-secado']);
  });
});

describe('the free times nearest a taken one', () => {
  it('should pick the closest on either side, ties to the earlier, in the day\'s order', async () => {
    const { nearestTimes } = await import('../../../src/machines/workflow/option-narrowing.js');
    const day = ['09:00', '09:30', '10:00', '13:00', '13:30', '14:00', '17:00'];
    expect(nearestTimes(day, '12:00', 4)).toEqual(['10:00', '13:00', '13:30', '14:00']);
    expect(nearestTimes(day, '11:30', 1)).toEqual(['10:00']);
    expect(nearestTimes(day, '11:30', 2)).toEqual(['10:00', '13:00']);
    expect(nearestTimes(day, '18:00', 2)).toEqual(['14:00', '17:00']);
    expect(nearestTimes(day, 'noon', 2)).toEqual([]);
  });
});

describe('both services just priced', () => {
  it('should hear "los dos", "ambos", "both" and not a single service or a count of people', async () => {
    const { saysBoth } = await import('../../../src/machines/workflow/two-services.js');
    for (const said of ['dame cita para los dos el sábado', 'quiero ambos', 'los 2 el viernes', 'book both for friday', "I'll take both of them", 'the two please']) expect(saysBoth(said)).toBe(true);
    for (const said of ['quiero cita pal viernes', 'book it for friday', 'a las 2', 'para las dos', 'el de gel']) expect(saysBoth(said)).toBe(false);
  });

  it('should book the first priced, then the other, right after', () => {
    const run = settle(startRun(booking(), { ...ctx('quiero cita para los dos el viernes a las 3'), focus: 'corte-secado', focusAlso: ['manicure-clasico'] })).run;
    expect(run.values.service).toBe('corte-secado');
    expect(run.later).toEqual({ service: ['manicure-clasico'] });
  });
});
