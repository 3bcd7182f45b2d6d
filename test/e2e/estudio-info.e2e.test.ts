import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantInfo } from '../../src/actors/tools/tenant-info.tool.js';
import { createBackendClient } from '../../src/actors/connectors/index.js';
import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { createDemoBackend, type DemoBackend } from '../../src/demo-backend/server.js';
import { loadSeed } from '../../src/demo-backend/seed.js';
import { loadTenant } from '../../src/persistence/tenant-loader.js';
import { renderReply } from '../../src/actors/render-reply.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { startFakeTelegramApi, telegramTextUpdate, type FakeTelegramApi } from '../fakes/telegram-bot-api.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The studio's informational answers come from its business backend (the demo backend on
 * loopback), and the demo API key opens both demo tenants. Both tenant folders are copied so the
 * test can name the backend's port in estudio's tenant.json.
 */
let backend: DemoBackend;
let server: TestServer;
let tenantsDir: string;
let sender = 0;
let telegram: FakeTelegramApi;
const TG = { bot: '424242:studio-test-bot', secret: 'studio_tg_secret_1' };

beforeAll(async () => {
  backend = createDemoBackend({ seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')), clock: systemClock, logger: createSilentLogger() });
  const url = await backend.listen();
  tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-estudio-info-'));
  for (const t of ['estudio', 'ferreteria']) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
  const file = join(tenantsDir, 'estudio', 'tenant.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  // Calls to the live local backend must answer: a loaded machine's loopback can take over a second.
  await writeFile(file, JSON.stringify({ ...settings, backend: { baseUrl: `${url}/estudio`, timeoutMs: 5000 } }));
  telegram = await startFakeTelegramApi({ botToken: TG.bot });
  server = await startHiloForTest({
    env: { HILO_TENANTS_DIR: tenantsDir, HILO_TELEGRAM_API_URL: telegram.baseUrl, HILO_TELEGRAM_BOT_TOKEN_ESTUDIO: TG.bot, HILO_TELEGRAM_SECRET_TOKEN_ESTUDIO: TG.secret },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await backend?.close();
  await telegram?.close();
  if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
});

async function say(tenant: string, text: string): Promise<{ status: number; bot: string; options: { label: string; text: string }[] }> {
  const res = await fetch(`${server.baseUrl}/api/tenants/${tenant}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender: `info-${process.pid}-${++sender}`, text }),
  });
  const body = (await res.json()) as { messages?: { author: string; text: string; options?: { label: string; text: string }[] }[] };
  const bot = (body.messages ?? []).filter((m) => m.author === 'bot');
  return { status: res.status, bot: bot.map((m) => m.text).join('\n'), options: bot.flatMap((m) => m.options ?? []) };
}

describe('estudio informational answers over REST', () => {
  it('should answer "que paquetes tienen?" from the backend\'s packages', async () => {
    const { status, bot } = await say('estudio', 'que paquetes tienen?');
    expect(status).toBe(200);
    expect(bot).toContain('Paquete Novia Radiante');
    expect(bot).toContain('RD$8,900.00');
  });

  it('should answer "a que hora abren el sabado" with that day\'s hours from the backend\'s schedule, in English too', async () => {
    // The day asked, not the whole week (estudio11); on a Saturday itself the answer says "Hoy sábado" (the real clock).
    const es = await say('estudio', 'a que hora abren el sabado');
    expect(es.bot).toMatch(/sábado abrimos de 8:00 a\. m\. a 6:00 p\. m\./);
    expect(es.bot).not.toMatch(/domingo/);
    const en = await say('estudio', 'what time do you open on saturday?');
    expect(en.bot).toMatch(/Saturday\)? we're open from 8:00 AM to 6:00 PM/);
  });

  it('should greet as the studio, and let the demo key open both demo tenants (and nothing else)', async () => {
    expect((await say('estudio', 'hola buenas')).bot).toContain('Estudio Bella Vida');
    const store = await say('ferreteria', 'hola buenas');
    expect(store.status).toBe(200);
    expect(store.bot).toContain('Ferretería La Romana');
    expect(store.bot).not.toContain('Bella Vida');
    expect((await say('no-such-tenant', 'hola')).status).toBeGreaterThanOrEqual(401);
  });
});

describe('estudio answers like its receptionist: service prices and the service list', () => {
  it('should price a named service from the backend, with its duration and a button that books it, in Spanish', async () => {
    const { status, bot, options } = await say('estudio', '¿cuánto cuesta un facial?');
    expect(status).toBe(200);
    expect(bot).toContain('*Facial hidratante* cuesta *RD$2,800.00* y dura 60 min');
    // "facial" is the hydrating one's word; the other facial is named after it, and each gets a button.
    expect(bot).toContain('También tenemos *Limpieza facial profunda* (RD$3,200.00)');
    expect(options).toEqual([
      { label: 'Agendar Facial hidratante', text: 'quiero agendar Facial hidratante' },
      { label: 'Agendar Limpieza facial profunda', text: 'quiero agendar Limpieza facial profunda' },
    ]);
    expect((await say('estudio', 'precio del blower')).bot).toContain('*Lavado y blower* cuesta *RD$900.00* y dura 45 min');
  });

  it('should price a named service in English, by its English alias', async () => {
    const { bot, options } = await say('estudio', 'how much is a manicure');
    expect(bot).toContain('*Classic manicure* costs *RD$600.00* and takes 45 min');
    expect(options.map((o) => o.text)).toEqual(['I want to book Classic manicure']);
  });

  it('should list the services by category with prices, then mention the packages', async () => {
    const { bot } = await say('estudio', '¿qué servicios tienen?');
    expect(bot).toMatch(/• \*uñas\*: Manicure clásico \(RD\$600\.00\), Pedicure spa \(RD\$950\.00\)/);
    expect(bot).toMatch(/• \*masajes\*: Masaje relajante/);
    expect(bot).toContain('También tenemos paquetes: Paquete Novia Radiante');
    const en = await say('estudio', 'what services do you offer');
    expect(en.bot).toMatch(/• \*nails\*: Classic manicure \(RD\$600\.00\)/);
    expect(en.bot).toContain('We also have packages: Radiant Bride package');
    // The packages are still the answer when the customer asks for them.
    expect((await say('estudio', 'que paquetes tienen?')).bot).toContain('Estos son nuestros paquetes');
  });

  it('should say the studio does not do a service it does not offer, naming what it does, never a price', async () => {
    const { bot } = await say('estudio', '¿hacen tatuajes?');
    expect(bot).toContain('No hacemos *tatuajes*');
    expect(bot).toContain('cabello, uñas, faciales, masajes');
    expect(bot).not.toMatch(/RD\$/);
  });
});

describe('tenant-info tool against the demo backend', () => {
  it('should read a customer\'s purchase history and say when a phone is needed or the backend is down', async () => {
    const data = await loadTenant(join(ROOT, 'tenants/estudio'));
    const client = createBackendClient({ tenantId: 'estudio', backend: 'business', baseUrl: `${backend.url}/estudio`, timeoutMs: 5000, clock: systemClock, logger: createSilentLogger() });
    const info = createTenantInfo({ data, client, logger: createSilentLogger() });
    const answerOf = (label: string) => data.intents?.find((i) => i.label === label)?.answer;
    const text = async (label: string, phone: string | null, lang: 'es' | 'en' = 'es') =>
      (await info.answer({ answer: answerOf(label), lang, phone, now: systemClock.now() })).replies.map((r) => renderReply(r, data.templates, lang)).join('\n');
    const history = await text('consultar_historial', '809-555-0101');
    expect(history).toContain('Alisado de keratina');
    expect(history).toContain('RD$6,500.00');
    expect(await text('consulta_estado', '+18095550101')).toContain('No veo citas próximas');
    expect(await text('consulta_estado', null)).toContain('teléfono con el que reservaste');
    expect(await text('ayuda', null, 'en')).toContain('Estudio Bella Vida');
    const down = createTenantInfo({ data, client: createBackendClient({ tenantId: 'estudio', backend: 'business', baseUrl: 'http://127.0.0.1:9/estudio', timeoutMs: 200, clock: systemClock, logger: createSilentLogger() }), logger: createSilentLogger() });
    expect(await text('pagar_servicio', null)).toMatch(/enlace de pago seguro/);
    const answer = await down.answer({ answer: answerOf('consultar_paquetes'), lang: 'es', phone: null, now: systemClock.now() });
    expect(answer.replies).toEqual([{ template: 'studio.backend_unavailable' }]);
    const price = await down.answer({ answer: answerOf('consultar_paquetes'), lang: 'en', phone: null, now: systemClock.now(), text: 'how much is a manicure' });
    expect(price.replies.map((r) => renderReply(r, data.templates, 'en')).join('\n')).toContain('I cannot reach our booking system right now');
  });

  it('should not take a Telegram chat id for a phone: a chat id that reads as a customer\'s number gets no one\'s bookings or history', async () => {
    // 8095550101 is the demo backend's customer with a purchase history (+1 809 555 0101).
    const res = await fetch(`${server.baseUrl}/webhooks/telegram/estudio`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG.secret },
      body: JSON.stringify(telegramTextUpdate(880_001, 'quiero ver mi historial de compras', 8095550101)),
    });
    expect(res.status).toBe(200);
    const deadline = Date.now() + 20_000;
    let said: string[] = [];
    while (said.length === 0 && Date.now() < deadline) {
      said = telegram.requests.filter((r) => r.method === 'sendMessage' && String(r.body?.chat_id) === '8095550101').map((r) => String(r.body?.text));
      if (said.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(said.join('\n')).toContain('teléfono con el que reservaste');
    expect(said.join('\n')).not.toContain('keratina');
    expect(said.join('\n')).not.toContain('RD$6,500.00');
  }, 30_000);
});
