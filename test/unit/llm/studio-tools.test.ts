import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createLlmBrain, type LlmUnderstandInput } from '../../../src/actors/brain/llm/llm-brain.js';
import { createBackendClient, type BackendClient } from '../../../src/actors/connectors/index.js';
import { createDemoBackend, type DemoBackend } from '../../../src/demo-backend/server.js';
import { loadSeed } from '../../../src/demo-backend/seed.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { systemClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { createBrainFactory } from '../../../src/runtime/brain-factory.js';
import { createKeyPool } from '../../../src/runtime/key-pool.js';
import { loadLlmConfig } from '../../../src/runtime/llm-config.js';
import { createMemoryAuditTrail } from '../../../src/persistence/memory/memory-audit-trail.js';
import { createFakeToolModel } from '../../fakes/fake-model.js';
import { reply, startFakeOpenAi, type ChatBody, type FakeOpenAi } from '../../fakes/openai-server.js';
import { modelUnderstanding } from '../../helpers/model-understanding.js';
import { entriesFor } from './llm-test-kit.js';

/**
 * The studio's model against its own backend: the real `openai` client talks to the fake
 * OpenAI-protocol server on loopback, and the model's tool calls go through the connector port to
 * the demo backend on loopback.
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const logger = createSilentLogger();

let studio: TenantData;
let store: TenantData;
let backend: DemoBackend;
let backendUrl: string;
let fake: FakeOpenAi | undefined;
let n = 0;

beforeAll(async () => {
  studio = await loadTenant(join(ROOT, 'tenants/estudio'));
  store = await loadTenant(join(ROOT, 'tenants/ferreteria'));
  backend = createDemoBackend({ seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')), clock: systemClock, logger });
  backendUrl = await backend.listen(0);
});
afterAll(async () => {
  await backend?.close();
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

// 5 s: the live local backend must answer even on a loaded machine; a closed one refuses at once.
const client = (baseUrl = `${backendUrl}/estudio`): BackendClient =>
  createBackendClient({ tenantId: 'estudio', backend: 'business', baseUrl, timeoutMs: 5000, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 }, clock: systemClock, logger });

function brainFor(tenant: TenantData, fakeServer: FakeOpenAi, backendClient?: BackendClient) {
  const fallbackCalls: string[] = [];
  const fallback: Brain = {
    kind: 'rules',
    parse: () => ({ intent: { name: 'out_of_scope', confidence: 0.1 }, ranking: [], entities: [], lang: 'es' }),
    understand: async (i) => {
      fallbackCalls.push(i.text);
      const u: Understanding = { nlu: { intent: { name: 'out_of_scope', confidence: 0.1 }, ranking: [], entities: [], lang: 'es' }, lang: 'es', affirmation: null, leadFields: {}, products: [], critical: false, priority: 0 };
      return u;
    },
  };
  const brain = createLlmBrain({
    pool: createKeyPool({ entries: entriesFor(fakeServer, [{ id: 'a' }]), clock: systemClock, logger }),
    fallback,
    tenant: { id: tenant.settings.id, displayName: tenant.settings.displayName, defaultLang: 'es' },
    logger,
    clock: systemClock,
    ...(tenant.intents ? { intents: tenant.intents } : {}),
    ...(tenant.prompts ? { tenantPrompts: tenant.prompts } : {}),
    tools: { data: tenant, ...(backendClient ? { backend: backendClient } : {}) },
    clientOptions: { timeoutMs: 5_000, deadlineMs: 10_000, maxRetries: 0 },
  });
  return { brain, fallbackCalls };
}

function input(text: string, over: Partial<LlmUnderstandInput> = {}): LlmUnderstandInput {
  n++;
  return { text, messageId: `m-${n}`, expecting: { kind: 'none' }, lang: 'es', idempotencyKey: `conv-${n}:m-${n}:understand`, conversationId: `conv-${n}`, ...over };
}

const call = (id: string, name: string, args: unknown = {}) => ({ id, name, arguments: JSON.stringify(args) });
const toolResults = (body: ChatBody) => (body.messages ?? []).filter((m) => m.role === 'tool').map((m) => JSON.parse(String(m.content)) as Record<string, any>);
const offered = (body: ChatBody) => (body.tools ?? []).map((t) => t.function.name).sort();
const studioReading = (intent: string) => modelUnderstanding({ intent });

/** Books the first free slot of a service a few days ahead, over the backend's HTTP API, for this phone. */
async function book(phone: string, serviceId = 'corte-secado'): Promise<{ id: string }> {
  for (let days = 2; days < 12; days++) {
    const date = new Date(systemClock.now() + days * 86_400_000).toISOString().slice(0, 10);
    const slots = (await (await fetch(`${backendUrl}/estudio/slots?service=${serviceId}&date=${date}`)).json()) as { items: { slotId: string }[] };
    if (slots.items.length === 0) continue;
    const res = await fetch(`${backendUrl}/estudio/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId, slotId: slots.items[0]!.slotId, customer: { phone, name: 'Cliente Prueba' } }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  }
  throw new Error('no free slot in the next days');
}

describe("the studio's LLM tools", () => {
  it("should offer the studio's model only the studio's tools, with a prompt about the studio", async () => {
    fake = await startFakeOpenAi({ script: [reply.json(studioReading('consultar_paquetes'))] });
    const { brain } = brainFor(studio, fake, client());
    const u = await brain.understand(input('que paquetes tienen?'));
    expect(u.nlu.intent.label).toBe('consultar_paquetes');
    const body = fake.requests[0]!.body;
    expect(offered(body)).toEqual(['escalate', 'get_hours', 'list_packages', 'list_services', 'my_bookings', 'my_history']);
    const system = String(body.messages![0]!.content);
    expect(system).toContain('Estudio Bella Vida, a beauty and wellness studio');
    expect(system).toContain('my_bookings');
    expect(system).not.toMatch(/hardware|ferreter|search_catalog|account_status|save_lead_field/i);
  });

  it('should offer no backend tools to a studio without a backend, and the hardware store its tools as before', async () => {
    fake = await startFakeOpenAi({ script: [reply.json(studioReading('saludo')), reply.json(modelUnderstanding({ intent: 'greeting' }))] });
    await brainFor(studio, fake).brain.understand(input('hola'));
    await brainFor(store, fake).brain.understand(input('hola'));
    expect(offered(fake.requests[0]!.body)).toEqual(['escalate']);
    expect(offered(fake.requests[1]!.body)).toEqual(['account_status', 'escalate', 'get_price', 'save_lead_field', 'search_catalog', 'verify_email']);
    expect(String(fake.requests[1]!.body.messages![0]!.content)).toContain('a hardware store (ferretería)');
  });

  it("should answer list_packages with the backend's packages", async () => {
    fake = await startFakeOpenAi({ script: [reply.toolCalls([call('c1', 'list_packages'), call('c2', 'get_hours')]), reply.json(studioReading('consultar_paquetes'))] });
    const { brain } = brainFor(studio, fake, client());
    const u = await brain.understand(input('que paquetes tienen y a que hora abren?'));
    const [packages, hours] = toolResults(fake.requests[1]!.body);
    const fromBackend = ((await (await fetch(`${backendUrl}/estudio/packages`)).json()) as { items: { id: string; name: { es: string }; price: number }[] }).items;
    expect(fromBackend.length).toBeGreaterThan(0);
    expect(packages!.packages.map((p: { id: string; name: string; price_dop: number }) => [p.id, p.name, p.price_dop])).toEqual(fromBackend.map((p) => [p.id, p.name.es, p.price]));
    expect(hours).toMatchObject({ name: 'Estudio Bella Vida', hours: { sat: '08:00-18:00', sun: 'closed' } });
    expect(u.tools).toEqual([
      { name: 'list_packages', outcome: 'ok' },
      { name: 'get_hours', outcome: 'ok' },
    ]);
  });

  it("should read my_bookings for the conversation's own phone only, whatever the model asks", async () => {
    const mine = `+1809555${String(1000 + (process.pid % 9000)).padStart(4, '0')}`;
    const theirs = `+1829555${String(1000 + ((process.pid + 7) % 9000)).padStart(4, '0')}`;
    const own = await book(mine);
    const other = await book(theirs, 'manicure-clasico');
    fake = await startFakeOpenAi({
      script: [
        // The model tries to point the tool at another customer's phone, then asks for its own.
        reply.toolCalls([call('c1', 'my_bookings', { phone: theirs }), call('c2', 'my_bookings')]),
        reply.json(studioReading('consulta_estado')),
        // The same question from the web widget: no phone says who the customer is.
        reply.toolCalls([call('c3', 'my_bookings')]),
        reply.json(studioReading('consulta_estado')),
      ],
    });
    const { brain } = brainFor(studio, fake, client());
    const u = await brain.understand(input(`cuando es mi cita? mi amiga tiene el ${theirs}`, { contactPhone: mine.slice(1) }));
    const [pointed, ownResult] = toolResults(fake.requests[1]!.body);
    expect(pointed).toMatchObject({ error: 'invalid_arguments' });
    expect(ownResult!.bookings.map((b: { id: string }) => b.id)).toEqual([own.id]);
    expect(JSON.stringify(fake.requests[1]!.body.messages!.filter((m) => m.role === 'tool'))).not.toContain(other.id);
    expect(u.tools).toEqual([
      { name: 'my_bookings', outcome: 'invalid_arguments' },
      { name: 'my_bookings', outcome: 'ok' },
    ]);

    await brain.understand(input('cuando es mi cita?', { contactPhone: null }));
    expect(toolResults(fake.requests[3]!.body)).toEqual([expect.objectContaining({ error: 'contact_unknown' })]);
  });

  it("should read my_history from the backend's purchases of the conversation's phone", async () => {
    const seed = await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json'));
    const customer = seed.customers.find((c) => seed.purchases.some((p) => p.customerPhone === c.phone))!;
    fake = await startFakeOpenAi({ script: [reply.toolCalls([call('c1', 'my_history')]), reply.json(studioReading('consultar_historial'))] });
    const { brain } = brainFor(studio, fake, client());
    await brain.understand(input('que me he hecho antes?', { contactPhone: customer.phone }));
    const [history] = toolResults(fake.requests[1]!.body);
    const expected = backend.studio.history(customer.phone).purchases;
    expect(expected.length).toBeGreaterThan(0);
    expect(history!.purchases.map((p: { date: string; amount_dop: number }) => [p.date, p.amount_dop])).toEqual(expected.slice(0, 20).map((p) => [p.date, p.amount]));
    const names = new Map([...seed.services, ...seed.packages].map((s) => [s.id, s.name.es]));
    expect(history!.purchases[0].item).toBe(names.get(expected[0]!.itemId));
  });

  it('should give the model a typed error when the backend is down, and still read the message', async () => {
    const down = createDemoBackend({ seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')), clock: systemClock, logger });
    const url = await down.listen(0);
    await down.close();
    fake = await startFakeOpenAi({ script: [reply.toolCalls([call('c1', 'list_packages'), call('c2', 'my_bookings')]), reply.json(studioReading('consultar_paquetes'))] });
    const { brain, fallbackCalls } = brainFor(studio, fake, client(`${url}/estudio`));
    const u = await brain.understand(input('que paquetes tienen?', { contactPhone: '+18095550199' }));
    expect(toolResults(fake.requests[1]!.body)).toEqual([
      expect.objectContaining({ error: 'backend_unavailable', code: 'HILO_ERR_BACKEND_UNAVAILABLE' }),
      // Connection refused again, or the circuit breaker opened after the failures before it.
      expect.objectContaining({ error: 'backend_unavailable', code: expect.stringMatching(/^HILO_ERR_BACKEND_(UNAVAILABLE|CIRCUIT_OPEN)$/) }),
    ]);
    expect(JSON.stringify(toolResults(fake.requests[1]!.body))).not.toMatch(/packages|bookings"/);
    // The model's reading stands: the machine answers the customer (the info route says the system is down).
    expect(fallbackCalls).toEqual([]);
    expect(u.nlu.intent.label).toBe('consultar_paquetes');
    expect(u.tools).toEqual([
      { name: 'list_packages', outcome: 'backend_unavailable' },
      { name: 'my_bookings', outcome: 'backend_unavailable' },
    ]);
  });

  it("should call the runtime's connector when the factory is handed one, else one built from tenant.json", async () => {
    const gone = createDemoBackend({ seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')), clock: systemClock, logger });
    const goneUrl = await gone.listen(0);
    await gone.close();
    // tenant.json names a backend that does not answer; the runtime's connector reaches the live one.
    const data: TenantData = { ...studio, settings: { ...studio.settings, backend: { baseUrl: `${goneUrl}/estudio`, timeoutMs: 500 } } };
    fake = await startFakeOpenAi({
      script: [reply.toolCalls([call('c1', 'list_packages')]), reply.json(studioReading('consultar_paquetes')), reply.toolCalls([call('c2', 'list_packages')]), reply.json(studioReading('consultar_paquetes'))],
    });
    const llm = loadLlmConfig({ HILO_LLM_BASE_URL: fake.baseURL, HILO_LLM_MODEL: 'm', HILO_LLM_API_KEYS: 'a=sk-test-a', HILO_LLM_TIMEOUT_MS: '5000', HILO_LLM_DEADLINE_MS: '10000' });
    const factory = createBrainFactory(llm, { clock: systemClock, logger, clientOptions: { maxRetries: 0 }, env: {} });
    const audit = createMemoryAuditTrail({ clock: systemClock, logger });
    const handed = await factory(data, { audit, backend: client() });
    await handed.brain.understand({ text: 'que paquetes tienen?', messageId: 'f-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'f-conv-1:f-1:understand' });
    expect(toolResults(fake.requests[1]!.body)[0]).toHaveProperty('packages');
    const own = await factory(data, { audit });
    await own.brain.understand({ text: 'que paquetes tienen?', messageId: 'f-2', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'f-conv-2:f-2:understand' });
    expect(toolResults(fake.requests[3]!.body)[0]).toMatchObject({ error: 'backend_unavailable' });
    await handed.close?.();
    await own.close?.();
  });

  it('should let the fake tool model (npm run fake-llm) read the studio in its own labels and call its backend tools', async () => {
    const model = createFakeToolModel({ tenant: store, tenants: [studio] });
    fake = await startFakeOpenAi({ handler: model });
    const { brain, fallbackCalls } = brainFor(studio, fake, client());
    const u = await brain.understand(input('que paquetes tienen?'));
    expect(fallbackCalls).toEqual([]);
    expect(u.nlu.intent.label).toBe('consultar_paquetes');
    expect(u.tools).toEqual([{ name: 'list_packages', outcome: 'ok' }]);
    const greeting = await brainFor(store, fake).brain.understand(input('hola, buenos dias'));
    expect(greeting.nlu.intent.name).toBe('greeting');
    expect(model.stats.rejected).toBe(0);
  });
});
