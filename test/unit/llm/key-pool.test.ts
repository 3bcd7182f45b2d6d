import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createManualClock, systemClock } from '../../../src/kernel/clock.js';
import { createKeyPool, parseDuration, type KeyPoolEntry } from '../../../src/runtime/key-pool.js';
import { createLogger, createSilentLogger } from '../../../src/kernel/logger.js';
import { createLlmClient } from '../../../src/actors/brain/llm/llm-client.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { entriesFor } from './llm-test-kit.js';

const entry = (id: string, max: number, extra: Partial<KeyPoolEntry> = {}): KeyPoolEntry => ({
  id,
  label: `label-${id}`,
  baseURL: 'http://127.0.0.1:9/v1',
  apiKey: `sk-secret-${id}-do-not-leak`,
  model: 'm',
  maxConcurrentConversations: max,
  ...extra,
});

describe('key pool', () => {
  it('should assign least-connections relative to capacity and pin a conversation until release', () => {
    const pool = createKeyPool({ entries: [entry('a', 2), entry('b', 4)], clock: createManualClock(), logger: createSilentLogger() });
    const got = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((c) => {
      const r = pool.acquire(c);
      return r.ok ? r.lease.entryId : r.reason;
    });
    expect(got.filter((x) => x === 'a')).toHaveLength(2);
    expect(got.filter((x) => x === 'b')).toHaveLength(4);
    const first = pool.acquire('c1');
    expect(first.ok && first.lease.entryId).toBe(got[0]);
    expect(pool.acquire('c7')).toEqual({ ok: false, reason: 'full' });
    pool.release('c1');
    pool.release('c1');
    const again = pool.acquire('c7');
    expect(again.ok && again.lease.entryId).toBe(got[0]);
    expect(pool.status().total_active).toBe(6);
  });

  it('should report status in exactly the documented shape, with the alert at 80 %', () => {
    const pool = createKeyPool({ entries: [entry('a', 5), entry('b', 5)], clock: createManualClock(), logger: createSilentLogger() });
    for (let i = 0; i < 7; i++) pool.acquire(`c${i}`);
    const seven = pool.status();
    expect(Object.keys(seven).sort()).toEqual(['alert', 'pool_capacity_pct', 'pool_status', 'total_active']);
    expect(seven).toEqual({
      pool_status: [
        { key_id: 'a', active_conversations: 4, capacity_pct: 80 },
        { key_id: 'b', active_conversations: 3, capacity_pct: 60 },
      ],
      total_active: 7,
      pool_capacity_pct: 70,
      alert: false,
    });
    pool.acquire('c7');
    expect(pool.status()).toMatchObject({ total_active: 8, pool_capacity_pct: 80, alert: true });
    pool.release('c0');
    expect(pool.status().alert).toBe(false);
  });

  it('should never exceed requests per minute on an entry, in a sliding window on the injected clock', () => {
    const clock = createManualClock();
    const pool = createKeyPool({ entries: [entry('a', 5, { rpm: 3 })], clock, logger: createSilentLogger() });
    expect(pool.reserveRequest('a', 10)).toEqual({ ok: true });
    clock.advance(20_000);
    expect(pool.reserveRequest('a', 10)).toEqual({ ok: true });
    expect(pool.reserveRequest('a', 10)).toEqual({ ok: true });
    expect(pool.reserveRequest('a', 10)).toEqual({ ok: false, reason: 'rpm', retryAfterMs: 40_000 });
    // A spent budget sends new conversations elsewhere (here: nowhere) until a slot frees.
    expect(pool.acquire('newcomer')).toEqual({ ok: false, reason: 'cooling_down', retryAfterMs: 40_000 });
    clock.advance(40_000);
    expect(pool.reserveRequest('a', 10)).toEqual({ ok: true });
    expect(pool.reserveRequest('a', 10)).toMatchObject({ ok: false, reason: 'rpm' });
  });

  it('should never exceed tokens per minute on an entry', () => {
    const clock = createManualClock();
    const pool = createKeyPool({ entries: [entry('a', 5, { tpm: 1_000 })], clock, logger: createSilentLogger() });
    expect(pool.reserveRequest('a', 600)).toEqual({ ok: true });
    clock.advance(10_000);
    expect(pool.reserveRequest('a', 300)).toEqual({ ok: true });
    expect(pool.reserveRequest('a', 200)).toEqual({ ok: false, reason: 'tpm', retryAfterMs: 50_000 });
    clock.advance(50_000);
    expect(pool.reserveRequest('a', 100)).toEqual({ ok: true });
    expect(pool.reserveRequest('a', 500)).toEqual({ ok: true });
  });

  it('should cool an entry down on a 429 and move new conversations elsewhere until it recovers', () => {
    const clock = createManualClock();
    const pool = createKeyPool({ entries: [entry('a', 5), entry('b', 5)], clock, logger: createSilentLogger() });
    expect(pool.reportRateLimited('a', { 'retry-after-ms': '1500' })).toBe(1_500);
    for (let i = 0; i < 3; i++) {
      const r = pool.acquire(`c${i}`);
      expect(r.ok && r.lease.entryId).toBe('b');
    }
    expect(pool.reserveRequest('a', 1)).toEqual({ ok: false, reason: 'cooling_down', retryAfterMs: 1_500 });
    clock.advance(1_500);
    const r = pool.acquire('c9');
    expect(r.ok && r.lease.entryId).toBe('a');
  });

  it('should read retry-after as an HTTP date too, and ignore one it cannot read', () => {
    const clock = createManualClock();
    const pool = createKeyPool({ entries: [entry('a', 5), entry('b', 5)], clock, logger: createSilentLogger() });
    expect(pool.reportRateLimited('a', { 'retry-after': new Date(clock.now() + 45_000).toUTCString() })).toBe(45_000);
    expect(pool.reportRateLimited('b', { 'retry-after': 'soon', 'x-ratelimit-reset-requests': '3s' })).toBe(3_000);
  });

  it('should read retry-after in seconds and x-ratelimit-reset-* durations', () => {
    const clock = createManualClock();
    const pool = createKeyPool({ entries: [entry('a', 5), entry('b', 5), entry('c', 5)], clock, logger: createSilentLogger() });
    expect(pool.reportRateLimited('a', new Headers({ 'retry-after': '2' }))).toBe(2_000);
    expect(pool.reportRateLimited('b', { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m30.5s' })).toBe(90_500);
    // A spent budget on a successful answer also cools the key down.
    pool.reportHeaders('c', { 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '6s', 'x-ratelimit-remaining-requests': '12', 'x-ratelimit-reset-requests': '1s' });
    expect(pool.acquire('x')).toEqual({ ok: false, reason: 'cooling_down', retryAfterMs: 2_000 });
    clock.advance(6_000);
    const r = pool.acquire('x');
    expect(r.ok && r.lease.entryId).toBe('a');
    expect([parseDuration('20ms'), parseDuration('6m0s'), parseDuration('2h1m'), parseDuration('7')]).toEqual([20, 360_000, 7_260_000, 7_000]);
  });

  it('should never expose or log api keys', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'debug', destination });
    const pool = createKeyPool({ entries: [entry('a', 1)], clock: createManualClock(), logger });
    pool.acquire('c1');
    pool.acquire('c2');
    pool.reportRateLimited('a', { 'retry-after': '1' });
    pool.reportHeaders('a', { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1s' });
    const seen = JSON.stringify(pool.status()) + JSON.stringify(pool.store.getSnapshot()) + JSON.stringify(pool.acquire('c1')) + lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    expect(seen).not.toContain('sk-secret');
    expect(pool.credentials('a').apiKey).toBe('sk-secret-a-do-not-leak');
  });
});

describe('key pool under load against provider accounts with caps', () => {
  let fake: FakeOpenAi | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('should run 200 concurrent conversations at ≤ 95 % of aggregate capacity without a cap exceeded or a single 429', async () => {
    const specs = [
      { id: 'k1', max: 60, rpm: 140, tpm: 40_000 },
      { id: 'k2', max: 60, rpm: 140, tpm: 40_000 },
      { id: 'k3', max: 50, rpm: 120, tpm: 34_000 },
      { id: 'k4', max: 45, rpm: 110, tpm: 30_000 },
    ];
    const accounts = Object.fromEntries(specs.map((s) => [`sk-test-${s.id}`, { rpm: s.rpm, tpm: s.tpm, concurrency: s.max }]));
    fake = await startFakeOpenAi({ accounts, handler: () => ({ kind: 'chat', content: 'ok', delayMs: 5 }) });
    const logger = createSilentLogger();
    const pool = createKeyPool({ entries: entriesFor(fake, specs), clock: systemClock, logger });
    const maxActive = new Map<string, number>();
    pool.store.subscribe((snap) => {
      for (const e of Object.values(snap.context.entries)) maxActive.set(e.id, Math.max(maxActive.get(e.id) ?? 0, e.active));
    });
    // Generous timeouts: a request timed out on a loaded machine is retried and spends budget twice, which is not what this test measures.
    const client = createLlmClient({ pool, logger, clock: systemClock, timeoutMs: 30_000, deadlineMs: 60_000 });
    const capacity = specs.reduce((s, e) => s + e.max, 0);
    const conversations = 200;
    expect(conversations / capacity).toBeLessThanOrEqual(0.95);

    // Each conversation: two turns (two requests), then it closes and frees its key.
    const outcomes = await Promise.all(
      Array.from({ length: conversations }, async (_, i) => {
        const conversationId = `load-${i}`;
        const contents: (string | null)[] = [];
        for (let turn = 0; turn < 2; turn++) {
          const r = await client.complete(
            { messages: [{ role: 'system', content: 'Clasifica el mensaje.' }, { role: 'user', content: `mensaje ${turn} de la conversación ${i}` }], maxTokens: 60 },
            { conversationId, idempotencyKey: `${conversationId}:${turn}` },
          );
          contents.push(r.content);
        }
        return { conversationId, contents };
      }),
    );
    const statusAtPeak = pool.status();
    for (const o of outcomes) pool.release(o.conversationId);

    expect(outcomes.every((o) => o.contents.join() === 'ok,ok')).toBe(true);
    expect(fake.requests).toHaveLength(400);
    expect(fake.rateLimitedCount).toBe(0);
    expect(statusAtPeak.total_active).toBe(200);
    for (const s of specs) {
      const stats = fake.accountStats(`sk-test-${s.id}`);
      expect(stats.rateLimited).toBe(0);
      expect(stats.maxConcurrent).toBeLessThanOrEqual(s.max);
      expect(stats.maxRequestsInWindow).toBeLessThanOrEqual(s.rpm);
      expect(stats.maxTokensInWindow).toBeLessThanOrEqual(s.tpm);
      expect(maxActive.get(s.id)).toBeLessThanOrEqual(s.max);
      // Least connections spreads the load: every key does work.
      expect(stats.requests).toBeGreaterThan(0);
    }
    expect(pool.status()).toMatchObject({ total_active: 0, pool_capacity_pct: 0, alert: false });
  }, 120_000);

  it('should learn a spent budget from x-ratelimit-remaining headers and move work before the provider says 429', async () => {
    // The pool is not told the provider's RPM: it learns it from the answers' headers.
    fake = await startFakeOpenAi({ accounts: { 'sk-test-a': { rpm: 2 }, 'sk-test-b': { rpm: 100 } }, handler: () => reply.chat({ content: 'ok' }) });
    const logger = createSilentLogger();
    const pool = createKeyPool({ entries: entriesFor(fake, [{ id: 'a' }, { id: 'b', max: 1 }]), clock: systemClock, logger });
    const client = createLlmClient({ pool, logger, clock: systemClock });
    const first = await client.complete({ messages: [{ role: 'user', content: 'uno' }] }, { conversationId: 'c1', idempotencyKey: 'h1' });
    const second = await client.complete({ messages: [{ role: 'user', content: 'dos' }] }, { conversationId: 'c1', idempotencyKey: 'h2' });
    expect([first.entryId, second.entryId]).toEqual(['a', 'a']);
    const third = await client.complete({ messages: [{ role: 'user', content: 'tres' }] }, { conversationId: 'c1', idempotencyKey: 'h3' });
    expect(third.entryId).toBe('b');
    expect(fake.rateLimitedCount).toBe(0);
  });

  it('should turn away conversations beyond capacity with HILO_ERR_LLM_POOL_EXHAUSTED rather than overload a key', async () => {
    const specs = [
      { id: 'k1', max: 30, rpm: 1_000 },
      { id: 'k2', max: 20, rpm: 1_000 },
    ];
    const accounts = Object.fromEntries(specs.map((s) => [`sk-test-${s.id}`, { rpm: s.rpm, concurrency: s.max }]));
    fake = await startFakeOpenAi({ accounts, handler: () => reply.chat({ content: 'ok', delayMs: 5 }) });
    const logger = createSilentLogger();
    const pool = createKeyPool({ entries: entriesFor(fake, specs), clock: systemClock, logger });
    const client = createLlmClient({ pool, logger, clock: systemClock });
    const results = await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        client.complete({ messages: [{ role: 'user', content: `hola ${i}` }] }, { conversationId: `over-${i}`, idempotencyKey: `over-${i}` }).then(
          () => 'ok',
          (e: unknown) => (isHiloError(e) ? e.code : String(e)),
        ),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(50);
    expect(results.filter((r) => r === 'HILO_ERR_LLM_POOL_EXHAUSTED')).toHaveLength(20);
    expect(fake.rateLimitedCount).toBe(0);
    expect(pool.status()).toMatchObject({ total_active: 50, pool_capacity_pct: 100, alert: true });
  });
});
