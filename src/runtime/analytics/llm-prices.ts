import { HiloError } from '../../kernel/errors.js';
import { checkWith, z } from '../../kernel/schema.js';

/** US dollars per million tokens, per model. */
export type ModelPrices = Readonly<Record<string, { input: number; output: number }>>;

/**
 * List prices (USD per million tokens, input/output) of common OpenAI models as published in late
 * 2025, so costs show without configuration; `HILO_LLM_PRICES` adds models and overrides these
 * (the provider's invoice is the truth — set your own). A model in neither has no cost (null).
 */
export const DEFAULT_LLM_PRICES: ModelPrices = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
};

const Price = z.strictObject({ input: z.number().min(0).max(10_000), output: z.number().min(0).max(10_000) });
const Prices = z.record(z.string().min(1).max(200), Price);

/**
 * The per-model price table: `HILO_LLM_PRICES` (JSON, `{"<model>": {"input": 0.15, "output": 0.6}}`,
 * USD per million tokens) over {@link DEFAULT_LLM_PRICES}. Invalid JSON or values stop start-up.
 *
 * @example
 * loadLlmPrices({ HILO_LLM_PRICES: '{"llama-3.1-8b":{"input":0.05,"output":0.08}}' });
 */
export function loadLlmPrices(env: Readonly<Record<string, string | undefined>>): ModelPrices {
  const raw = env.HILO_LLM_PRICES;
  if (raw === undefined || raw.trim() === '') return DEFAULT_LLM_PRICES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', 'HILO_LLM_PRICES must be JSON: {"<model>": {"input": <USD per 1M tokens>, "output": <USD per 1M tokens>}}.');
  }
  const checked = checkWith(Prices, parsed);
  if (!checked.ok) {
    const first = checked.problems[0];
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `HILO_LLM_PRICES: ${first ? `${first.path || '$'} ${first.problem}` : 'invalid'}.`);
  }
  return { ...DEFAULT_LLM_PRICES, ...checked.value };
}
