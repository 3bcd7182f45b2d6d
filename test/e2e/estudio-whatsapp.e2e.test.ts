import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { createDemoBackend, type DemoBackend } from '../../src/demo-backend/server.js';
import { loadSeed } from '../../src/demo-backend/seed.js';
import { spokenDate } from '../../src/machines/workflow/spoken-dates.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN_ENV = 'HILO_TEST_ESTUDIO_WA_BACKEND_TOKEN';
const BACKEND_TOKEN = 'estudio-wa-backend-token';
// Each tenant's own WhatsApp number and app secret (`HILO_WHATSAPP_*_<T>`, docs/channels.md).
const STUDIO = { secret: 'estudio-wa-app-secret-5c1f', phoneNumberId: '209876543210987', accessToken: 'estudio-wa-access-token' };
const STORE = { secret: 'ferreteria-wa-app-secret-91ab', phoneNumberId: '106540352242922', accessToken: 'ferreteria-wa-access-token' };
const CUSTOMER = '18095550166';
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** A weekday (Monday–Friday) at least `from` days ahead in Santo Domingo: as typed, as stored, as spoken back. */
function weekdayAhead(from: number): { said: string; iso: string; spoken: string } {
  for (let days = from; ; days++) {
    const t = new Date(systemClock.now() - 4 * 3_600_000 + days * 86_400_000);
    if (t.getUTCDay() === 0 || t.getUTCDay() === 6) continue;
    const iso = t.toISOString().slice(0, 10);
    return { said: `${t.getUTCDate()} de ${MONTHS[t.getUTCMonth()]}`, iso, spoken: spokenDate(iso, 'es')! };
  }
}

interface SentMessage {
  to?: string;
  type?: string;
  text?: { body?: string };
  interactive?: { body?: { text?: string }; action?: { buttons?: Array<{ reply: { id: string; title: string } }> } };
}

/**
 * Issue 17's "done when" over a signed WhatsApp Cloud webhook: the studio's own number and app
 * secret, the whole runtime with its data, classifier and workflows, the demo business backend on
 * loopback and a fake Graph API. The customer's WhatsApp number is the booking's phone (never asked);
 * every reply reaches the fake Graph API from the studio's number with its token, and each step is
 * in the backend's bookings. A body signed with the other tenant's secret is refused.
 */
