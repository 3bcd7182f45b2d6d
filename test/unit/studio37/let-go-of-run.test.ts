import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estudioWorkflows, NOW, settleRun, TZ, type StudioBackend } from '../workflow/studio-harness.js';
import { answer, startRun } from '../../../src/machines/workflow/index.js';
import { letsRunGo } from '../../../src/machines/workflow/run-let-go.js';
import { createRuleBrain } from '../../../src/actors/brain/rule/rule-brain.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { Expectation } from '../../../src/domain/understanding.js';

/**
 * "mejor cancélala": while a new booking is made it drops that booking; with nothing running (a move
 * just refused, a booking just shown) it is the cancellation asked; inside a run on a booking the
 * customer has (a move), it is that booking's cancellation, never the move let go.
 */

const spec = (id: string) => estudioWorkflows().workflows.find((w) => w.id === id)!;
const ctx = (text: string) => ({ text, nowMs: NOW, timeZone: TZ, lang: 'es' as const, contact: { phone: '+18095551234' } });
const backend: StudioBackend = (path, query) =>
  path === '/services'
    ? { items: [{ id: 'corte-secado', name: { es: 'Corte y secado', en: 'Haircut and blow-dry' }, aliases: ['corte'] }] }
    : path === '/bookings'
      ? { items: [{ id: 'BV-1001', status: 'confirmed', serviceId: 'corte-secado', date: '2026-12-08', time: '10:00' }] }
      : { items: ['09:00', '15:00'].map((time) => ({ slotId: `y.${query?.date}.${time}`, date: query?.date, time })) };

describe('letting a run go', () => {
  it.each(['mejor cancelala', 'cancélala', 'ok mejor cancela', 'olvídalo', 'never mind'])('should drop a new booking on "%s"', (said) => {
    const { run } = settleRun(startRun(spec('agendar_cita'), ctx('quiero un corte mañana')), backend);
    expect(letsRunGo(run.spec, said)).toBe(true);
    expect(answer(run, ctx(said)).run.outcome).toBe('cancelled');
  });

  it('should not let a run on a booking the customer has go on "mejor cancélala" (the booking is meant), nor on a time', () => {
    expect(letsRunGo(spec('reprogramar'), 'mejor cancelala')).toBe(false);
    expect(letsRunGo(spec('cancelar_cita'), 'cancelala')).toBe(false);
    expect(letsRunGo(spec('agendar_cita'), 'a las 3')).toBe(false);
    expect(letsRunGo(spec('agendar_cita'), 'cancela mi cita del lunes')).toBe(false);
  });
});

describe('"mejor cancélala" read by the studio brain', () => {
  let brain: Brain;
  beforeAll(async () => {
    brain = createRuleBrain({ tenant: await loadTenant(join(fileURLToPath(new URL('../../..', import.meta.url)), 'tenants/estudio')), readingCacheSize: 0 });
  });
  const read = async (text: string, expecting: Expectation = { kind: 'none' }) =>
    (await brain.understand({ text, messageId: 'm1', idempotencyKey: 'k1', lang: 'es', expecting })).nlu.intent;

  it.each(['mejor cancelala', 'cancélala', 'no, anulala', 'bórramela'])('should read "%s" with nothing awaited as the cancellation', async (said) => {
    expect((await read(said)).label).toBe('cancelar_cita');
  });

  it.each(['mejor cancela', 'olvídalo', 'cancela eso'])('should still read "%s" as letting the matter go', async (said) => {
    expect((await read(said)).name).toBe('thanks');
  });
});
