import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationHost } from '../../../src/actors/conversation-host.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createBackendClient } from '../../../src/actors/connectors/index.js';
import { createTenantRuntime } from '../../../src/actors/tenant-runtime.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createDemoBackend, type DemoBackend } from '../../../src/demo-backend/server.js';
import { loadSeed } from '../../../src/demo-backend/seed.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import { createTranscriptTurnJournal } from '../../../src/persistence/memory/memory-turn-journal.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createLocalShardRouter } from '../../../src/runtime/shard-router.js';
import { loadTenantWorkflows } from '../../../src/runtime/workflow-loader.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const TOKEN = 'estudio-test-token';
/** Thursday 3 December 2026, 11:00 in Santo Domingo (UTC-4). */
const START = Date.parse('2026-12-03T15:00:00Z');

/**
 * The brain's reading is given directly (the studio's classifier is tested on its own held-out
 * set): the messages that start a flow carry the studio's label, everything else is an unsure
 * reading the workflow takes as its answer.
 */
const LABELS: Record<string, string> = {
  'quiero agendar un corte mañana a las 3': 'agendar_cita',
  'necesito mover mi cita': 'agendar_cita',
  'quiero pagar mi cita': 'pagar_servicio',
  'cancela mi cita por favor': 'cancelar_cita',
  'hola, quiero una cita para manicure el viernes a las 5': 'agendar_cita',
};
const scriptedBrain = (): Brain => ({
  kind: 'rules',
  parse: () => {
    throw new Error('not used');
  },
  async understand({ text }): Promise<Understanding> {
    const label = LABELS[text];
    const intent = label ? { name: 'store_hours_location' as const, confidence: 0.92, label } : { name: 'out_of_scope' as const, confidence: 0.2 };
    return { nlu: { intent, ranking: [intent], entities: [], lang: 'es' }, lang: 'es', affirmation: null, leadFields: {}, products: [], critical: false, priority: 3 };
  },
});

