import { afterEach, describe, expect, it } from 'vitest';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createBrainFactory } from '../../../src/runtime/brain-factory.js';
import { systemClock } from '../../../src/kernel/clock.js';
import { loadLlmConfig } from '../../../src/runtime/llm-config.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';

const BASE = { HILO_LLM_BASE_URL: 'http://127.0.0.1:9/v1', HILO_LLM_MODEL: 'fake-model', HILO_LLM_API_KEYS: 'a=sk-test-a' };

function refused(env: Record<string, string>): string {
  try {
    loadLlmConfig(env);
  } catch (err) {
    expect(isHiloError(err, 'HILO_ERR_CONFIG_INVALID')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected loadLlmConfig to refuse the settings');
}

describe('LLM time budget derived from the turn timeout', () => {
  it('should fit the default LLM budget, with a timeout retry, inside the default 15 s turn', () => {
    const llm = loadLlmConfig(BASE)!;
    expect(llm.turnTimeoutMs).toBe(15_000);
    // Time is left for the rule brain's fallback answer and the commit.
    expect(llm.deadlineMs).toBeLessThanOrEqual(15_000 - 1_000);
    expect(llm.deadlineMs).toBeGreaterThanOrEqual(10_000);
    // A call that times out is retried once: both attempts fit in the deadline.
    expect(2 * llm.timeoutMs).toBeLessThanOrEqual(llm.deadlineMs);
  });

  it('should scale the budget with HILO_TURN_TIMEOUT_MS (or the runtime config passed in)', () => {
    const long = loadLlmConfig({ ...BASE, HILO_TURN_TIMEOUT_MS: '60000' })!;
    expect(long.deadlineMs).toBeGreaterThan(45_000);
    expect(long.deadlineMs).toBeLessThan(60_000);
    expect(long.timeoutMs).toBe(20_000);
    const short = loadLlmConfig(BASE, { turnTimeoutMs: 4_000 })!;
    expect(short.deadlineMs).toBeLessThanOrEqual(3_000);
    expect(short.deadlineMs).toBeGreaterThan(0);
  });

  it('should split the budget between reading and writing replies when HILO_LLM_REPLIES=1', () => {
    const llm = loadLlmConfig({ ...BASE, HILO_LLM_REPLIES: '1' })!;
    expect(llm.composeDeadlineMs).toBeGreaterThan(0);
    expect(llm.deadlineMs + llm.composeDeadlineMs).toBeLessThanOrEqual(15_000 - 1_000);
  });

  it('should refuse explicit settings that cannot fit in the turn, naming the variables', () => {
    expect(refused({ ...BASE, HILO_LLM_DEADLINE_MS: '45000' })).toMatch(/HILO_LLM_DEADLINE_MS.*HILO_TURN_TIMEOUT_MS/);
    expect(refused({ ...BASE, HILO_LLM_TIMEOUT_MS: '20000' })).toMatch(/HILO_LLM_TIMEOUT_MS.*HILO_TURN_TIMEOUT_MS/);
    expect(refused({ ...BASE, HILO_LLM_TIMEOUT_MS: '8000', HILO_LLM_DEADLINE_MS: '14000', HILO_TURN_TIMEOUT_MS: '15000' })).toMatch(/HILO_LLM_DEADLINE_MS/);
    expect(refused({ ...BASE, HILO_LLM_DEADLINE_MS: '12000', HILO_LLM_REPLIES: '1' })).toMatch(/HILO_LLM_REPLIES/);
    // Consistent explicit settings are kept as given.
    const ok = loadLlmConfig({ ...BASE, HILO_LLM_TIMEOUT_MS: '20000', HILO_LLM_DEADLINE_MS: '45000', HILO_TURN_TIMEOUT_MS: '60000' })!;
    expect([ok.timeoutMs, ok.deadlineMs]).toEqual([20_000, 45_000]);
  });
});

describe('a provider that hangs', () => {
  let fake: FakeOpenAi | undefined;
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    await fake?.close();
  });

  it("should end in the rule brain's answer within the turn, not in a 504", async () => {
    // Until `hang` is set the provider refuses at once (a 400 is not retried): the warm-up turn
    // below is answered by the rule brain without waiting.
    let hang = false;
    fake = await startFakeOpenAi({ handler: () => (hang ? reply.hang() : reply.error(400)) });
    // The turn's reserve after the LLM's budget (4 s of 20 s) is for the rule brain's fallback and
    // the commit; 10 s (a 2 s reserve) still gave a 504 at load 7. The default LLM settings (20 s
    // per call) would 504 at any load.
    const turnTimeoutMs = 20_000;
    // The operator sets only the turn timeout; the LLM's budget follows from it.
    const llm = loadLlmConfig({ HILO_LLM_BASE_URL: fake.baseURL, HILO_LLM_MODEL: 'fake-model', HILO_LLM_API_KEYS: 'a=sk-test-a' }, { turnTimeoutMs });
    expect(llm!.deadlineMs).toBeLessThan(turnTimeoutMs);
    server = await startHiloForTest({
      env: { HILO_TURN_TIMEOUT_MS: String(turnTimeoutMs) },
      createBrain: createBrainFactory(llm, { clock: systemClock, logger: createSilentLogger() }),
    });
    const say = (sender: string) =>
      fetch(`${server!.baseUrl}/api/tenants/ferreteria/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server!.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sender, text: '¿Tienen cemento gris?' }),
      });
    // Warm-up on another conversation: the one-time work of a first turn (the tenant's brain and
    // classifier, the catalog's index, cold code) is not spent inside the measured turn's reserve,
    // where a loaded machine turned it into a 504 that says nothing about the LLM's budget.
    expect((await say('hang-warm-up')).status).toBe(200);
    const warmUpCalls = fake.requests.length;
    hang = true;

    const res = await say('hang-1');
    const body = (await res.json()) as { messages?: { author: string; text: string }[] };
    // 200, not the 504 of the host's turn timeout (or the gateway's, a second later): the LLM gave
    // up within its budget and the rule brain answered in the time left. No clock is read here:
    // the status is the proof, however slow the machine.
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect((body.messages ?? []).filter((m) => m.author === 'bot').map((m) => m.text).join('\n')).toMatch(/RD\$/);
    // The provider was asked in this turn (and hung): the fallback is the LLM's, not a skipped call.
    expect(fake.requests.length).toBeGreaterThan(warmUpCalls);
  }, 120_000);
});
