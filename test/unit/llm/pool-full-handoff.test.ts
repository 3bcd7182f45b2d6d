import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrainFactory } from '../../../src/runtime/brain-factory.js';
import { systemClock } from '../../../src/kernel/clock.js';
import { loadLlmConfig } from '../../../src/runtime/llm-config.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { modelUnderstanding } from '../../helpers/model-understanding.js';

/**
 * One key with room for one conversation and a burst of 20: 19 conversations find the pool full
 * on every turn and the rule brain answers them. That is a capacity limit, not a model failure,
 * so none of them may be handed to a human (the review saw 14 of 20 handed off).
 */
describe('a full key pool during a burst', () => {
  let fake: FakeOpenAi;
  let server: TestServer;

  beforeAll(async () => {
    fake = await startFakeOpenAi({
      fallback: reply.json(modelUnderstanding({ intent: 'price_quote', confidence: 0.93, entities: [{ type: 'product', value: 'cemento' }], products: [{ query: 'cemento gris', quantity: 1 }] })),
    });
    const llm = loadLlmConfig({ HILO_LLM_BASE_URL: fake.baseURL, HILO_LLM_MODEL: 'fake-model', HILO_LLM_API_KEYS: 'solo=sk-test-solo', HILO_LLM_MAX_CONVERSATIONS_PER_KEY: '1' });
    server = await startHiloForTest({
      createBrain: createBrainFactory(llm, { clock: systemClock, logger: createSilentLogger(), clientOptions: { maxRetries: 0, backoffBaseMs: 1, backoffMaxMs: 2 } }),
    });
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
    return (await res.json()) as { conversation_id: string; state: { value: string }; messages: { author: string; text: string }[] };
  };

  it('should answer every turn of 20 concurrent conversations and hand none of them off', async () => {
    const texts = ['¿Tienen cemento gris?', '¿y cuánto cuesta?', '¿tienen varilla de 3/8?', '¿y tubos pvc?', '¿cemento blanco?'];
    const senders = Array.from({ length: 20 }, (_, i) => `burst-${i}`);
    const states = await Promise.all(
      senders.map(async (sender) => {
        const seen: string[] = [];
        for (const text of texts) {
          const answer = await say(sender, text);
          seen.push(`${answer.state.value}${answer.messages.some((m) => m.author === 'bot') ? '' : ' (no answer)'}`);
        }
        return seen;
      }),
    );
    const handedOff = states.filter((seen) => seen.some((s) => s.startsWith('handoff')));
    expect(handedOff).toEqual([]);
    expect(states.flat().filter((s) => s.endsWith('(no answer)'))).toEqual([]);
    // The model did answer someone (the one conversation holding the key's slot).
    expect(fake.requests.length).toBeGreaterThan(0);
    const tickets = await server.hilo.storage.tickets.list('ferreteria');
    expect(tickets).toHaveLength(0);
  }, 60_000);
});
