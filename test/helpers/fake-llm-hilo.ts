import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { createBrainFactory } from '../../src/runtime/brain-factory.js';
import { loadLlmConfig } from '../../src/runtime/llm-config.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { sayOverRest, startHiloForTest, type TestServer } from './hilo-server.js';
import type { ModelUnderstanding } from '../../src/actors/brain/llm/understanding-schema.js';
import { modelUnderstanding } from './model-understanding.js';

/**
 * Hilo with the LLM brain (the real `openai` client) talking to a fake OpenAI server on loopback that
 * reads every message as `understanding`; `say` posts one REST message and returns the turn.
 */
export async function startHiloOnFakeLlm(understanding: Partial<ModelUnderstanding>, env: Record<string, string> = {}) {
  const fake: FakeOpenAi = await startFakeOpenAi({ fallback: reply.json(modelUnderstanding(understanding)) });
  const llm = loadLlmConfig({ HILO_LLM_BASE_URL: fake.baseURL, HILO_LLM_MODEL: 'fake-model', HILO_LLM_API_KEYS: 'solo=sk-test-solo', ...env });
  const server: TestServer = await startHiloForTest({ createBrain: createBrainFactory(llm, { clock: systemClock, logger: createSilentLogger(), clientOptions: { maxRetries: 0, backoffBaseMs: 1, backoffMaxMs: 2 } }) });
  const say = (sender: string, text: string) => sayOverRest(server, sender, text);
  const close = async () => {
    await server.close();
    await fake.close();
  };
  return { fake, server, say, close };
}
