import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import { classifierTrainingOf, trainFromTraining } from '../../../src/actors/brain/rule/model-transfer.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { trainClassifierInWorker } from '../../../src/runtime/classifier-training.js';

const fixture = (name: string): URL => new URL(`../../fixtures/training-workers/${name}`, import.meta.url);

/** Real worker threads (the TypeScript entry under tsx's loader, as vitest and `npm run dev` run it). */
describe('trainClassifierInWorker', () => {
  let estudio: TenantData;

  beforeAll(async () => {
    estudio = await loadTenant(fileURLToPath(new URL('../../../tenants/estudio', import.meta.url)));
  });

  it('should train in a worker thread the same model as training in place', async () => {
    const fromWorker = await trainClassifierInWorker(estudio);
    const inPlace = trainFromTraining(classifierTrainingOf(estudio));
    expect(fromWorker.labels).toEqual(inPlace.labels);
    expect(fromWorker.vectorizer.features).toEqual(inPlace.vectorizer.features);
    expect(Buffer.from(fromWorker.w.buffer, fromWorker.w.byteOffset, fromWorker.w.byteLength).equals(Buffer.from(inPlace.w.buffer))).toBe(true);
    expect([...fromWorker.b]).toEqual([...inPlace.b]);
    const brain = createRuleBrain({ tenant: estudio, classifier: fromWorker });
    expect(brain.parse('quiero agendar una cita para el sábado').intent.label).toBe('agendar_cita');
  }, 60_000);

  it('should reject with HILO_ERR_TENANT_TRAINING_FAILED when training throws in the worker', async () => {
    // No utterance at all: nothing to train on.
    const empty = { ...estudio, utterances: {}, intents: [] };
    await expect(trainClassifierInWorker(empty)).rejects.toMatchObject({ code: 'HILO_ERR_TENANT_TRAINING_FAILED', message: expect.stringContaining('no training examples') });
  }, 60_000);

  it('should reject when the worker exits without answering', async () => {
    await expect(trainClassifierInWorker(estudio, { workerUrl: fixture('exits.mjs') })).rejects.toMatchObject({
      code: 'HILO_ERR_TENANT_TRAINING_FAILED',
      message: expect.stringContaining('exited with code 7'),
    });
  });

  it('should stop a worker that does not answer in time and reject', async () => {
    await expect(trainClassifierInWorker(estudio, { workerUrl: fixture('hangs.mjs'), timeoutMs: 300 })).rejects.toMatchObject({
      code: 'HILO_ERR_TENANT_TRAINING_FAILED',
      message: expect.stringContaining('did not finish within 300 ms'),
    });
  });

  it('should reject when the worker crashes', async () => {
    await expect(trainClassifierInWorker(estudio, { workerUrl: fixture('throws.mjs') })).rejects.toMatchObject({
      code: 'HILO_ERR_TENANT_TRAINING_FAILED',
      message: expect.stringContaining('worker bug before training'),
    });
  });
});
