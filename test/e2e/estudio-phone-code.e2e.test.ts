import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { createDemoBackend, type DemoBackend } from '../../src/demo-backend/server.js';
import { loadSeed } from '../../src/demo-backend/seed.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

/**
 * docs/workflows-trust.md, the web one-time code: a web visitor who types a phone and asks to
 * cancel its booking gets a 6-digit code at that number's WhatsApp (the studio's own channel, a
 * fake Graph API); typed back, the number is known in that conversation and the booking is
 * cancelled. A wrong code is refused, the code never reaches the transcript, and five wrong codes
 * lock the number.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STUDIO = { secret: 'estudio-otp-app-secret-77aa', phoneNumberId: '209876543210555', accessToken: 'estudio-otp-access-token' };
const CUSTOMER = '18095550177';
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** A weekday at least `from` days ahead in Santo Domingo, as typed. */
function weekdayAhead(from: number): string {
  for (let days = from; ; days++) {
    const t = new Date(systemClock.now() - 4 * 3_600_000 + days * 86_400_000);
    if (t.getUTCDay() === 0 || t.getUTCDay() === 6) continue;
    return `${t.getUTCDate()} de ${MONTHS[t.getUTCMonth()]}`;
  }
}

describe('estudio: a web visitor proves a booking phone with a WhatsApp code', () => {
  let backend: DemoBackend;
  let server: TestServer;
  let graph: FakeGraph;
  let tenantsDir: string;

  beforeAll(async () => {
    backend = createDemoBackend({ seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')), clock: systemClock, logger: createSilentLogger() });
    const url = await backend.listen(0, '127.0.0.1');
    tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-estudio-otp-'));
    for (const t of ['estudio', 'ferreteria']) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
    const file = join(tenantsDir, 'estudio', 'tenant.json');
    const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...settings, backend: { baseUrl: `${url}/estudio`, timeoutMs: 5000 } }));
    graph = await startFakeGraph({ accessToken: STUDIO.accessToken, phoneNumberId: STUDIO.phoneNumberId });
    server = await startHiloForTest({
      env: {
        HILO_TENANTS_DIR: tenantsDir,
        HILO_PUBLIC_URL: 'https://hilo.example.com',
        HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
        HILO_WHATSAPP_PAIR_BURST: '1000',
        HILO_WHATSAPP_APP_SECRET_ESTUDIO: STUDIO.secret,
        HILO_WHATSAPP_VERIFY_TOKEN_ESTUDIO: 'estudio-otp-verify-token',
        HILO_WHATSAPP_PHONE_NUMBER_ID_ESTUDIO: STUDIO.phoneNumberId,
        HILO_WHATSAPP_ACCESS_TOKEN_ESTUDIO: STUDIO.accessToken,
      },
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await graph?.close();
    await backend?.close();
    if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
  });

  /** One REST turn: the bot's texts, and the customer's line as the conversation stored it. */
  async function say(sender: string, text: string): Promise<{ bot: string; customer: string[] }> {
    const res = await fetch(`${server.baseUrl}/api/tenants/estudio/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender, text }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { messages?: { author: string; text: string }[] };
    await server.hilo.drainOutbox();
    const messages = body.messages ?? [];
    return { bot: messages.filter((m) => m.author === 'bot').map((m) => m.text.replace(/\n/g, ' ')).join('\n'), customer: messages.filter((m) => m.author === 'customer').map((m) => m.text) };
  }
  let wamids = 0;
  /** One signed customer message to the studio's WhatsApp number (it opens the 24-hour window a code needs). */
  async function fromWhatsApp(from: string, text: string): Promise<void> {
    const body = waMessage({ id: `wamid.otp.${process.pid}.${++wamids}`, timestamp: String(Math.floor(systemClock.now() / 1000)), type: 'text', text: { body: text } }, { from, name: 'Rosa' });
    const raw = metaJson({ ...body, entry: (body.entry as Array<Record<string, unknown>>).map((e) => ({ ...e, changes: (e.changes as Array<{ value: Record<string, unknown> }>).map((c) => ({ ...c, value: { ...c.value, metadata: { display_phone_number: '18095550000', phone_number_id: STUDIO.phoneNumberId } } })) })) });
    const res = await fetch(`${server.baseUrl}/webhooks/whatsapp/estudio`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(STUDIO.secret, raw) }, body: new Uint8Array(raw) });
    expect(res.status).toBe(200);
    await server.hilo.drainOutbox();
  }
  /** The codes the fake Graph API carried to a number. */
  const codesTo = (to: string): string[] =>
    graph.requests.filter((r) => r.status === 200 && r.body?.to === to).flatMap((r) => /\b(\d{6})\b/.exec((r.body as { text?: { body?: string } }).text?.body ?? '')?.[1] ?? []);

  it('should send the code to the number\'s WhatsApp, refuse a wrong one, and cancel once the right one is typed', { timeout: 90_000 }, async () => {
    // The customer booked from her WhatsApp...
    await fromWhatsApp(CUSTOMER, `quiero cita de manicure el ${weekdayAhead(2)} a las 10`);
    await fromWhatsApp(CUSTOMER, 'Rosa Díaz');
    await fromWhatsApp(CUSTOMER, 'sí');
    const [booking] = backend.studio.bookingsOf(`+${CUSTOMER}`);
    expect(booking).toBeDefined();

    // ...then, on the web, types that number: a code goes to its WhatsApp, nothing is shown yet.
    const visitor = `otp-visitor-${process.pid}`;
    const asked = await say(visitor, `quiero cancelar mi cita, mi número es 809-555-${CUSTOMER.slice(-4)}`);
    expect(asked.bot).toMatch(/te envié un código de 6 dígitos por WhatsApp al número terminado en 0177/);
    expect(asked.bot).not.toMatch(/BV-/);
    const [code] = codesTo(CUSTOMER);
    expect(code).toMatch(/^\d{6}$/);
    expect(graph.requests.find((r) => r.body?.to === CUSTOMER)?.authorization).toBe(`Bearer ${STUDIO.accessToken}`);

    // A wrong code: refused, and masked like the right one.
    const wrongCode = code === '111111' ? '222222' : '111111';
    const wrong = await say(visitor, wrongCode);
    expect(wrong.bot).toMatch(/Ese código no coincide/);
    expect(wrong.customer.join(' ')).not.toContain(wrongCode);

    const right = await say(visitor, code!);
    expect(right.bot).toMatch(/número confirmado/);
    expect(right.bot).toContain(`¿Confirmas que cancelo la cita ${booking!.id}`);
    expect(right.customer.join(' ')).not.toContain(code!);
    expect((await say(visitor, 'sí')).bot).toContain(`Tu cita ${booking!.id} quedó cancelada.`);
    expect(backend.studio.getBooking(booking!.id).status).toBe('cancelled');

    // The transcript keeps the masked code only.
    const transcript = JSON.stringify(await (await fetch(`${server.baseUrl}/api/tenants/estudio/conversations?sender=${visitor}`, { headers: { authorization: `Bearer ${server.apiKey}` } })).text());
    expect(transcript).not.toContain(code!);
  });

  it('should lock the number after five wrong codes', { timeout: 90_000 }, async () => {
    const number = '18095550188';
    await fromWhatsApp(number, 'hola');
    const visitor = `otp-guesser-${process.pid}`;
    expect((await say(visitor, 'quiero mover mi cita')).bot).toMatch(/¿Cuál es ese número\?/);
    expect((await say(visitor, `mi número es 809 555 ${number.slice(-4)}`)).bot).toMatch(/terminado en 0188/);
    const [code] = codesTo(number);
    const guesses = ['000001', '000002', '000003', '000004', '000005'].filter((g) => g !== code);
    const replies: string[] = [];
    for (const g of guesses.slice(0, 5)) replies.push((await say(visitor, g)).bot);
    expect(replies.slice(0, 4).every((r) => /no coincide/.test(r))).toBe(true);
    expect(replies[4]).toMatch(/No pude confirmar el número/);
    // The right code no longer counts, and is still a code: masked, and never read as a booking
    // (harden15: it got "¿Qué servicio te gustaría reservar?", the studio reading a bare number as one).
    const late = await say(visitor, code!);
    expect(late.bot).not.toMatch(/número confirmado|servicio te gustar[ií]a reservar/);
    expect(late.customer.join(' ')).not.toContain(code!);
    const move = await say(visitor, 'quiero mover mi cita');
    expect(move.bot).toMatch(/¿Cuál es ese número\?/);
    expect((await say(visitor, `es el 809 555 ${number.slice(-4)}`)).bot).toMatch(/solo puedo verlas, cancelarlas o moverlas desde el WhatsApp/);
    // A new code for the number is refused today, in another conversation too.
    const sentBefore = codesTo(number).length;
    const again = await say(`${visitor}-2`, `quiero mover mi cita, mi número es 809 555 ${number.slice(-4)}`);
    expect(again.bot).toMatch(/solo puedo verlas, cancelarlas o moverlas desde el WhatsApp/);
    expect(codesTo(number)).toHaveLength(sentBefore);
  });
});
