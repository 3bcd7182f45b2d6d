import { afterEach, describe, expect, it } from 'vitest';
import type { NluResult } from '../../../src/domain/nlu.js';
import type { Understanding, UnderstandInput } from '../../../src/domain/understanding.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createLlmBrain, type LlmUnderstandInput } from '../../../src/actors/brain/llm/llm-brain.js';
import type { ModelUnderstanding } from '../../../src/actors/brain/llm/understanding-schema.js';
import { UNDERSTANDING_SCHEMA } from '../../../src/actors/brain/llm/understanding-schema.js';
import { toWireSchema } from '../../../src/actors/brain/llm/json-schema.js';
import { systemClock } from '../../../src/kernel/clock.js';
import { createKeyPool } from '../../../src/runtime/key-pool.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { entriesFor } from './llm-test-kit.js';

const FALLBACK_NLU: NluResult = { intent: { name: 'out_of_scope', confidence: 0.2 }, ranking: [{ name: 'out_of_scope', confidence: 0.2 }], entities: [], lang: 'es' };

/** A stand-in for the rule brain that says it answered. */
function recordingFallback() {
  const calls: UnderstandInput[] = [];
  const brain: Brain = {
    kind: 'rules',
    parse: () => FALLBACK_NLU,
    understand: async (input) => {
      calls.push(input);
      const u: Understanding = { nlu: FALLBACK_NLU, lang: 'es', affirmation: null, leadFields: {}, products: [], critical: false, priority: 1 };
      return u;
    },
  };
  return { brain, calls };
}

const valid = (over: Partial<ModelUnderstanding> = {}): ModelUnderstanding => ({
  intent: 'price_quote',
  confidence: 0.91,
  lang: 'es',
  entities: [
    { type: 'product', value: 'cemento gris' },
    { type: 'quantity', value: '3' },
    { type: 'email', value: 'Ana@Ejemplo.com' },
    { type: 'phone', value: '+18095551234' },
    { type: 'person_name', value: 'Inventado Pérez' },
  ],
  lead_fields: { name: 'Ana Rosario', email: 'Ana@Ejemplo.com', phone_or_username: null, company_name: null, problem_statement: null },
  interest_area: 'Ventas',
  urgency: 'Medio',
  sentiment: 'neutral',
  priority: 4,
  critical: false,
  affirmation: null,
  products: [{ query: 'cemento gris', quantity: 3 }],
  account_id: '99999',
  ...over,
});

const TEXT = 'Soy Ana Rosario, ¿cuánto cuestan 3 sacos de cemento gris? Mi correo es Ana@Ejemplo.com y mi cel 809-555-1234';

let fake: FakeOpenAi | undefined;
let n = 0;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function setup(fakeServer: FakeOpenAi, clientOptions: { timeoutMs?: number; deadlineMs?: number; maxRetries?: number } = {}, entries = [{ id: 'a', max: 10 }]) {
  const logger = createSilentLogger();
  const pool = createKeyPool({ entries: entriesFor(fakeServer, entries), clock: systemClock, logger });
  const fallback = recordingFallback();
  const brain = createLlmBrain({
    pool,
    fallback: fallback.brain,
    tenant: { id: 'ferreteria-test', displayName: 'Ferretería El Martillo', defaultLang: 'es' },
    logger,
    clock: systemClock,
    historyWindow: 4,
    clientOptions: { timeoutMs: 2_000, deadlineMs: 6_000, backoffBaseMs: 5, backoffMaxMs: 10, ...clientOptions },
  });
  return { pool, fallback, brain };
}

function input(over: Partial<LlmUnderstandInput> = {}): LlmUnderstandInput {
  n++;
  return { text: TEXT, messageId: `m-${n}`, expecting: { kind: 'none' }, lang: 'es', idempotencyKey: `conv:m-${n}`, conversationId: 'conv-brain', ...over };
}

