import { createHash } from 'node:crypto';
import { createLru } from '../../../kernel/lru.js';
import type { ClassifierModel } from './classifier.js';
import { trainFromTraining, type ClassifierTraining } from './model-transfer.js';

/**
 * Models trained in this process, by a digest of their whole training input. Training is
 * deterministic (same examples, labels and product words → the same model, a fixed shuffle seed),
 * so a brain built again for unchanged tenant data — a runtime restarted in the same process, the
 * test suite's many runtimes — reuses the model instead of training for a second or more. A tenant
 * whose data changed has another digest and trains. Bounded: the models of at most
 * `REMEMBERED_MODELS` trainings stay (a few MB each).
 */
const REMEMBERED_MODELS = 4;
const models = createLru<ClassifierModel>(REMEMBERED_MODELS);

/** Digest of everything training reads: two inputs with one digest train the same model. */
function trainingDigest(training: ClassifierTraining): string {
  return createHash('sha256').update(JSON.stringify([training.labels, training.lexicon, training.examples])).digest('hex');
}

/**
 * The model `trainFromTraining(training)` makes, trained once per distinct input in this process.
 * The model is shared by every brain that asks for it: it is read-only once trained (never pack it
 * for a transfer, which detaches its buffers; the training worker trains its own).
 */
export function rememberedModel(training: ClassifierTraining): ClassifierModel {
  const key = trainingDigest(training);
  const known = models.get(key);
  if (known) return known;
  const model = trainFromTraining(training);
  models.set(key, model);
  return model;
}