describe('estudio over a signed WhatsApp webhook: book, reschedule, pay and cancel', () => {
  let backend: DemoBackend;
  let server: TestServer;
  let graph: FakeGraph;
  let tenantsDir: string;
  let wamids = 0;

  beforeAll(async () => {
    backend = createDemoBackend({ seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')), clock: systemClock, logger: createSilentLogger(), token: BACKEND_TOKEN });
    const url = await backend.listen(0, '127.0.0.1');
    tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-estudio-wa-'));
    for (const t of ['estudio', 'ferreteria']) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
    const file = join(tenantsDir, 'estudio', 'tenant.json');
    const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...settings, backend: { baseUrl: `${url}/estudio`, auth: { type: 'bearer', tokenEnv: TOKEN_ENV } } }));
    process.env[TOKEN_ENV] = BACKEND_TOKEN;
    // The fake Graph API accepts the studio's number and token only: a reply sent from the store's would fail.
    graph = await startFakeGraph({ accessToken: STUDIO.accessToken, phoneNumberId: STUDIO.phoneNumberId });
    server = await startHiloForTest({
      env: {
        HILO_TENANTS_DIR: tenantsDir,
        HILO_PUBLIC_URL: 'https://hilo.example.com',
        HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
        HILO_WHATSAPP_PAIR_BURST: '1000',
        HILO_WHATSAPP_APP_SECRET_ESTUDIO: STUDIO.secret,
        HILO_WHATSAPP_VERIFY_TOKEN_ESTUDIO: 'estudio-verify-token',
        HILO_WHATSAPP_PHONE_NUMBER_ID_ESTUDIO: STUDIO.phoneNumberId,
        HILO_WHATSAPP_ACCESS_TOKEN_ESTUDIO: STUDIO.accessToken,
        HILO_WHATSAPP_APP_SECRET_FERRETERIA: STORE.secret,
        HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'ferreteria-verify-token',
        HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: STORE.phoneNumberId,
        HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: STORE.accessToken,
      },
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await graph?.close();
    await backend?.close();
    delete process.env[TOKEN_ENV];
    if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
  });

  const sent = (to = CUSTOMER): SentMessage[] => graph.requests.filter((r) => r.status === 200 && r.body?.to === to).map((r) => r.body as SentMessage);
  const textOf = (m: SentMessage): string => m.text?.body ?? m.interactive?.body?.text ?? '';

  function webhook(tenant: string, message: Record<string, unknown>, secret: string, phoneNumberId: string, from = CUSTOMER): Promise<Response> {
    const body = waMessage({ id: `wamid.estudio.${process.pid}.${++wamids}`, timestamp: String(Math.floor(systemClock.now() / 1000)), ...message }, { from, name: 'Rosa' });
    const raw = metaJson({ ...body, entry: (body.entry as Array<Record<string, unknown>>).map((e) => ({ ...e, changes: (e.changes as Array<{ value: Record<string, unknown> }>).map((c) => ({ ...c, value: { ...c.value, metadata: { display_phone_number: '18095550000', phone_number_id: phoneNumberId } } })) })) });
    return fetch(`${server.baseUrl}/webhooks/whatsapp/${tenant}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(secret, raw) },
      body: new Uint8Array(raw),
    });
  }

  /** One signed customer message to the studio's number; returns what reached the fake Graph API for it. */
  async function send(message: Record<string, unknown>, from = CUSTOMER): Promise<SentMessage[]> {
    const before = sent(from).length;
    const res = await webhook('estudio', message, STUDIO.secret, STUDIO.phoneNumberId, from);
    expect(res.status).toBe(200);
    await server.hilo.drainOutbox();
    return sent(from).slice(before);
  }
  const say = async (text: string, from = CUSTOMER): Promise<string[]> => (await send({ type: 'text', text: { body: text } }, from)).map(textOf);

  it('should refuse a body signed with the other tenant\'s app secret, and send nothing for it', async () => {
    const forged = await webhook('estudio', { type: 'text', text: { body: 'quiero agendar un corte' } }, STORE.secret, STUDIO.phoneNumberId);
    expect(forged.status).toBe(403);
    const crossed = await webhook('ferreteria', { type: 'text', text: { body: 'hola' } }, STUDIO.secret, STORE.phoneNumberId);
    expect(crossed.status).toBe(403);
    await server.hilo.drainOutbox();
    expect(sent()).toEqual([]);
  });

  it('should book, reschedule, pay and cancel, with every reply at the fake Graph API and each step in the backend', { timeout: 90_000 }, async () => {
    const phone = `+${CUSTOMER}`;
    const first = weekdayAhead(2);
    const second = weekdayAhead(3);

    // Book: the WhatsApp number is the booking's phone, so only the name is asked.
    expect(await say(`hola, quiero agendar un corte el ${first.said} a las 3`)).toEqual([`¡Hola! Hay espacio el ${first.spoken} a las 3:00 p. m. 👍`, '¿A nombre de quién hago la reserva?']);
    const summary = await send({ type: 'text', text: { body: 'Rosa Díaz' } });
    expect(summary.map(textOf)).toEqual([`Reservo Corte y secado el ${first.spoken} a las 3:00 p. m. a nombre de Rosa Díaz (tel. ${phone}). ¿Confirmo?`]);
    // The summary's yes/no go out as reply buttons; the customer taps "Sí, confirmo".
    const yes = summary[0]!.interactive?.action?.buttons?.find((b) => b.reply.title === 'Sí, confirmo')?.reply;
    expect(yes, JSON.stringify(summary)).toBeDefined();
    const booked = (await send({ type: 'interactive', interactive: { type: 'button_reply', button_reply: yes } })).map(textOf);
    expect(booked[0]).toMatch(new RegExp(`^¡Listo! Tu cita BV-\\d+ quedó el ${first.spoken} a las 3:00 p\\. m\\. Total: RD\\$1,500\\.00\\.$`));
    const bookings = backend.studio.bookingsOf(phone);
    expect(bookings).toHaveLength(1);
    const booking = bookings[0]!;
    expect(booking).toMatchObject({ serviceId: 'corte-secado', date: first.iso, time: '15:00', status: 'confirmed', customerPhone: phone });

    // Reschedule: the only active booking under this number is picked by itself.
    expect(await say('necesito mover mi cita')).toEqual(['¿Para qué día la movemos?']);
    expect(await say(`el ${second.said} a las 10`)).toEqual([`Muevo la cita ${booking.id} del ${first.spoken} a las 3:00 p. m. para el ${second.spoken} a las 10:00 a. m. ¿Confirmo?`]);
    expect(await say('sí')).toEqual([`¡Hecho! Tu cita ${booking.id} ahora es el ${second.spoken} a las 10:00 a. m.`]);
    expect(backend.studio.getBooking(booking.id)).toMatchObject({ date: second.iso, time: '10:00', status: 'confirmed' });

    // Pay: a payment link, never a request for card data.
    expect(await say('quiero pagar mi cita')).toEqual([`Te genero un enlace de pago para la cita ${booking.id} del ${second.spoken} a las 10:00 a. m. (RD$1,500.00). ¿Confirmo?`]);
    const paid = await say('dale');
    expect(paid[0]).toMatch(/^Paga RD\$1,500\.00 en este enlace seguro: http:\/\/127\.0\.0\.1:\d+\/pay\/\S+ \(vence el .+ a las? .+\)\. Nunca te pediremos la tarjeta por chat\.$/);
    expect(backend.studio.getBooking(booking.id).paymentStatus).toBe('pending');

    // Cancel.
    expect(await say('cancela mi cita por favor')).toEqual([`¿Confirmas que cancelo la cita ${booking.id} del ${second.spoken} a las 10:00 a. m.?`]);
    expect(await say('sí')).toEqual([`Tu cita ${booking.id} quedó cancelada.`]);
    expect(backend.studio.getBooking(booking.id).status).toBe('cancelled');

    // Every reply went out from the studio's number with its own token, one per bot reply (the booking's first turn sends two: the free time, then the name asked).
    const requests = graph.requests.filter((r) => r.body?.to === CUSTOMER);
    expect(requests.length).toBe(11);
    expect(requests.every((r) => r.status === 200 && r.authorization === `Bearer ${STUDIO.accessToken}` && r.path.endsWith(`/${STUDIO.phoneNumberId}/messages`))).toBe(true);
    expect(sent().map(textOf).filter((t) => /\b20\d\d-\d\d-\d\d\b/.test(t))).toEqual([]);
  });

  it('should book in English, with the day and time said the English way', { timeout: 60_000 }, async () => {
    const from = '18095550133';
    const day = weekdayAhead(4);
    const [, month, date] = day.iso.split('-').map(Number) as [number, number, number];
    const english = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1];
    const spoken = spokenDate(day.iso, 'en')!;
    expect(await say(`Hi, I'd like to book a haircut on ${english} ${date} at 4pm`, from)).toEqual([`Hi! 4:00 PM on ${spoken} is free 👍`, 'Whose name should the booking be under?']);
    expect(await say('John Smith', from)).toEqual([`I'll book Haircut and blow-dry on ${spoken} at 4:00 PM for John Smith (phone +${from}). Shall I confirm?`]);
    const done = await say('yes', from);
    expect(done[0]).toMatch(new RegExp(`^Done! Your booking BV-\\d+ is on ${spoken} at 4:00 PM\\. Total: RD\\$1,500\\.00\\.$`));
    expect(backend.studio.bookingsOf(`+${from}`)).toMatchObject([{ date: day.iso, time: '16:00', status: 'confirmed' }]);
  });
});
