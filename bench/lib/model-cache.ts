import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassifierModel } from '../../src/actors/brain/rule/classifier.js';
import type { TrainableTenant } from '../../src/actors/brain/rule/model-transfer.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { cachedClassifier } from '../../src/runtime/model-cache.js';

/**
 * The trained classifiers every bench child reads instead of training its tenants again (about two
 * seconds of CPU a tenant and a process: nine processes of a quick run trained fifteen models, on a
 * loaded machine a minute of the run). The same folder as the test suite's (vitest.config.ts) unless
 * `HILO_MODEL_CACHE` names another; `off` trains in every child. Training is deterministic and the
 * figures are taken after start-up, so they are the same either way.
 */
export const BENCH_MODEL_CACHE: string | null = process.env.HILO_MODEL_CACHE === 'off' ? null : process.env.HILO_MODEL_CACHE || join(tmpdir(), 'hilo-model-cache');

/**
 * The rule brain's `classifier` option: the tenant's model from the bench's model cache (trained and
 * written there the first time), or nothing (the brain trains) when the cache is off.
 *
 * @example
 * const brain = createRuleBrain({ tenant, ...withBenchClassifier(tenant) });
 */
export function withBenchClassifier(tenant: TrainableTenant): { classifier?: ClassifierModel } {
  return BENCH_MODEL_CACHE === null ? {} : { classifier: cachedClassifier(BENCH_MODEL_CACHE, tenant, createSilentLogger()) };
}
