import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoBackend, type DemoBackend } from '../../src/demo-backend/server.js';
import { loadSeed } from '../../src/demo-backend/seed.js';
import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { createBrainFactory } from '../../src/runtime/brain-factory.js';
import { loadLlmConfig } from '../../src/runtime/llm-config.js';
import { reply, startFakeOpenAi, type ChatBody, type FakeOpenAi, type FakeResponse } from '../fakes/openai-server.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { modelUnderstanding } from '../helpers/model-understanding.js';

/**
 * The whole runtime with both demo tenants and the LLM brain: the real `openai` client against
 * the fake OpenAI-protocol server, the studio's tool calls against the demo backend, both on
 * loopback. Customers write over REST (a sender id, not a phone) and over a signed WhatsApp
 * webhook (the number the customer writes from: the only phone the bound tools trust).
 */
const WA = { secret: 'estudio-llm-wa-secret-7d2e', phoneNumberId: '209876543210111', accessToken: 'estudio-llm-wa-token' };

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let backend: DemoBackend;
let backendUrl: string;
let fake: FakeOpenAi;
let server: TestServer;
let tenantsDir: string;
let seq = 0;
let graph: FakeGraph;
let wamids = 0;

/**
 * A small model for the test: for the studio, a first round that calls `list_packages` (packages)
 * or `my_bookings` (an appointment), then the reading; for the store, a greeting without tools.
 */
function model(body: ChatBody): FakeResponse {
  const messages = body.messages ?? [];
  const system = String(messages[0]?.content ?? '');
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  const text = String(messages[lastUser]?.content ?? '').toLowerCase();
  const afterTools = messages.slice(lastUser + 1).some((m) => m.role === 'tool');
  if (!system.includes('Estudio Bella Vida')) return reply.json(modelUnderstanding({ intent: 'greeting' }));
  if (text.includes('agendar')) return reply.json(modelUnderstanding({ intent: 'agendar_cita' }));
  const wants = text.includes('paquete') ? 'list_packages' : text.includes('cita') ? 'my_bookings' : null;
  if (wants !== null && !afterTools) return reply.toolCalls([{ id: `call_${++seq}`, name: wants, arguments: '{}' }]);
  return reply.json(modelUnderstanding({ intent: wants === 'list_packages' ? 'consultar_paquetes' : wants === 'my_bookings' ? 'consulta_estado' : 'saludo' }));
}

