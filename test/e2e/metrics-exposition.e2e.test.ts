import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelUnderstanding } from '../../src/actors/brain/llm/understanding-schema.js';
import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { createBrainFactory } from '../../src/runtime/brain-factory.js';
import { loadLlmConfig } from '../../src/runtime/llm-config.js';
import { reply, startFakeOpenAi, type ChatBody, type FakeOpenAi } from '../fakes/openai-server.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { modelUnderstanding } from '../helpers/model-understanding.js';
import { parseExposition, type Exposition } from '../helpers/prometheus-text.js';

/**
 * `/metrics` scraped over HTTP from a running Hilo after real turns (REST and signed WhatsApp
 * webhooks, the rule brain and the LLM brain against a fake provider), read with a strict
 * exposition parser: the turn histogram per channel and brain, the counters that used to be
 * missing (rate-limit refusals, webhook refusals, redeliveries, handoffs), outbox send latency.
 */

const TENANT = 'ferreteria';
const APP_SECRET = 'e2e-metrics-app-secret';

async function scrape(server: TestServer): Promise<Exposition> {
  const res = await fetch(`${server.baseUrl}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(await res.text());
}

/** Cumulative, non-decreasing buckets ending in +Inf = count, and a sum that fits the bucket bounds. */
function expectWellFormedHistogram(h: { buckets: Map<string, number>; sum: number; count: number } | undefined, count: number): void {
  expect(h, 'histogram series present').toBeDefined();
  const { buckets, sum } = h!;
  expect(h!.count).toBe(count);
  const values = [...buckets.values()];
  for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
  expect(buckets.get('+Inf')).toBe(count);
  expect(buckets.has('0.0005')).toBe(true);
  expect(buckets.has('30')).toBe(true);
  expect(sum).toBeGreaterThan(0);
  expect(sum).toBeLessThan(count * 30);
}

describe('/metrics of a running Hilo (rule brain, REST and WhatsApp)', () => {
  let server: TestServer;
  let graph: FakeGraph;
  let wamids = 0;

  const rest = (sender: string, text: string, messageId?: string) =>
    fetch(`${server.baseUrl}/api/tenants/${TENANT}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender, text, ...(messageId ? { message_id: messageId } : {}) }),
    });
  const whatsApp = (raw: Buffer, signature = metaSignature(APP_SECRET, raw)) =>
    fetch(`${server.baseUrl}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: new Uint8Array(raw) });

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: 'e2e-metrics-token' });
    server = await startHiloForTest({
      env: {
        HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '4',
        HILO_PUBLIC_URL: 'https://hilo.example.com',
        HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
        HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
        HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'e2e-metrics-verify',
        HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: '106540352242922',
        HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: 'e2e-metrics-token',
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await graph?.close();
  });

  it('should serve turn latency by channel and brain, and the counters that never reached /metrics before', async () => {
    const pid = process.pid;
    // Three REST turns the rule brain reads, then the same message id again (nothing runs).
    for (const [i, text] of ['¿Tienen cemento gris?', 'y si compro 50?', 'gracias'].entries()) {
      expect((await rest(`metrics-a-${pid}`, text, `a-${pid}-${i}`)).status).toBe(200);
    }
    const again = await rest(`metrics-a-${pid}`, 'gracias', `a-${pid}-2`);
    expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true);
    // A handoff: the request is read; the next message goes to the agents unread.
    expect((await rest(`metrics-b-${pid}`, 'quiero hablar con una persona')).status).toBe(200);
    const relayed = (await (await rest(`metrics-b-${pid}`, '¿hay alguien ahí?')).json()) as { state: { value: string } };
    expect(relayed.state.value).toMatch(/^handoff/);
    // The per-contact budget is 4 a minute: the fifth message of one sender is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await rest(`metrics-c-${pid}`, 'hola')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    // A signed WhatsApp text, its redelivery, and one with a forged signature.
    const raw = metaJson(waMessage({ id: `wamid.metrics.${pid}.${++wamids}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: '¿a qué hora abren el domingo?' } }, { from: '18095550177' }));
    expect((await whatsApp(raw)).status).toBe(200);
    expect((await whatsApp(raw)).status).toBe(200);
    expect((await whatsApp(raw, `sha256=${'0'.repeat(64)}`)).status).toBe(403);
    await server.hilo.drainOutbox();
    expect(graph.requests.some((r) => r.status === 200 && r.body?.to === '18095550177')).toBe(true);

    const m = await scrape(server);
    // Latency of every answered customer message, by channel and by who read it.
    expectWellFormedHistogram(m.histogram('hilo_turn_duration_seconds', { channel: 'rest', brain: 'rule' }), 3 + 1 + 4);
    expectWellFormedHistogram(m.histogram('hilo_turn_duration_seconds', { channel: 'rest', brain: 'none' }), 1);
    expectWellFormedHistogram(m.histogram('hilo_turn_duration_seconds', { channel: 'whatsapp', brain: 'rule' }), 1);
    expectWellFormedHistogram(m.histogram('hilo_brain_reading_duration_seconds', { brain: 'rule' }), 9);
    const activations = m.value('hilo_actor_activations_total')!;
    expect(activations).toBeGreaterThanOrEqual(4);
    expectWellFormedHistogram(m.histogram('hilo_actor_activation_duration_seconds', { source: 'new' }), activations);
    // Every committed turn was a customer message here; the histogram holds each one once.
    expect(m.value('hilo_turns_total')).toBe(3 + 1 + 1 + 4 + 1);
    // The WhatsApp reply went through the outbox: its send latency by kind.
    expect(m.histogram('hilo_outbox_send_duration_seconds', { kind: 'reply', outcome: 'delivered' })?.count).toBe(1);
    expect(m.value('hilo_outbox_delivered_total', { kind: 'reply' })).toBe(1);
    // Counters that used to stay in logs or /metrics.json.
    expect(m.value('hilo_dedupe_hits_total', { layer: 'message', channel: 'rest' })).toBe(1);
    expect(m.value('hilo_dedupe_hits_total', { layer: 'webhook', channel: 'whatsapp' })).toBe(1);
    expect(m.value('hilo_rate_limited_total', { scope: 'contact' })).toBe(1);
    expect(m.value('hilo_webhook_refusals_total', { channel: 'whatsapp', code: 'HILO_ERR_CHANNEL_SIGNATURE_INVALID' })).toBe(1);
    expect(m.value('hilo_tickets_opened_total', { kind: 'handoff', reason: 'customer_request' })).toBe(1);
    expect(m.value('hilo_audit_events_total', { type: 'ticket.opened' })).toBe(1);
    expect(m.value('hilo_http_responses_total', { route: '/api/tenants/:tenant/messages', status: '429' })).toBe(1);
    expect(m.value('hilo_http_responses_total', { route: '/webhooks/whatsapp/:tenant', status: '200' })).toBe(2);
    expect(m.value('hilo_llm_fallbacks_total')).toBe(0);
    expect(m.value('hilo_idle_closes_total')).toBe(0);
    // Process metrics under their standard names, once.
    expect(m.types.get('process_resident_memory_bytes')).toBe('gauge');
    expect(m.value('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(m.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    // No label carries a conversation id, a sender or a message id.
    const labels = m.samples.flatMap((s) => Object.values(s.labels)).join(' ');
    expect(labels).not.toMatch(/c_[0-9a-f]{32}|metrics-[abc]-|wamid|18095550177/);
    // /metrics.json keeps its shape.
    const json = (await (await fetch(`${server.baseUrl}/metrics.json`)).json()) as Record<string, unknown>;
    expect(json).toMatchObject({ turns: 10, outbox: { delivered: { reply: 1 } } });
  }, 60_000);
});

