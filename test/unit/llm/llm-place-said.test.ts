import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrainFactory } from '../../../src/runtime/brain-factory.js';
import { systemClock } from '../../../src/kernel/clock.js';
import { loadLlmConfig } from '../../../src/runtime/llm-config.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../../fakes/openai-server.js';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';
import { modelUnderstanding } from '../../helpers/model-understanding.js';

/**
 * A place named in the lead's first message ("soy de Casa de Campo, quiero cotizar…") goes to the lead
 * form, which calls no tool to report it: the reading carries it (`readingWithPlaceSaid`), with the
 * LLM brain as with the rule brain, so "¿me lo llevan?" later is about that place.
 */
describe('the LLM brain and a place said in a lead message', () => {
  let fake: FakeOpenAi;
  let server: TestServer;

  beforeAll(async () => {
    fake = await startFakeOpenAi({ fallback: reply.json(modelUnderstanding({ intent: 'sales_lead', confidence: 0.93 })) });
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
    return (await res.json()) as { conversation_id: string; state: { value: string } };
  };

  it('should remember the store place the lead message names, as the store spells it', async () => {
    const out = await say('llm-place', 'soy de casa de campo, quiero cotizar materiales para una terraza');
    expect(fake.requests.length).toBeGreaterThan(0);
    const context = server.hilo.host.contextOf('ferreteria', out.conversation_id) as { placeSaid?: { name: string } | null };
    expect(context.placeSaid?.name).toBe('Casa de Campo');
  }, 30_000);

  it('should remember none when the message names no place of the store', async () => {
    const out = await say('llm-no-place', 'quiero cotizar materiales para una terraza');
    const context = server.hilo.host.contextOf('ferreteria', out.conversation_id) as { placeSaid?: { name: string } | null };
    expect(context.placeSaid ?? null).toBeNull();
  }, 30_000);
});
