import { describe, expect, it } from 'vitest';
import { NOW, TZ, estudioWorkflows } from '../workflow/studio-harness.js';
import { applyOptions, askSlot, nextStep, startRun, type WorkflowRun } from '../../../src/machines/workflow/index.js';
import { studioFactAsked } from '../../../src/actors/brain/rule/studio-asks.js';
import { asksHowLongItLasts } from '../../../src/actors/tools/studio-lasting.js';

/**
 * A stylist named before the service ("quiero cita con Yokasta", "me puede hacer Rosanna un tinte"):
 * her list is loaded first and the service question offers only what she does.
 */

const spec = () => estudioWorkflows().workflows.find((w) => w.id === 'agendar_cita')!;
const SERVICES = {
  items: [
    { id: 'corte', name: { es: 'Corte y secado', en: 'Haircut' }, aliases: ['corte'] },
    { id: 'tinte', name: { es: 'Tinte completo', en: 'Full colour' }, aliases: ['tinte'] },
    { id: 'manicure', name: { es: 'Manicure clásico', en: 'Classic manicure' }, aliases: ['manicure'] },
  ],
};
const STAFF = { items: [{ id: 'yokasta', name: 'Yokasta Mercedes', serviceIds: ['corte'] }, { id: 'rosanna', name: 'Rosanna Almonte', serviceIds: ['corte', 'tinte'] }] };
const backend = (path: string): unknown => (path === '/services' ? SERVICES : path === '/staff' ? STAFF : { items: [{ slotId: 'a', time: '10:00' }] });

function settle(run: WorkflowRun): WorkflowRun {
  for (let step = nextStep(run); step.kind === 'load'; step = nextStep(run)) run = applyOptions(run, step.slot, step.request, backend(step.request.path), 'es').run;
  return run;
}

describe('a stylist named before the service', () => {
  it('should load the staff before the service question and offer only what she does', () => {
    const run = settle(startRun(spec(), { text: 'quiero cita con rosanna', nowMs: NOW, timeZone: TZ, lang: 'es' }));
    expect(run.values.staff).toBe('rosanna');
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'service' });
    const asked = askSlot(run, 'service', 'es').reply;
    expect(asked.options?.map((o) => o.label)).toEqual(['Corte y secado', 'Tinte completo']);
  });

  it('should take "me puede hacer Rosanna un tinte" as her, and load no staff when nobody is named', () => {
    const named = settle(startRun(spec(), { text: 'me puede hacer rosanna un tinte el martes', nowMs: NOW, timeZone: TZ, lang: 'es' }));
    expect(named.values.staff).toBe('rosanna');
    const nobody = settle(startRun(spec(), { text: 'quiero una cita', nowMs: NOW, timeZone: TZ, lang: 'es' }));
    expect(nobody.options.staff).toBeUndefined();
    expect(askSlot(nobody, 'service', 'es').reply.options).toHaveLength(3);
  });
});

describe('facts a studio has not written', () => {
  it.each([
    ['hacen uñas a domicilio?', 'homeservice'],
    ['pueden venir a mi casa a maquillarme?', 'homeservice'],
    ['do you do house calls?', 'homeservice'],
    ['quedan cerca de mi casa?', null],
  ])('should read "%s" as the fact %s', (text, fact) => {
    expect(studioFactAsked(text)).toBe(fact);
  });

  it.each([
    ['y cuanto tiempo me dura en el pelo?', true],
    ['cada cuanto hay que retocar el tinte?', true],
    ['how many weeks will the gel manicure last?', true],
    ['cuanto dura la keratina?', false],
    ['how long does a massage take?', false],
  ])('should take "%s" as how long the result lasts: %s', (text, asked) => {
    expect(asksHowLongItLasts(text)).toBe(asked);
  });
});
