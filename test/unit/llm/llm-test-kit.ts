import { systemClock, type Clock } from '../../../src/kernel/clock.js';
import { createKeyPool, type KeyPool, type KeyPoolEntry } from '../../../src/runtime/key-pool.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createLlmClient, type LlmClient, type LlmClientOptions } from '../../../src/actors/brain/llm/llm-client.js';
import type { FakeOpenAi } from '../../fakes/openai-server.js';

/** Pool entries pointing at a fake provider; keys are `sk-test-<id>`. */
export function entriesFor(fake: FakeOpenAi, specs: { id: string; max?: number; rpm?: number; tpm?: number }[]): KeyPoolEntry[] {
  return specs.map((s) => ({
    id: s.id,
    label: `label-${s.id}`,
    baseURL: fake.baseURL,
    apiKey: `sk-test-${s.id}`,
    model: `model-${s.id}`,
    maxConcurrentConversations: s.max ?? 10,
    ...(s.rpm !== undefined ? { rpm: s.rpm } : {}),
    ...(s.tpm !== undefined ? { tpm: s.tpm } : {}),
  }));
}

export interface ClientKit {
  pool: KeyPool;
  client: LlmClient;
  /** Every wait the client asked for, in ms. */
  sleeps: number[];
}

export function clientKit(
  fake: FakeOpenAi,
  specs: { id: string; max?: number; rpm?: number; tpm?: number }[] = [{ id: 'a' }],
  options: Partial<Omit<LlmClientOptions, 'pool'>> & { clock?: Clock; pool?: KeyPool } = {},
): ClientKit {
  const logger = createSilentLogger();
  const clock = options.clock ?? systemClock;
  const pool = options.pool ?? createKeyPool({ entries: entriesFor(fake, specs), clock, logger });
  const sleeps: number[] = [];
  const client = createLlmClient({
    pool,
    logger,
    clock,
    timeoutMs: 2_000,
    deadlineMs: 8_000,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
    ...options,
  });
  return { pool, client, sleeps };
}
