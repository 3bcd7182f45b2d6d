import { INTENTS, type IntentLabel } from '../../../domain/intents.js';
import type { TrainingUtterances } from '../../../domain/tenant.js';
import { trainIntentClassifier, type LabelledExample, type LabelScore, type TrainOptions } from './classifier.js';

/** Flattens `{ intent: { es: [...], en: [...] } }` into labelled examples (stable order: `labels`, then es, en). */
export function toExamples(utterances: TrainingUtterances, labels: readonly IntentLabel[] = INTENTS): LabelledExample[] {
  const out: LabelledExample[] = [];
  for (const intent of labels) {
    const byLang = utterances[intent];
    if (!byLang) continue;
    for (const lang of ['es', 'en'] as const) {
      for (const text of byLang[lang] ?? []) out.push({ text, intent });
    }
  }
  return out;
}

export interface CrossValidationReport {
  folds: number;
  /** Accuracy of the raw arg-max prediction on held-out folds. */
  accuracy: number;
  /** Accuracy when predictions below `threshold` become `out_of_scope`. */
  accuracyWithThreshold: number;
  threshold: number;
  /** The threshold in the candidate list that maximised held-out accuracy. */
  bestThreshold: number;
  perIntent: Record<IntentLabel, { support: number; correct: number }>;
}

/**
 * Stratified k-fold cross-validation (deterministic fold assignment: every k-th example of
 * each intent). Used to choose the fallback threshold and to report accuracy.
 */
export function crossValidate(
  utterances: TrainingUtterances,
  options: { folds?: number; threshold?: number; candidates?: number[]; train?: TrainOptions } = {},
): CrossValidationReport {
  const { folds = 5, threshold = 0, candidates = [0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5], train } = options;
  const predictions = crossValidatedPredictions(utterances, { folds, ...(train ? { train } : {}) });
  const accuracyAt = (t: number): number =>
    predictions.filter((p) => (p.confidence < t ? 'out_of_scope' : p.top) === p.gold).length / predictions.length;
  let bestThreshold = 0;
  let bestAccuracy = -1;
  for (const t of candidates) {
    const a = accuracyAt(t);
    if (a > bestAccuracy) {
      bestAccuracy = a;
      bestThreshold = t;
    }
  }
  const perIntent: Record<IntentLabel, { support: number; correct: number }> = Object.fromEntries((train?.labels ?? INTENTS).map((i) => [i, { support: 0, correct: 0 }]));
  for (const p of predictions) {
    const row = (perIntent[p.gold] ??= { support: 0, correct: 0 });
    row.support++;
    if (p.top === p.gold) row.correct++;
  }
  return {
    folds,
    accuracy: accuracyAt(0),
    accuracyWithThreshold: accuracyAt(threshold),
    threshold,
    bestThreshold,
    perIntent,
  };
}

/** One held-out prediction of a cross-validation run: the gold label and the model's whole ranking. */
export interface HeldOutPrediction {
  text: string;
  gold: IntentLabel;
  top: IntentLabel;
  confidence: number;
  ranking: LabelScore[];
}

/**
 * Every example predicted by a model that never saw it (stratified k-fold, deterministic folds:
 * every k-th example of each intent). The raw material for calibrating routing thresholds.
 */
export function crossValidatedPredictions(
  utterances: TrainingUtterances,
  options: { folds?: number; train?: TrainOptions } = {},
): HeldOutPrediction[] {
  const { folds = 5, train } = options;
  const examples = toExamples(utterances, train?.labels);
  const seenPerIntent = new Map<IntentLabel, number>();
  const foldOf = examples.map((e) => {
    const n = seenPerIntent.get(e.intent) ?? 0;
    seenPerIntent.set(e.intent, n + 1);
    return n % folds;
  });
  const predictions: HeldOutPrediction[] = [];
  for (let f = 0; f < folds; f++) {
    const trainSet = examples.filter((_, i) => foldOf[i] !== f);
    const model = trainIntentClassifier(trainSet, train);
    examples.forEach((e, i) => {
      if (foldOf[i] !== f) return;
      const ranking = model.rank(e.text);
      const best = ranking[0];
      if (best) predictions.push({ text: e.text, gold: e.intent, top: best.name, confidence: best.confidence, ranking });
    });
  }
  return predictions;
}
