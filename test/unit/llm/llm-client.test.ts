import { afterEach, describe, expect, it } from 'vitest';
import { isHiloError } from '../../../src/kernel/errors.js';
import type { ChatRequest } from '../../../src/actors/brain/llm/llm-client.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { clientKit } from './llm-test-kit.js';

const hello: ChatRequest = { messages: [{ role: 'system', content: 'Eres un asistente.' }, { role: 'user', content: 'hola' }], maxTokens: 50 };
let fake: FakeOpenAi | undefined;
let seq = 0;
const ids = () => {
  seq++;
  return { conversationId: `conv-${seq}`, idempotencyKey: `idem-${seq}` };
};

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isHiloError(err), `expected a HiloError ${code}, got ${String(err)}`).toBe(true);
  expect((err as { code: string }).code).toBe(code);
}

describe('llm client', () => {
  it('should send model, messages, the structured-output schema, the api key and the idempotency key', async () => {
    fake = await startFakeOpenAi({ script: [reply.json({ intent: 'greeting' })] });
    const { client } = clientKit(fake);
    const schema = { type: 'object' as const, properties: { intent: { type: 'string' as const } }, required: ['intent'], additionalProperties: false };
    const result = await client.complete({ ...hello, responseFormat: { name: 'understanding', schema } }, { conversationId: 'c-1', idempotencyKey: 'turn-1' });

    expect(JSON.parse(result.content!)).toEqual({ intent: 'greeting' });
    expect(result).toMatchObject({ entryId: 'a', model: 'model-a', attempts: 1, fromCache: false, finishReason: 'stop' });
    expect(result.usage).toEqual({ promptTokens: 10, completionTokens: 5 });
    const req = fake.requests[0]!;
    expect(req.apiKey).toBe('sk-test-a');
    expect(req.headers['idempotency-key']).toBe('turn-1');
    expect(req.body.model).toBe('model-a');
    expect(req.body.messages).toEqual([
      { role: 'system', content: 'Eres un asistente.' },
      { role: 'user', content: 'hola' },
    ]);
    expect(req.body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'understanding', schema, strict: true } });
    expect(req.body.stream).toBe(false);
  });

  it('should parse tool calls and send tools in the OpenAI function format', async () => {
    fake = await startFakeOpenAi({ script: [reply.toolCalls([{ id: 'call_1', name: 'get_price', arguments: '{"sku":"CEM-425"}' }])] });
    const { client } = clientKit(fake);
    const tools = [{ name: 'get_price', description: 'Price of a product', parameters: { type: 'object' as const, properties: { sku: { type: 'string' as const } }, required: ['sku'] } }];
    const result = await client.complete({ ...hello, tools, toolChoice: 'auto' }, ids());
    expect(result.toolCalls).toEqual([{ id: 'call_1', name: 'get_price', arguments: '{"sku":"CEM-425"}' }]);
    expect(result.finishReason).toBe('tool_calls');
    expect(result.content).toBeNull();
    expect(fake.requests[0]!.body.tools).toEqual([{ type: 'function', function: tools[0] }]);
    expect(fake.requests[0]!.body.tool_choice).toBe('auto');
  });

  it('should assemble a streamed answer with content deltas and fragmented tool calls', async () => {
    fake = await startFakeOpenAi({
      script: [
        reply.chat({
          content: 'Claro, el saco de cemento cuesta RD$ 650.',
          toolCalls: [
            { id: 'call_a', name: 'search_catalog', arguments: '{"query":"cemento gris","limit":3}' },
            { id: 'call_b', name: 'get_price', arguments: '{"sku":"CEM-425"}' },
          ],
          chunkSize: 3,
          usage: { prompt_tokens: 40, completion_tokens: 12 },
        }),
      ],
    });
    const { client } = clientKit(fake);
    const deltas: string[] = [];
    const result = await client.stream(hello, { ...ids(), onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe('Claro, el saco de cemento cuesta RD$ 650.');
    expect(result.content).toBe('Claro, el saco de cemento cuesta RD$ 650.');
    expect(result.toolCalls).toEqual([
      { id: 'call_a', name: 'search_catalog', arguments: '{"query":"cemento gris","limit":3}' },
      { id: 'call_b', name: 'get_price', arguments: '{"sku":"CEM-425"}' },
    ]);
    expect(result.usage).toEqual({ promptTokens: 40, completionTokens: 12 });
    expect(fake.requests[0]!.body.stream).toBe(true);
  });

  it('should honour retry-after-ms on a 429 when no other key is free, then succeed', async () => {
    fake = await startFakeOpenAi({ script: [reply.rateLimit({ retryAfterMs: 40 }), reply.chat({ content: 'ok' })] });
    const { client, sleeps } = clientKit(fake);
    const result = await client.complete(hello, ids());
    expect(result.content).toBe('ok');
    expect(result.attempts).toBe(2);
    expect(fake.requests).toHaveLength(2);
    expect(sleeps.length).toBeGreaterThanOrEqual(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(39);
    expect(sleeps[0]).toBeLessThanOrEqual(40);
  });

  it('should honour a retry-after in seconds', async () => {
    fake = await startFakeOpenAi({ script: [reply.rateLimit({ retryAfterSeconds: 1 }), reply.chat({ content: 'ok' })] });
    const { client, sleeps } = clientKit(fake);
    await client.complete(hello, ids());
    expect(sleeps[0]).toBeGreaterThan(900);
  });

  it('should move to another key after a 429 instead of waiting', async () => {
    fake = await startFakeOpenAi({ script: [reply.rateLimit({ retryAfterSeconds: 30 }), reply.chat({ content: 'ok' })] });
    const { client, sleeps, pool } = clientKit(fake, [{ id: 'a' }, { id: 'b' }]);
    const result = await client.complete(hello, { conversationId: 'moving', idempotencyKey: 'k-moving' });
    expect(result.entryId).toBe('b');
    expect(fake.requests.map((r) => r.apiKey)).toEqual(['sk-test-a', 'sk-test-b']);
    expect(sleeps).toEqual([]);
    // Key a cools down: a new conversation goes to b as well.
    const next = pool.acquire('newcomer');
    expect(next.ok && next.lease.entryId).toBe('b');
  });

  it('should fail with HILO_ERR_LLM_RATE_LIMITED when retry-after does not fit in the deadline', async () => {
    fake = await startFakeOpenAi({ script: [reply.rateLimit({ retryAfterSeconds: 60 })] });
    const { client } = clientKit(fake);
    await expectCode(client.complete(hello, ids()), 'HILO_ERR_LLM_RATE_LIMITED');
    expect(fake.requests).toHaveLength(1);
  });

  it('should retry 5xx answers with backoff and succeed', async () => {
    fake = await startFakeOpenAi({ script: [reply.error(500), reply.error(503), reply.chat({ content: 'ok' })] });
    const { client, sleeps } = clientKit(fake);
    const result = await client.complete(hello, ids());
    expect(result.content).toBe('ok');
    expect(result.attempts).toBe(3);
    expect(sleeps).toHaveLength(2);
    for (const s of sleeps) expect(s).toBeLessThanOrEqual(20);
  });

  it('should retry a dropped connection', async () => {
    fake = await startFakeOpenAi({ script: [reply.reset(), reply.chat({ content: 'ok' })] });
    const { client } = clientKit(fake);
    expect((await client.complete(hello, ids())).content).toBe('ok');
    expect(fake.requests).toHaveLength(2);
  });

  it('should give up with HILO_ERR_LLM_UNAVAILABLE after maxRetries 5xx answers', async () => {
    fake = await startFakeOpenAi({ fallback: reply.error(502) });
    const { client } = clientKit(fake, [{ id: 'a' }], { maxRetries: 2 });
    await expectCode(client.complete(hello, ids()), 'HILO_ERR_LLM_UNAVAILABLE');
    expect(fake.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404])('should not retry a %i answer', async (status) => {
    fake = await startFakeOpenAi({ script: [reply.error(status)], fallback: reply.chat({ content: 'should not be reached' }) });
    const { client } = clientKit(fake);
    const err = await client.complete(hello, ids()).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_LLM_UNAVAILABLE')).toBe(true);
    expect((err as { details: { status: number } }).details.status).toBe(status);
    expect(fake.requests).toHaveLength(1);
  });

  it('should retry a timed-out call once and then fail with HILO_ERR_LLM_TIMEOUT', async () => {
    fake = await startFakeOpenAi({ fallback: reply.hang() });
    const { client } = clientKit(fake, [{ id: 'a' }], { timeoutMs: 800, deadlineMs: 5_000 });
    await expectCode(client.complete(hello, ids()), 'HILO_ERR_LLM_TIMEOUT');
    expect(fake.requests).toHaveLength(2);
  });

  it('should succeed when the retry after a timeout answers', async () => {
    fake = await startFakeOpenAi({ script: [reply.hang(), reply.chat({ content: 'ok' })] });
    const { client } = clientKit(fake, [{ id: 'a' }], { timeoutMs: 1_000 });
    const result = await client.complete(hello, ids());
    expect(result.content).toBe('ok');
    expect(result.attempts).toBe(2);
    // The retry carries the same idempotency key as the first try.
    expect(new Set(fake.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('should bound a hung response by the total deadline', async () => {
    fake = await startFakeOpenAi({ fallback: reply.hang() });
    const { client } = clientKit(fake, [{ id: 'a' }], { timeoutMs: 60_000, deadlineMs: 300 });
    await expectCode(client.complete(hello, ids()), 'HILO_ERR_LLM_TIMEOUT');
    expect(fake.requests).toHaveLength(1);
  });

  it('should bound a stream that stalls mid-answer by the deadline', async () => {
    fake = await startFakeOpenAi({ fallback: reply.streamHang('Hola, ') });
    const { client } = clientKit(fake, [{ id: 'a' }], { timeoutMs: 60_000, deadlineMs: 300 });
    const deltas: string[] = [];
    await expectCode(client.stream(hello, { ...ids(), onDelta: (d) => deltas.push(d) }), 'HILO_ERR_LLM_TIMEOUT');
    expect(deltas).toEqual(['Hola, ']);
  });

  it('should stream live and tell the caller to clear partial text before a retry', async () => {
    fake = await startFakeOpenAi({ script: [reply.streamHang('Hola, '), reply.chat({ content: 'Hola, ¿en qué te ayudo?' })] });
    const { client } = clientKit(fake, [{ id: 'a' }], { timeoutMs: 1_000 });
    let shown = '';
    let restarts = 0;
    const result = await client.stream(hello, {
      ...ids(),
      onDelta: (d) => {
        shown += d;
      },
      onRestart: () => {
        restarts++;
        shown = '';
      },
    });
    expect(restarts).toBe(1);
    expect(shown).toBe('Hola, ¿en qué te ayudo?');
    expect(result.content).toBe(shown);
  });

  it('should serve a repeated idempotency key from the cache without calling the provider again', async () => {
    fake = await startFakeOpenAi({ script: [reply.chat({ content: 'primera' }), reply.chat({ content: 'segunda' })] });
    const { client } = clientKit(fake);
    const key = { conversationId: 'c-idem', idempotencyKey: 'conv-idem:msg-1' };
    const [a, b] = await Promise.all([client.complete(hello, key), client.complete(hello, key)]);
    const c = await client.complete(hello, key);
    expect([a.content, b.content, c.content]).toEqual(['primera', 'primera', 'primera']);
    expect(c.fromCache).toBe(true);
    expect(fake.requests).toHaveLength(1);
    const d = await client.complete(hello, { ...key, idempotencyKey: 'conv-idem:msg-2' });
    expect(d.content).toBe('segunda');
    expect(fake.requests).toHaveLength(2);
  });

  it('should not cache failures: the same key tries again', async () => {
    fake = await startFakeOpenAi({ script: [reply.error(400), reply.chat({ content: 'ok' })] });
    const { client } = clientKit(fake);
    const key = ids();
    await expectCode(client.complete(hello, key), 'HILO_ERR_LLM_UNAVAILABLE');
    expect((await client.complete(hello, key)).content).toBe('ok');
  });

  it('should fail with HILO_ERR_LLM_POOL_EXHAUSTED when every key is at its cap', async () => {
    fake = await startFakeOpenAi({ fallback: reply.chat({ content: 'ok' }) });
    const { client } = clientKit(fake, [{ id: 'a', max: 1 }]);
    await client.complete(hello, { conversationId: 'first', idempotencyKey: 'k1' });
    await expectCode(client.complete(hello, { conversationId: 'second', idempotencyKey: 'k2' }), 'HILO_ERR_LLM_POOL_EXHAUSTED');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('llm client and the pool budget', () => {
  it('should not bounce between keys whose RPM budget is spent, and fail fast when no slot frees before the deadline', async () => {
    const server = await startFakeOpenAi({ accounts: { 'sk-test-a': { rpm: 1 }, 'sk-test-b': { rpm: 1 } }, handler: () => reply.chat({ content: 'ok' }) });
    try {
      const { client, sleeps } = clientKit(server, [
        { id: 'a', rpm: 1 },
        { id: 'b', rpm: 1 },
      ]);
      expect((await client.complete(hello, { conversationId: 'r1', idempotencyKey: 'r1' })).entryId).toBe('a');
      expect((await client.complete(hello, { conversationId: 'r2', idempotencyKey: 'r2' })).entryId).toBe('b');
      await expectCode(client.complete(hello, { conversationId: 'r1', idempotencyKey: 'r3' }), 'HILO_ERR_LLM_RATE_LIMITED');
      expect(server.rateLimitedCount).toBe(0);
      expect(server.requests).toHaveLength(2);
      expect(sleeps).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('should wait for a free RPM slot when it fits in the deadline', async () => {
    const server = await startFakeOpenAi({ handler: () => reply.chat({ content: 'ok' }) });
    try {
      // Virtual time: the client's waits move the clock instead of sleeping.
      let offset = 0;
      const clock = { now: () => Date.now() + offset };
      const waits: number[] = [];
      const { client } = clientKit(server, [{ id: 'a', rpm: 2 }], {
        clock,
        deadlineMs: 120_000,
        sleep: async (ms) => {
          waits.push(ms);
          offset += ms;
        },
      });
      for (const k of ['w1', 'w2', 'w3']) await client.complete(hello, { conversationId: 'w', idempotencyKey: k });
      expect(server.requests).toHaveLength(3);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThan(55_000);
      expect(waits[0]).toBeLessThanOrEqual(60_000);
    } finally {
      await server.close();
    }
  });
});
