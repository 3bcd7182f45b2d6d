import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrainFactory } from '../../../src/runtime/brain-factory.js';
import { systemClock } from '../../../src/kernel/clock.js';
import { loadLlmConfig } from '../../../src/runtime/llm-config.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { modelUnderstanding } from '../../helpers/model-understanding.js';

/**
 * "¿eres un robot?" read by an LLM as a request for a person (as models do) gets the same honest
 * answer as with the rule brain — the store's virtual assistant, and a person offered — never a
 * ticket on the spot (`readingWithBotQuestion` in the tenant runtime).
 */
describe('the LLM brain and "are you a bot?"', () => {
  let fake: FakeOpenAi;
  let server: TestServer;

  beforeAll(async () => {
    fake = await startFakeOpenAi({ fallback: reply.json(modelUnderstanding({ intent: 'human_agent', confidence: 0.95 })) });
    const llm = loadLlmConfig({ HILO_LLM_BASE_URL: fake.baseURL, HILO_LLM_MODEL: 'fake-model', HILO_LLM_API_KEYS: 'solo=sk-test-solo' });
    server = await startHiloForTest({ createBrain: createBrainFactory(llm, { clock: systemClock, logger: createSilentLogger(), clientOptions: { maxRetries: 0, backoffBaseMs: 1, backoffMaxMs: 2 } }) });
  }, 30_000);

  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  const say = async (sender: string, text: string) => {
    const res = await fetch(`${server.baseUrl}/api/tenants/ferreteria/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender, text }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { state: { value: unknown }; messages: { author: string; text: string }[] };
  };
  const said = (out: Awaited<ReturnType<typeof say>>) => out.messages.filter((m) => m.author !== 'customer').map((m) => m.text).join('\n');

  it('should say it is the virtual assistant and offer a person, without a handoff', async () => {
    const out = await say('llm-bot', '¿eres un robot?');
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(said(out)).toContain('asistente virtual');
    expect(JSON.stringify(out.state.value)).not.toContain('handoff');
  }, 30_000);

  it('should still hand off a request for a person the LLM read', async () => {
    const out = await say('llm-person', 'quiero hablar con una persona');
    expect(said(out)).not.toContain('asistente virtual');
    expect(JSON.stringify(out.state.value)).toContain('handoff');
  }, 30_000);
});