beforeAll(async () => {
  backend = createDemoBackend({ seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')), clock: systemClock, logger: createSilentLogger() });
  backendUrl = await backend.listen(0);
  tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-estudio-llm-'));
  for (const t of ['estudio', 'ferreteria']) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
  const file = join(tenantsDir, 'estudio', 'tenant.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  // Calls to the live local backend must answer: a loaded machine's loopback can take over a second.
  await writeFile(file, JSON.stringify({ ...settings, backend: { baseUrl: `${backendUrl}/estudio`, timeoutMs: 5000 } }));
  fake = await startFakeOpenAi({ handler: model });
  const llm = loadLlmConfig({ HILO_LLM_BASE_URL: fake.baseURL, HILO_LLM_MODEL: 'fake-model', HILO_LLM_API_KEYS: 'local=sk-fake-local', HILO_LLM_TIMEOUT_MS: '8000', HILO_LLM_DEADLINE_MS: '15000', HILO_TURN_TIMEOUT_MS: '30000' });
  const createBrain = createBrainFactory(llm, { clock: systemClock, logger: createSilentLogger(), clientOptions: { maxRetries: 0 } });
  graph = await startFakeGraph({ accessToken: WA.accessToken, phoneNumberId: WA.phoneNumberId });
  server = await startHiloForTest({
    createBrain,
    env: {
      HILO_TENANTS_DIR: tenantsDir,
      HILO_TURN_TIMEOUT_MS: '30000',
      HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
      HILO_WHATSAPP_PAIR_BURST: '1000',
      HILO_WHATSAPP_APP_SECRET_ESTUDIO: WA.secret,
      HILO_WHATSAPP_VERIFY_TOKEN_ESTUDIO: 'estudio-llm-verify-token',
      HILO_WHATSAPP_PHONE_NUMBER_ID_ESTUDIO: WA.phoneNumberId,
      HILO_WHATSAPP_ACCESS_TOKEN_ESTUDIO: WA.accessToken,
    },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await fake?.close();
  await graph?.close();
  await backend?.close();
  if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
});

async function say(tenant: string, sender: string, text: string): Promise<{ status: number; bot: string; requests: ChatBody[] }> {
  const before = fake.requests.length;
  const res = await fetch(`${server.baseUrl}/api/tenants/${tenant}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender, text }),
  });
  const body = (await res.json()) as { messages?: { author: string; text: string }[] };
  return { status: res.status, bot: (body.messages ?? []).filter((m) => m.author === 'bot').map((m) => m.text).join('\n'), requests: fake.requests.slice(before).map((r) => r.body) };
}

/** One signed WhatsApp message to the studio from `from`; what the model was asked and what reached the Graph API. */
async function sayOnWhatsApp(from: string, text: string): Promise<{ status: number; bot: string; requests: ChatBody[] }> {
  const before = fake.requests.length;
  const sentBefore = graph.requests.length;
  const body = waMessage({ id: `wamid.llm.${process.pid}.${++wamids}`, timestamp: String(Math.floor(systemClock.now() / 1000)), type: 'text', text: { body: text } }, { from, name: 'Rosa' });
  const raw = metaJson({ ...body, entry: (body.entry as Array<Record<string, unknown>>).map((e) => ({ ...e, changes: (e.changes as Array<{ value: Record<string, unknown> }>).map((c) => ({ ...c, value: { ...c.value, metadata: { display_phone_number: '18095550000', phone_number_id: WA.phoneNumberId } } })) })) });
  const res = await fetch(`${server.baseUrl}/webhooks/whatsapp/estudio`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(WA.secret, raw) }, body: new Uint8Array(raw) });
  await server.hilo.drainOutbox();
  const bot = graph.requests.slice(sentBefore).filter((r) => r.status === 200 && r.body?.to === from).map((r) => String((r.body as { text?: { body?: string } }).text?.body ?? '')).join('\n');
  return { status: res.status, bot, requests: fake.requests.slice(before).map((r) => r.body) };
}

const toolResults = (requests: ChatBody[]) =>
  requests.flatMap((b) => (b.messages ?? []).filter((m) => m.role === 'tool').map((m) => JSON.parse(String(m.content)) as Record<string, any>));
const offered = (body: ChatBody | undefined) => (body?.tools ?? []).map((t) => t.function.name).sort();
const phone = (n: number) => `1809556${String((process.pid * 10 + n) % 10_000).padStart(4, '0')}`;

/** Books the first free slot a few days ahead over the backend's HTTP API. */
async function book(customer: string, serviceId: string): Promise<string> {
  for (let days = 2; days < 12; days++) {
    const date = new Date(systemClock.now() + days * 86_400_000).toISOString().slice(0, 10);
    const slots = (await (await fetch(`${backendUrl}/estudio/slots?service=${serviceId}&date=${date}`)).json()) as { items: { slotId: string }[] };
    if (slots.items.length === 0) continue;
    const res = await fetch(`${backendUrl}/estudio/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId, slotId: slots.items[0]!.slotId, customer: { phone: customer, name: 'Cliente Prueba' } }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  throw new Error('no free slot in the next days');
}

describe('the studio with the LLM brain and its backend tools', () => {
  it("should offer the studio's model only the studio's tools, and answer packages from the backend", { timeout: 60_000 }, async () => {
    const turn = await say('estudio', `web-${process.pid}`, 'que paquetes tienen?');
    expect(turn.status).toBe(200);
    expect(offered(turn.requests[0])).toEqual(['escalate', 'get_hours', 'list_packages', 'list_services', 'my_bookings', 'my_history']);
    const packages = backend.studio.packages();
    const [result] = toolResults(turn.requests);
    expect(result!.packages.map((p: { id: string }) => p.id)).toEqual(packages.map((p) => p.id));
    for (const p of packages) expect(turn.bot).toContain(p.name.es);
  });

  it("should read the customer's own bookings by the WhatsApp number they write from, never another's", { timeout: 60_000 }, async () => {
    const mine = phone(1);
    const ownId = await book(`+${mine}`, 'corte-secado');
    const otherId = await book(`+${phone(2)}`, 'manicure-clasico');
    const turn = await sayOnWhatsApp(mine, `cuando es mi cita? la de +${phone(2)} tambien`);
    expect(turn.status).toBe(200);
    const [result] = toolResults(turn.requests);
    expect(result!.bookings.map((b: { id: string }) => b.id)).toEqual([ownId]);
    expect(JSON.stringify(toolResults(turn.requests))).not.toContain(otherId);
    expect(turn.bot).toContain('Corte y secado');
    expect(turn.bot).not.toContain('Manicure');
  });

  it('should not take a REST sender id for a phone: a numeric sender reads no one\'s bookings', { timeout: 60_000 }, async () => {
    const victim = phone(4);
    const bookingId = await book(`+${victim}`, 'corte-secado');
    const turn = await say('estudio', victim, 'cuando es mi cita?');
    expect(turn.status).toBe(200);
    expect(toolResults(turn.requests)).toEqual([expect.objectContaining({ error: 'contact_unknown' })]);
    expect(JSON.stringify(toolResults(turn.requests))).not.toContain(bookingId);
    expect(turn.bot).not.toContain('Corte y secado');
  });

  it("should leave booking to the studio's workflow: no tool writes, the reading starts the form", { timeout: 60_000 }, async () => {
    const before = backend.studio.bookingsOf(`+${phone(3)}`).length;
    const turn = await say('estudio', phone(3), 'quiero agendar una cita');
    expect(turn.status).toBe(200);
    expect(offered(turn.requests[0]).filter((t) => !['escalate', 'get_hours', 'list_packages', 'list_services', 'my_bookings', 'my_history'].includes(t))).toEqual([]);
    expect(turn.bot).toContain('¿Qué servicio te gustaría reservar?');
    expect(backend.studio.bookingsOf(`+${phone(3)}`)).toHaveLength(before);
  });

  it("should offer the hardware store's model its tools as before", { timeout: 60_000 }, async () => {
    const turn = await say('ferreteria', `store-${process.pid}`, 'hola');
    expect(turn.status).toBe(200);
    expect(offered(turn.requests[0])).toEqual(['account_status', 'escalate', 'get_price', 'save_lead_field', 'search_catalog', 'verify_email']);
    expect(String(turn.requests[0]!.messages![0]!.content)).toContain('Ferretería La Romana');
  });

  it('should give the model a typed error and the customer a sane answer when the backend is down', { timeout: 60_000 }, async () => {
    await backend.close();
    const turn = await say('estudio', `web-down-${process.pid}`, 'que paquetes tienen?');
    expect(turn.status).toBe(200);
    expect(toolResults(turn.requests)).toEqual([expect.objectContaining({ error: 'backend_unavailable', code: expect.stringMatching(/^HILO_ERR_BACKEND_/) })]);
    expect(turn.bot).toContain('Ahora mismo no puedo consultar nuestro sistema de citas');
  });
});