describe('/metrics of a running Hilo (LLM brain, fake provider)', () => {
  let server: TestServer;
  let fake: FakeOpenAi;
  let failing = false;
  const lastUserText = (body: ChatBody): string => String(body.messages?.filter((m) => m.role === 'user').at(-1)?.content ?? '');
  const READING: ModelUnderstanding = modelUnderstanding({ intent: 'price_quote', confidence: 0.93, entities: [{ type: 'product', value: 'cemento' }], products: [{ query: 'cemento', quantity: 2 }] });

  beforeAll(async () => {
    fake = await startFakeOpenAi({
      handler: (body) => (failing || !lastUserText(body).includes('cemento') ? reply.error(500, { message: 'fake outage' }) : reply.json(READING)),
    });
    const llm = loadLlmConfig({ HILO_LLM_BASE_URL: fake.baseURL, HILO_LLM_MODEL: 'fake-model', HILO_LLM_API_KEYS: 'a=sk-test-a', HILO_LLM_TIMEOUT_MS: '3000', HILO_LLM_DEADLINE_MS: '8000' });
    server = await startHiloForTest({ createBrain: createBrainFactory(llm, { clock: systemClock, logger: createSilentLogger(), clientOptions: { maxRetries: 0, backoffBaseMs: 1, backoffMaxMs: 2 } }) });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('should tell turns the model read from turns the rule brain read in its place', async () => {
    const say = async (text: string) => {
      const res = await fetch(`${server.baseUrl}/api/tenants/${TENANT}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sender: `metrics-llm-${process.pid}`, text }),
      });
      expect(res.status).toBe(200);
    };
    await say('¿cuánto cuestan 2 sacos de cemento?');
    failing = true;
    await say('¿tienen varilla de 3/8?');
    const m = await scrape(server);
    expectWellFormedHistogram(m.histogram('hilo_turn_duration_seconds', { channel: 'rest', brain: 'llm' }), 1);
    expectWellFormedHistogram(m.histogram('hilo_turn_duration_seconds', { channel: 'rest', brain: 'fallback' }), 1);
    expect(m.value('hilo_llm_fallbacks_total')).toBe(1);
    expect(m.histogram('hilo_brain_reading_duration_seconds', { brain: 'llm' })?.count).toBe(1);
    expect(m.value('hilo_llm_pool_active_conversations', { key_id: 'a' })).toBe(1);
    expect(m.value('hilo_llm_pool_alert')).toBe(0);
  }, 60_000);
});
