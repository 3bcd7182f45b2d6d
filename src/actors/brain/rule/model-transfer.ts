import { createIntentSet } from '../../../domain/intent-set.js';
import type { IntentLabel } from '../../../domain/intents.js';
import type { TenantData } from '../../../domain/tenant.js';
import { trainClassifierModel, type ClassifierModel, type LabelledExample } from './classifier.js';
import { toExamples } from './cross-validate.js';
import { GENERIC_PRODUCT_WORDS } from './lexicon.js';
import { createProductMatcher } from './products.js';

/**
 * A tenant's classifier between threads: what training needs (`ClassifierTraining`, structured-cloned
 * to a worker) and what it yields (`PackedClassifierModel`, whose buffers are transferred back, not
 * copied). The rule brain trains from the same `classifierTrainingOf`, so a model trained in a worker
 * and one trained in place are the same model.
 */

/** The tenant data training reads. */
export type TrainableTenant = Pick<TenantData, 'utterances' | 'catalog' | 'intents'>;

/** Everything training a tenant's classifier reads, as plain data. */
export interface ClassifierTraining {
  examples: LabelledExample[];
  labels: IntentLabel[];
  lexicon: string[];
}

/** Version of `PackedClassifierModel`: a receiver refuses another one. */
export const PACKED_MODEL_VERSION = 1;

/**
 * A `ClassifierModel` with its feature names in one UTF-8 buffer (`\n`-separated; features are
 * folded words, never a line break): every large part is an `ArrayBuffer` to transfer.
 */
export interface PackedClassifierModel {
  v: typeof PACKED_MODEL_VERSION;
  labels: IntentLabel[];
  lexicon: string[];
  features: Uint8Array;
  idf: Float64Array;
  weights: Float64Array;
  w: Float64Array;
  b: Float64Array;
}

/** People of a trade, never a product word for the classifier, whatever alias names a product after them. */
const TRADE_PEOPLE = ['plumber', 'plumbers', 'carpenter', 'carpenters', 'painter', 'painters', 'electrician', 'electricians', 'mason', 'masons'];

/**
 * The training set and options of a tenant's classifier: its utterances over its labels, and the
 * product words (its catalog's; the hardware store's generic ones too where it has `product_inquiry`).
 */
export function classifierTrainingOf(tenant: TrainableTenant, productLexicon?: Iterable<string>): ClassifierTraining {
  const intents = createIntentSet(tenant.intents);
  const catalogWords = productLexicon ?? createProductMatcher(tenant.catalog).lexicon;
  // Hardware words known without a catalog are the hardware store's: a tenant with other labels has only its catalog's.
  const lexicon = new Set<string>([...(intents.has('product_inquiry') ? GENERIC_PRODUCT_WORDS : []), ...catalogWords]);
  // "plumber's tape", "carpenter's glue": a trade's name inside a product's is still the person ("I'm a plumber, any work?").
  for (const w of TRADE_PEOPLE) lexicon.delete(w);
  return { examples: toExamples(tenant.utterances, intents.labels), labels: [...intents.labels], lexicon: [...lexicon] };
}

/** Trains the model a `ClassifierTraining` describes (in whichever thread calls it). */
export function trainFromTraining(training: ClassifierTraining): ClassifierModel {
  return trainClassifierModel(training.examples, { labels: training.labels, lexicon: new Set(training.lexicon) });
}

/** The model as a message, and the buffers to list as `transfer` (the model must not be used afterwards). */
export function packClassifierModel(model: ClassifierModel): { packed: PackedClassifierModel; transfer: ArrayBuffer[] } {
  const features = new TextEncoder().encode(model.vectorizer.features.join('\n'));
  const packed: PackedClassifierModel = {
    v: PACKED_MODEL_VERSION,
    labels: model.labels,
    lexicon: model.lexicon,
    features,
    idf: model.vectorizer.idf,
    weights: model.vectorizer.weights,
    w: model.w,
    b: model.b,
  };
  const buffers = [features, packed.idf, packed.weights, packed.w, packed.b].map((a) => a.buffer as ArrayBuffer);
  // A typed array over a shared or already-listed buffer cannot be listed twice.
  return { packed, transfer: [...new Set(buffers)] };
}

/** The model a message carries; throws on another format version or a malformed message. */
export function unpackClassifierModel(packed: PackedClassifierModel): ClassifierModel {
  if (packed?.v !== PACKED_MODEL_VERSION) throw new Error(`classifier model message of version ${String(packed?.v)}, expected ${PACKED_MODEL_VERSION}`);
  const text = new TextDecoder().decode(packed.features);
  const features = text.length === 0 ? [] : text.split('\n');
  return { labels: packed.labels, lexicon: packed.lexicon, vectorizer: { features, idf: packed.idf, weights: packed.weights }, w: packed.w, b: packed.b };
}
