import { createActor, fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { estudioWorkflows, NOW, sayingTo, settleRun, studioReading, TZ, type StudioBackend } from './studio-harness.js';
import type { UnderstandInput } from '../../../src/domain/understanding.js';
import type { BackendCallInput, BackendCallOutput } from '../../../src/machines/conversation.contract.js';
import { conversationMachine, provideWorkflows } from '../../../src/machines/conversation.machine.js';
import { answer, nextStep, startRun } from '../../../src/machines/workflow/index.js';
import { forAnother, nameOfAnother } from '../../../src/machines/workflow/for-another.js';

/**
 * "Una cita para mi hija": the customer's own name is not the one to book under, and the
 * daughter's name given for it is not remembered as the customer's.
 */

const booking = () => estudioWorkflows().workflows.find((w) => w.id === 'agendar_cita')!;

describe('a booking for someone else', () => {
  it.each(['quiero una cita para mi hija', 'ahora otra para mi mamá, un manicure', 'I want to book for my daughter', 'can you book my mom in for a pedicure'])('"%s" is for another', (text) => {
    expect(forAnother(text)).toBe(true);
  });

  it.each(['quiero una cita para mí', 'para el viernes', 'una cita para la tarde', 'for my nails', 'I want a haircut'])('"%s" is not', (text) => {
    expect(forAnother(text)).toBe(false);
  });

  it('should ask whose name instead of taking the customer\'s', () => {
    const ctx = { nowMs: NOW, timeZone: TZ, lang: 'es' as const, contact: { name: 'Rosa Peña', phone: '+18095554433' } };
    const own = startRun(booking(), { ...ctx, text: 'quiero un corte' });
    expect(own.values.name).toBe('Rosa Peña');
    const other = startRun(booking(), { ...ctx, text: 'quiero un corte para mi hija' });
    expect(other.values.name).toBeUndefined();
    expect(other.values.phone).toBe('+18095554433');
    expect(other.forAnother).toBe(true);
  });

  it('should not remember the daughter\'s name as the customer\'s once booked', async () => {
    const answer = (input: BackendCallInput): BackendCallOutput => {
      const { method, path, query, body } = input.request;
      if (path === '/services') return { ok: true, body: { items: [{ id: 'manicure', name: { es: 'Manicure clásico', en: 'Classic manicure' }, aliases: ['manicure'] }] } };
      if (path === '/slots') return { ok: true, body: { items: [{ slotId: `ana.${query!.date}.15:00`, time: '15:00' }] } };
      if (path === '/bookings' && method === 'POST') return { ok: true, body: { id: 'BV-1001', date: '2026-12-04', time: '15:00', price: 600, currency: 'DOP', serviceId: body!.serviceId } };
      throw new Error(`unexpected call ${method} ${path}`);
    };
    const script: Record<string, string> = { 'una cita para mi hija, un manicure mañana a las 3': 'agendar_cita' };
    const machine = provideWorkflows(conversationMachine, estudioWorkflows()).provide({
      actors: {
        understand: fromPromise(async ({ input }: { input: UnderstandInput }) => studioReading(script[input.text] ?? null)),
        callBackend: fromPromise(async ({ input }: { input: BackendCallInput }) => answer(input)),
      },
    });
    const actor = createActor(machine, { input: { tenantId: 'estudio', conversationId: 'c-1', lang: 'es' as const, contact: { phone: '+18095554433', name: 'Rosa Peña' } } });
    actor.start();
    const say = sayingTo(actor);
    // A returning customer is welcomed back, then asked whose name (not booked under hers).
    expect((await say('una cita para mi hija, un manicure mañana a las 3')).said.at(-1)).toBe('¿A nombre de quién hago la reserva?');
    expect((await say('Lucía Peña')).said[0]).toMatch(/^Reservo Manicure clásico .* a nombre de Lucía Peña \(tel\. \+18095554433\)/);
    const done = await say('sí');
    expect(done.said[0]).toMatch(/^¡Listo! Tu cita BV-1001/);
    expect(done.context.contact).toMatchObject({ name: 'Rosa Peña', phone: '+18095554433' });
    actor.stop();
  });

  it.each([
    ['es para mi hija, se llama Laura', 'Laura'],
    ["it's for my mom, Gloria Ruiz", 'Gloria Ruiz'],
    ['my sister Ana', 'Ana'],
    ['mi hermana Ana Pérez', 'Ana Pérez'],
    ['Laura, es para mi hija', 'Laura'],
    ['es para mi mamá que se llama Carmen', 'Carmen'],
    ['for my daughter, her name is Sofia', 'Sofia'],
    ['para mi hija mayor, Lucía', 'Lucía'],
  ])('"%s" answering whose name gives the relative\'s name', (text, name) => {
    expect(nameOfAnother(text, { bare: true })).toBe(name);
  });

  it.each(['para mi hija', 'para mi hija mayor', 'quiero cita para mi hija el martes', 'Ana Pérez', 'for my nails'])('"%s" names no relative', (text) => {
    expect(nameOfAnother(text, { bare: true })).toBeNull();
  });

  it('should book under the relative\'s name said with who she is, and not remember it as the customer\'s', async () => {
    const ctx = { nowMs: NOW, timeZone: TZ, lang: 'es' as const };
    const { run } = settleRun(startRun(booking(), { ...ctx, text: 'quiero un manicure mañana a las 3' }), studioBackend);
    expect(nextStep(run)).toEqual({ kind: 'ask', slot: 'name' });
    const asked = answer({ ...run, asking: 'name' }, { ...ctx, text: 'es para mi hija, se llama Laura' }).run;
    expect(asked.values.name).toBe('Laura');
    expect(asked.forAnother).toBe(true);
    const en = answer({ ...run, asking: 'name' }, { ...ctx, lang: 'en', text: "it's for my mom, Gloria Ruiz" }).run;
    expect(en.values.name).toBe('Gloria Ruiz');
  });

  it('should ask whose name again when "es para mi hija" comes after the customer\'s own name was taken', () => {
    const ctx = { nowMs: NOW, timeZone: TZ, lang: 'es' as const, contact: { name: 'Rosa Peña', phone: '+18095554433' } };
    const { run } = settleRun(startRun(booking(), { ...ctx, text: 'quiero un manicure mañana a las 3' }), studioBackend);
    expect(run.values.name).toBe('Rosa Peña');
    const after = answer({ ...run, stage: 'confirming' }, { ...ctx, text: 'ah no, es para mi hija' }).run;
    expect(after.values.name).toBeUndefined();
    expect(after.forAnother).toBe(true);
    expect(nextStep(after)).toEqual({ kind: 'ask', slot: 'name' });
  });
});

const studioBackend: StudioBackend = (path, query) => {
  if (path === '/services') return { items: [{ id: 'manicure', name: { es: 'Manicure clásico', en: 'Classic manicure' }, aliases: ['manicure'] }] };
  if (path === '/slots') return { items: [{ slotId: `x.${query!.date}.15:00`, time: '15:00' }] };
  throw new Error(`unexpected load ${path}`);
};
