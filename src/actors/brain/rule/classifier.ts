import { INTENTS, type IntentLabel } from '../../../domain/intents.js';
import { createVectorizer, fitVectorizerModel, type SparseVector, type VectorizerModel } from './features.js';
import { GENERIC_PRODUCT_WORDS } from './lexicon.js';
import { tokenize } from './text.js';

export interface LabelledExample {
  text: string;
  intent: IntentLabel;
}

/** One label's probability. */
export interface LabelScore {
  name: IntentLabel;
  confidence: number;
}

export interface IntentClassifier {
  /** Softmax probabilities over every label, best first (ties broken by label order). */
  rank(text: string): LabelScore[];
}

export interface TrainOptions {
  epochs?: number;
  /** L2 regularisation strength. */
  l2?: number;
  learningRate?: number;
  /** Seed of the example shuffle: same data + same seed → same model. */
  seed?: number;
  /** Folded product words (catalog vocabulary): they share one `product` concept feature. */
  lexicon?: ReadonlySet<string>;
  /** The tenant's labels, in tie order (default: the built-in `INTENTS`); every example's label must be one. */
  labels?: readonly IntentLabel[];
}

/** Small deterministic PRNG (mulberry32): training must be reproducible. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A trained classifier as plain data: typed arrays and strings only, so it can be structured-cloned
 * to another thread (`model-transfer.ts` packs it with its buffers transferred). `w` is
 * `features × labels`, row-major.
 */
export interface ClassifierModel {
  labels: IntentLabel[];
  /** The folded product words the features were counted with (`TrainOptions.lexicon`). */
  lexicon: string[];
  vectorizer: VectorizerModel;
  w: Float64Array;
  b: Float64Array;
}

/**
 * Trains a multinomial logistic regression with SGD over TF-IDF word and character n-grams.
 * Its softmax output is a calibrated-enough probability: good for a fallback threshold.
 */
export function trainIntentClassifier(examples: readonly LabelledExample[], options: TrainOptions = {}): IntentClassifier {
  return createIntentClassifier(trainClassifierModel(examples, options));
}

/**
 * Trains as `trainIntentClassifier` does and returns the model itself, for `createIntentClassifier`
 * in this thread or another one (the admin API trains in a worker thread).
 */
export function trainClassifierModel(examples: readonly LabelledExample[], options: TrainOptions = {}): ClassifierModel {
  const { epochs = 30, l2 = 3e-5, learningRate = 1.5, seed = 42, lexicon = GENERIC_PRODUCT_WORDS, labels = INTENTS } = options;
  const K = labels.length;
  const labelIndex = new Map<IntentLabel, number>(labels.map((l, i) => [l, i]));
  const unknown = examples.find((e) => !labelIndex.has(e.intent));
  if (unknown) throw new Error(`training example labelled "${unknown.intent}", which is not one of the classifier's labels`);
  // A model of no example reads every message as every label alike: refuse it rather than serve it.
  if (examples.length === 0) throw new Error('no training examples: the tenant has no utterances for its intents');
  const docs = examples.map((e) => tokenize(e.text));
  const vectorizerModel = fitVectorizerModel(docs, { lexicon });
  const vectorizer = createVectorizer(vectorizerModel, lexicon);
  const xs: SparseVector[] = docs.map((d) => vectorizer.transform(d));
  const ys = examples.map((e) => labelIndex.get(e.intent) as number);
  const w = new Float64Array(vectorizer.size * K);
  const b = new Float64Array(K);
  const scores = new Float64Array(K);
  const order = xs.map((_, i) => i);
  const random = createRandom(seed);

  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i] as number;
      order[i] = order[j] as number;
      order[j] = tmp;
    }
    for (const i of order) {
      const x = xs[i] as SparseVector;
      const y = ys[i] as number;
      const lr = learningRate / (1 + 0.002 * step++);
      forward(w, b, x, scores);
      for (let c = 0; c < K; c++) {
        const g = (scores[c] as number) - (c === y ? 1 : 0);
        b[c] = (b[c] as number) - lr * g * 0.1;
        for (let k = 0; k < x.index.length; k++) {
          const at = (x.index[k] as number) * K + c;
          w[at] = (w[at] as number) - lr * (g * (x.value[k] as number) + l2 * (w[at] as number));
        }
      }
    }
  }
  return { labels: [...labels], lexicon: [...lexicon], vectorizer: vectorizerModel, w, b };
}

/**
 * The classifier a model describes: reads exactly as the one that trained it did.
 * Throws when the model's parts do not fit together (a corrupt or foreign model).
 */
export function createIntentClassifier(model: ClassifierModel): IntentClassifier {
  const { labels, w, b } = model;
  const K = labels.length;
  const size = model.vectorizer.features.length;
  if (K === 0 || b.length !== K || w.length !== size * K || model.vectorizer.idf.length !== size || model.vectorizer.weights.length !== size) {
    throw new Error(`classifier model does not fit together: ${K} labels, ${size} features, ${w.length} weights, ${b.length} biases`);
  }
  const vectorizer = createVectorizer(model.vectorizer, new Set(model.lexicon));
  return {
    rank(text) {
      const out = new Float64Array(K);
      forward(w, b, vectorizer.transform(tokenize(text)), out);
      const ranking: LabelScore[] = labels.map((name, i) => ({ name, confidence: out[i] as number }));
      return ranking.sort((p, q) => q.confidence - p.confidence);
    },
  };
}

/** Label probabilities of one vector into `out` (length = labels). */
function forward(w: Float64Array, b: Float64Array, x: SparseVector, out: Float64Array): void {
  const K = b.length;
  for (let c = 0; c < K; c++) out[c] = b[c] as number;
  for (let k = 0; k < x.index.length; k++) {
    const base = (x.index[k] as number) * K;
    const v = x.value[k] as number;
    for (let c = 0; c < K; c++) out[c] = (out[c] as number) + (w[base + c] as number) * v;
  }
  softmaxInPlace(out);
}

function softmaxInPlace(v: Float64Array): void {
  let max = -Infinity;
  for (const x of v) if (x > max) max = x;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const e = Math.exp((v[i] as number) - max);
    v[i] = e;
    sum += e;
  }
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / sum;
}
