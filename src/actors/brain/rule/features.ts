import { conceptsOf } from './concepts.js';
import { phonetic } from './text.js';

/**
 * Sparse features for the intent classifier: word unigrams and bigrams plus word-boundary-aware
 * character n-grams (3–5), weighted by sublinear TF × IDF and L2-normalised.
 */

export type SparseVector = { index: Int32Array; value: Float64Array };

/** Raw feature counts of a token list. */
export function countFeatures(tokens: readonly string[], lexicon?: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (f: string): void => {
    counts.set(f, (counts.get(f) ?? 0) + 1);
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    add(`w:${tok}`);
    if (i + 1 < tokens.length) add(`b:${tok}_${tokens[i + 1] as string}`);
    for (const c of conceptsOf(tok, lexicon)) add(`k:${c}`);
    for (const f of negatedFeatures(tokens, i, lexicon)) add(f);
    // Character n-grams of how the word sounds: typos that keep the sound ("varriya", "asul") match.
    const padded = ` ${phonetic(tok)} `;
    for (let n = 3; n <= 5; n++) {
      for (let s = 0; s + n <= padded.length; s++) add(`c:${padded.slice(s, s + n)}`);
    }
  }
  if (tokens.length === 0) add('w:<empty>');
  return counts;
}

const NEGATION = new Set(['no', 'nunca', 'jamas', 'tampoco', 'never', 'not', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'wont', 'cant', 'aun', 'todavia', 'ni']);
const CLITIC = new Set(['me', 'te', 'se', 'le', 'les', 'lo', 'la', 'los', 'las', 'nos', 'han', 'ha', 'he', 'has', 'ya']);

/**
 * "nunca llegó", "no sirve", "doesn't work": a negated word says something else than the word
 * alone (a failed delivery is a complaint, not a delivery question). One feature per concept of
 * the negated word (`k:neg_place`), or `k:neg_` when it has none. Only the word right after the
 * negation counts, skipping clitics and auxiliaries ("no me llegó", "no ha llegado").
 */
function negatedFeatures(tokens: readonly string[], i: number, lexicon?: ReadonlySet<string>): string[] {
  let j = i - 1;
  while (j >= 0 && CLITIC.has(tokens[j] as string)) j--;
  if (j < 0 || j === i || !NEGATION.has(tokens[j] as string) || NEGATION.has(tokens[i] as string) || CLITIC.has(tokens[i] as string)) return [];
  const concepts = conceptsOf(tokens[i] as string, lexicon);
  return concepts.length === 0 ? ['k:neg_'] : concepts.map((c) => `k:neg_${c}`);
}

/**
 * Relative weight of each feature block (word, bigram, concept, character n-gram): character
 * n-grams are many and individually weak, so they are damped; concepts generalise, so they are boosted.
 */
export const BLOCK_WEIGHTS: Record<string, number> = { w: 1.5, b: 0.7, k: 1.5, c: 0.6 };

/** Distinct tokens whose feature ids a vectorizer remembers. */
const TOKEN_CACHE_LIMIT = 50_000;

/** Feature vocabulary with IDF weights, fitted on the training set. */
export interface Vectorizer {
  readonly size: number;
  transform(tokens: readonly string[]): SparseVector;
}

/**
 * What fitting a vectorizer computes, as plain data (`model-transfer.ts` sends it between threads):
 * the sorted feature names, their IDF and block weights. The lexicon the features were counted
 * with is not part of it: the caller fits and transforms with the same one.
 */
export interface VectorizerModel {
  features: string[];
  idf: Float64Array;
  weights: Float64Array;
}

export function fitVectorizer(
  docs: readonly (readonly string[])[],
  options: { minDf?: number; lexicon?: ReadonlySet<string> } = {},
): Vectorizer {
  return createVectorizer(fitVectorizerModel(docs, options), options.lexicon);
}

/** Fits the vocabulary and its weights on the training documents. */
export function fitVectorizerModel(
  docs: readonly (readonly string[])[],
  options: { minDf?: number; lexicon?: ReadonlySet<string> } = {},
): VectorizerModel {
  const { minDf = 1, lexicon } = options;
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const f of countFeatures(doc, lexicon).keys()) df.set(f, (df.get(f) ?? 0) + 1);
  }
  const features: string[] = [];
  const idf: number[] = [];
  const weights: number[] = [];
  // Sorted so the model is identical whatever the insertion order (determinism).
  for (const f of [...df.keys()].sort()) {
    const d = df.get(f) as number;
    if (d < minDf) continue;
    features.push(f);
    idf.push(Math.log((1 + docs.length) / (1 + d)) + 1);
    weights.push(BLOCK_WEIGHTS[f[0] as string] ?? 1);
  }
  return { features, idf: Float64Array.from(idf), weights: Float64Array.from(weights) };
}

/** A vectorizer over a fitted (or received) model; `lexicon` must be the one it was fitted with. */
export function createVectorizer(model: VectorizerModel, lexicon?: ReadonlySet<string>): Vectorizer {
  const { idf, weights } = model;
  const vocab = new Map<string, number>();
  for (let i = 0; i < model.features.length; i++) vocab.set(model.features[i] as string, i);
  // Every feature but the bigram and the negation depends on one token alone: remember each token's known feature
  // ids (repeated as often as the token yields them) instead of building and hashing n-gram strings
  // on every message. Bounded so odd input cannot grow it without end.
  const tokenFeatures = new Map<string, Int32Array>();
  const featuresOf = (token: string): Int32Array => {
    let ids = tokenFeatures.get(token);
    if (ids === undefined) {
      const found: number[] = [];
      for (const [f, c] of countFeatures([token], lexicon)) {
        const idx = vocab.get(f);
        if (idx !== undefined) for (let k = 0; k < c; k++) found.push(idx);
      }
      ids = Int32Array.from(found);
      if (tokenFeatures.size < TOKEN_CACHE_LIMIT) tokenFeatures.set(token, ids);
    }
    return ids;
  };

  const scratch = new Float64Array(idf.length);
  const touched: number[] = [];

  return {
    size: idf.length,
    transform(tokens) {
      // Same counts as `countFeatures(tokens)` restricted to the vocabulary, kept in a scratch array
      // (reset below before returning; `transform` is synchronous, so it is never shared).
      touched.length = 0;
      const add = (idx: number | undefined): void => {
        if (idx === undefined) return;
        if (scratch[idx] === 0) touched.push(idx);
        scratch[idx] = (scratch[idx] as number) + 1;
      };
      for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i] as string;
        for (const idx of featuresOf(tok)) add(idx);
        if (i + 1 < tokens.length) add(vocab.get(`b:${tok}_${tokens[i + 1] as string}`));
        for (const f of negatedFeatures(tokens, i, lexicon)) add(vocab.get(f));
      }
      if (tokens.length === 0) add(vocab.get('w:<empty>'));
      const index = Int32Array.from(touched).sort();
      const value = new Float64Array(index.length);
      // Summed in index order, as before, so the norm is bit-for-bit the same.
      let norm = 0;
      for (let k = 0; k < index.length; k++) {
        const i = index[k] as number;
        const v = (1 + Math.log(scratch[i] as number)) * (idf[i] as number) * (weights[i] as number);
        scratch[i] = 0;
        value[k] = v;
        norm += v * v;
      }
      norm = Math.sqrt(norm) || 1;
      for (let k = 0; k < value.length; k++) value[k] = (value[k] as number) / norm;
      return { index, value };
    },
  };
}
