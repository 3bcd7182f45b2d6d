import { createActor, fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { estudioWorkflows, sayingTo, studioReading } from './studio-harness.js';
import type { UnderstandInput } from '../../../src/domain/understanding.js';
import type { BackendCallInput, BackendCallOutput } from '../../../src/machines/conversation.contract.js';
import { conversationMachine, provideWorkflows } from '../../../src/machines/conversation.machine.js';

/**
 * Two services in one visit in the conversation: once the first is booked its success says the
 * other comes right after and its summary follows (same day, from when the first ends, same name
 * and phone); "sí" books it without the customer saying it again.
 */

const SERVICES = [
  { id: 'corte-secado', name: { es: 'Corte y secado', en: 'Haircut' }, aliases: ['corte'], durationMin: 60 },
  { id: 'manicure-clasico', name: { es: 'Manicure clásico', en: 'Classic manicure' }, aliases: ['manicure'], durationMin: 45 },
];

function conversation() {
  const posted: Record<string, unknown>[] = [];
  const backend = (input: BackendCallInput): BackendCallOutput => {
    const { method, path, query, body } = input.request;
    if (path === '/services') return { ok: true, body: { items: SERVICES } };
    if (path === '/slots') return { ok: true, body: { items: ['10:00', '11:00', '15:00'].map((time) => ({ slotId: `ana.${query!.date}.${time}`, time })) } };
    if (path === '/bookings' && method === 'POST') {
      posted.push(body!);
      const [, date, time] = String(body!.slotId).split('.');
      // 60 minutes from the local time (Santo Domingo is UTC-4).
      const end = new Date(Date.parse(`${date}T${time}:00-04:00`) + 60 * 60_000).toISOString();
      return { ok: true, body: { id: `BV-${1000 + posted.length}`, date, time, end, price: 1500, currency: 'DOP' } };
    }
    throw new Error(`unexpected call ${method} ${path}`);
  };
  const machine = provideWorkflows(conversationMachine, estudioWorkflows()).provide({
    actors: {
      understand: fromPromise(async ({ input }: { input: UnderstandInput }) => (input.text.startsWith('quiero') ? studioReading('agendar_cita') : studioReading(null, { affirmation: input.text === 'sí' ? 'yes' : null }))),
      callBackend: fromPromise(async ({ input }: { input: BackendCallInput }) => backend(input)),
    },
  });
  const actor = createActor(machine, { input: { tenantId: 'estudio', conversationId: 'c-visit', lang: 'es' as const } });
  actor.start();
  return { posted, say: sayingTo(actor) };
}

describe('two services in one visit, booked one after the other', () => {
  it('should offer the manicure right after the corte and book it on "sí"', async () => {
    const c = conversation();
    await c.say('quiero un corte y un manicure el martes a las 10');
    await c.say('Rosa Peña');
    expect((await c.say('8295554433')).said[0]).toMatch(/^Reservo Corte y secado el martes 8 de diciembre a las 10:00 a\. m\./);
    const first = await c.say('sí');
    expect(first.said).toHaveLength(2);
    expect(first.said[0]).toMatch(/^¡Listo! Tu cita BV-1001 .*\nAhora te reservo \*Manicure clásico\* justo después 👇$/s);
    expect(first.said[1]).toBe('Reservo Manicure clásico el martes 8 de diciembre a las 11:00 a. m. a nombre de Rosa Peña (tel. +18295554433). ¿Confirmo?');
    const second = await c.say('sí');
    expect(second.said[0]).toMatch(/^¡Listo! Tu cita BV-1002/);
    expect(second.context.workflow ?? null).toBeNull();
    expect(c.posted.map((b) => b.serviceId)).toEqual(['corte-secado', 'manicure-clasico']);
    expect(c.posted[1]).toMatchObject({ slotId: 'ana.2026-12-08.11:00', customer: { name: 'Rosa Peña', phone: '+18295554433' } });
  });
});