describe('llm brain understand', () => {
  it('should ask for a structured output with the tenant prompt and a bounded history, and map the answer', async () => {
    fake = await startFakeOpenAi({ script: [reply.json(valid())] });
    const { brain, fallback } = setup(fake);
    const history = Array.from({ length: 10 }, (_, i) => ({ role: i % 2 === 0 ? ('customer' as const) : ('assistant' as const), text: `mensaje ${i}` }));
    const u = await brain.understand(input({ history, expecting: { kind: 'lead_field', field: 'email' } }));

    expect(fallback.calls).toHaveLength(0);
    expect(u.nlu.intent).toEqual({ name: 'price_quote', confidence: 0.91 });
    expect(u.nlu.ranking).toHaveLength(13);
    expect(u.nlu.ranking.reduce((s, r) => s + r.confidence, 0)).toBeCloseTo(1, 6);
    expect(u.leadFields).toEqual({ name: 'Ana Rosario', email: 'ana@ejemplo.com', interest_area: 'Ventas', urgency_level: 'Medio' });
    expect(u).toMatchObject({ lang: 'es', interestArea: 'Ventas', urgency: 'Medio', priority: 4, critical: false, affirmation: null, sentiment: 'neutral' });
    expect(u.products).toEqual([{ query: 'cemento gris', quantity: 3 }]);
    // The invented account number and the invented name are not in the message: dropped.
    expect(u.accountId).toBeUndefined();
    expect(u.nlu.entities.map((e) => e.type)).toEqual(['product', 'quantity', 'email', 'phone']);
    const phone = u.nlu.entities.find((e) => e.type === 'phone')!;
    expect(phone.value).toBe('+18095551234');
    expect(TEXT.slice(phone.start, phone.end)).toBe('809-555-1234');
    const email = u.nlu.entities.find((e) => e.type === 'email')!;
    expect([email.value, TEXT.slice(email.start, email.end)]).toEqual(['ana@ejemplo.com', 'Ana@Ejemplo.com']);

    const sent = fake.requests[0]!.body;
    expect(sent.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'understanding', schema: toWireSchema(UNDERSTANDING_SCHEMA), strict: true } });
    expect(JSON.stringify(sent.response_format)).not.toMatch(/maxLength|minimum|maxItems/);
    const messages = sent.messages!;
    expect(messages[0]!.role).toBe('system');
    expect(messages[0]!.content).toContain('Ferretería El Martillo');
    expect(messages[0]!.content).toContain('the lead field "email"');
    expect(messages[0]!.content).not.toMatch(/\{\{\w+\}\}/);
    expect(messages.slice(1).map((m) => m.content)).toEqual(['mensaje 6', 'mensaje 7', 'mensaje 8', 'mensaje 9', TEXT]);
    expect(messages.slice(1).map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(brain.consecutiveFailures('conv-brain')).toBe(0);
  });

  it('should keep an account number the customer did type', async () => {
    fake = await startFakeOpenAi({ script: [reply.json(valid({ intent: 'account_status', account_id: '40021' }))] });
    const { brain } = setup(fake);
    const u = await brain.understand(input({ text: 'mi cuenta es la 400-21', expecting: { kind: 'account_id' } }));
    expect(u.accountId).toBe('40021');
  });

  it('should repair invalid JSON once and use the repaired answer', async () => {
    fake = await startFakeOpenAi({ script: [reply.chat({ content: 'Claro! {"intent": "price_quote"' }), reply.json(valid({ intent: 'greeting' }))] });
    const { brain, fallback } = setup(fake);
    const u = await brain.understand(input());
    expect(u.nlu.intent.name).toBe('greeting');
    expect(fallback.calls).toHaveLength(0);
    expect(fake.requests).toHaveLength(2);
    const repair = fake.requests[1]!.body.messages!;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: 'Claro! {"intent": "price_quote"' });
    expect(String(repair.at(-1)!.content)).toContain('not JSON');
    expect(fake.requests[1]!.headers['idempotency-key']).not.toBe(fake.requests[0]!.headers['idempotency-key']);
  });

  it('should repair an answer that breaks the schema (unknown intent, priority out of range)', async () => {
    fake = await startFakeOpenAi({ script: [reply.json({ ...valid(), intent: 'buy_stuff', priority: 14 }), reply.json(valid())] });
    const { brain } = setup(fake);
    const u = await brain.understand(input());
    expect(u.nlu.intent.name).toBe('price_quote');
    const repairText = String(fake.requests[1]!.body.messages!.at(-1)!.content);
    expect(repairText).toContain('intent: must be one of');
    expect(repairText).toContain('priority: greater than 10');
  });

  it('should fall back to the rule brain when the repair is still invalid, and count the failure', async () => {
    fake = await startFakeOpenAi({ script: [reply.chat({ content: 'no sé' }), reply.json({ intent: 'greeting' })] });
    const { brain, fallback } = setup(fake);
    const inp = input();
    const u = await brain.understand(inp);
    expect(u.nlu).toEqual(FALLBACK_NLU);
    expect(fallback.calls).toEqual([inp]);
    expect(fake.requests).toHaveLength(2);
    expect(brain.consecutiveFailures('conv-brain')).toBe(1);
  });

  it('should let the rule brain answer after a timeout and one retry, count consecutive failures and reset them on success', async () => {
    fake = await startFakeOpenAi({ fallback: reply.hang() });
    const { brain, fallback } = setup(fake, { timeoutMs: 100 });
    for (let i = 0; i < 3; i++) await brain.understand(input());
    expect(fake.requests).toHaveLength(6);
    expect(fallback.calls).toHaveLength(3);
    expect(brain.consecutiveFailures('conv-brain')).toBe(3);
    expect(brain.consecutiveFailures('another')).toBe(0);
    fake.enqueue(reply.json(valid()));
    const u = await brain.understand(input());
    expect(u.nlu.intent.name).toBe('price_quote');
    expect(brain.consecutiveFailures('conv-brain')).toBe(0);
  });

  it('should let the rule brain answer when the provider keeps failing with 5xx', async () => {
    fake = await startFakeOpenAi({ fallback: reply.error(500) });
    const { brain, fallback } = setup(fake, { maxRetries: 1 });
    await brain.understand(input());
    expect(fake.requests).toHaveLength(2);
    expect(fallback.calls).toHaveLength(1);
  });

  it('should let the rule brain answer without calling the provider when the pool is exhausted', async () => {
    fake = await startFakeOpenAi({ fallback: reply.json(valid()) });
    const { brain, fallback, pool } = setup(fake, {}, [{ id: 'a', max: 1 }]);
    expect(pool.acquire('someone-else').ok).toBe(true);
    await brain.understand(input({ conversationId: 'crowded' }));
    expect(fake.requests).toHaveLength(0);
    expect(fallback.calls).toHaveLength(1);
    // Capacity, not a model failure: it never counts toward the brain_unavailable handoff.
    expect(brain.consecutiveFailures('crowded')).toBe(0);
  });

  it('should not call the provider twice for the same idempotency key (actor restored mid-turn)', async () => {
    fake = await startFakeOpenAi({ script: [reply.json(valid())], fallback: reply.json(valid({ intent: 'goodbye' })) });
    const { brain } = setup(fake);
    const inp = input();
    const a = await brain.understand(inp);
    const b = await brain.understand({ ...inp });
    expect(b).toEqual(a);
    expect(fake.requests).toHaveLength(1);
  });

  it('should release the per-message pin when no conversation id is given', async () => {
    fake = await startFakeOpenAi({ script: [reply.json(valid())] });
    const { brain, pool } = setup(fake);
    const { conversationId: _omit, ...rest } = input();
    await brain.understand(rest);
    expect(pool.status().total_active).toBe(0);
  });

  it('should delegate parse to the fallback brain', async () => {
    fake = await startFakeOpenAi();
    const { brain } = setup(fake);
    expect(brain.parse('hola')).toBe(FALLBACK_NLU);
    expect(brain.kind).toBe('llm');
  });
});