describe('estudio workflows against the demo backend over HTTP', () => {
  const clock = createManualClock(START);
  const logger = createSilentLogger();
  let backend: DemoBackend;
  let host: ConversationHost;

  beforeAll(async () => {
    backend = createDemoBackend({ seed: await loadSeed(root('tenants/estudio/backend-seed.json')), clock, logger, token: TOKEN });
    const url = await backend.listen(0, '127.0.0.1');
    const data: TenantData = await loadTenant(root('tenants/estudio'));
    const workflows = await loadTenantWorkflows(root('tenants/estudio'));
    const transcripts = createMemoryTranscriptStore();
    let hostRef: ConversationHost | null = null;
    const runtime = createTenantRuntime({
      data,
      brain: scriptedBrain(),
      tickets: createMemoryTicketStore({ clock }),
      leads: createMemoryLeadStore({ clock }),
      crm: { pushLead: async () => {} },
      transcripts,
      clock,
      logger,
      contextOf: (t, c) => hostRef?.contextOf(t, c) ?? null,
      backend: createBackendClient({ tenantId: 'estudio', backend: 'business', baseUrl: `${url}/estudio`, auth: { type: 'bearer', token: TOKEN }, clock, logger }),
      ...(workflows ? { workflows } : {}),
    });
    host = new ConversationHost({
      contacts: createMemoryContactDirectory(),
      journal: createTranscriptTurnJournal(transcripts),
      tenants: new Map([['estudio', runtime]]),
      snapshots: createMemorySnapshotStore({ clock }),
      transcripts,
      router: createLocalShardRouter({ shardCount: 4 }),
      clock,
      logger,
    });
    hostRef = host;
  });

  afterAll(async () => {
    await host?.close();
    await backend?.close();
  });

  let seq = 0;
  async function say(text: string, from: { channel: string; senderId: string } = { channel: 'rest', senderId: 'cliente-1' }): Promise<string[]> {
    seq += 1;
    clock.advance(30_000);
    const result = await host.handleMessage({ tenantId: 'estudio', ...from, messageId: `m-${seq}`, text });
    return result.replies.map((r) => r.text);
  }

  it('should book, reschedule, pay and cancel, each visible in the backend', async () => {
    const phone = '+18095550177';
    // Book: service, day and time from the first message (the time checked against the free slots).
    expect(await say('quiero agendar un corte mañana a las 3')).toEqual(['Hay espacio el viernes 4 de diciembre a las 3:00 p. m. 👍', '¿A nombre de quién hago la reserva?']);
    expect(await say('Ana Pérez')).toEqual(['¿A qué número de teléfono te contactamos?']);
    expect(await say('809-555-0177')).toEqual(['Reservo Corte y secado el viernes 4 de diciembre a las 3:00 p. m. a nombre de Ana Pérez (tel. +18095550177). ¿Confirmo?']);
    const booked = await say('sí, confirmo');
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatch(/^¡Listo! Tu cita BV-\d+ quedó el viernes 4 de diciembre a las 3:00 p\. m\. Total: RD\$1,500\.00\.$/);
    const [booking] = backend.studio.bookingsOf(phone);
    expect(booking).toMatchObject({ serviceId: 'corte-secado', date: '2026-12-04', time: '15:00', status: 'confirmed' });

    // Reschedule: "mover" starts the rescheduling; the one active booking is picked by itself.
    // The phone given for the booking is not asked again (what a completed form learned prefills the next).
    expect(await say('necesito mover mi cita')).toEqual(['¿Para qué día la movemos?']);
    expect(await say('el sábado a las 10')).toEqual([`Muevo la cita ${booking!.id} del viernes 4 de diciembre a las 3:00 p. m. para el sábado 5 de diciembre a las 10:00 a. m. ¿Confirmo?`]);
    expect(await say('dale')).toEqual([`¡Hecho! Tu cita ${booking!.id} ahora es el sábado 5 de diciembre a las 10:00 a. m.`]);
    expect(backend.studio.getBooking(booking!.id)).toMatchObject({ date: '2026-12-05', time: '10:00', status: 'confirmed' });

    // Pay: a link from the payment provider, never a card number.
    expect(await say('quiero pagar mi cita')).toEqual([`Te genero un enlace de pago para la cita ${booking!.id} del sábado 5 de diciembre a las 10:00 a. m. (RD$1,500.00). ¿Confirmo?`]);
    const paid = await say('sí');
    expect(paid[0]).toMatch(/^Paga RD\$1,500\.00 en este enlace seguro: http:\/\/127\.0\.0\.1:\d+\/pay\/\S+ \(vence .+\)\. Nunca te pediremos la tarjeta por chat\.$/);
    expect(backend.studio.getBooking(booking!.id).paymentStatus).toBe('pending');

    // Cancel, after a confirmation.
    expect(await say('cancela mi cita por favor')).toEqual([`¿Confirmas que cancelo la cita ${booking!.id} del sábado 5 de diciembre a las 10:00 a. m.?`]);
    expect(await say('sí')).toEqual([`Tu cita ${booking!.id} quedó cancelada.`]);
    expect(backend.studio.getBooking(booking!.id).status).toBe('cancelled');
  });

  it('should not ask a WhatsApp customer for the phone they write from', async () => {
    const whatsapp = { channel: 'whatsapp', senderId: '18095550166' };
    expect(await say('hola, quiero una cita para manicure el viernes a las 5', whatsapp)).toEqual(['¡Hola! Hay espacio el viernes 4 de diciembre a las 5:00 p. m. 👍', '¿A nombre de quién hago la reserva?']);
    const summary = await say('Rosa Díaz', whatsapp);
    expect(summary[0]).toMatch(/^Reservo .+ el viernes 4 de diciembre a las 5:00 p. m. a nombre de Rosa Díaz \(tel\. \+18095550166\)\. ¿Confirmo\?$/);
    expect((await say('sí', whatsapp))[0]).toMatch(/^¡Listo! Tu cita BV-\d+ quedó el viernes 4 de diciembre a las 5:00 p\. m\./);
    expect(backend.studio.bookingsOf('+18095550166')).toHaveLength(1);
  });
});
