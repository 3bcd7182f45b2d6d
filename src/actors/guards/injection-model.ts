/**
 * A small logistic-regression scorer over hashed character 3–5-grams, words, word bigrams and
 * *concepts* of the normalised text: the part of injection detection that generalises past the
 * written patterns (a paraphrase the rules never saw still shares "tus instrucciones", "de los
 * clientes", "sin verificar"…, and the concepts — the assistant addressed, one of its controls,
 * turning something off, a contact field, a third person, a price set to nothing — and their pairs
 * carry meaning across wordings). Trained offline on the development corpora by
 * `scripts/train-injection-model.ts` (deterministic: same corpus → same weights), shipped as
 * `injection-model.json` (int8 weights, about 90 KB, read once) with the threshold from which it
 * flags a message alone, chosen by the script's 5-fold cross-validation.
 */
import { readFileSync } from 'node:fs';
import { ADDRESSED, AI, CHANGE, CONTROL, FIELD, NOT_MINE, OTHER_PERSON, PRICED, RECORD_NO, SCOPE, STATE_OFF, TINY_AMOUNT, TURN_OFF, ZERO } from './injection-rules/intent-lexicon.js';

export const MODEL_DIMENSIONS = 1 << 16;

/** FNV-1a, folded into the model's dimensions. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % MODEL_DIMENSIONS;
}

const word = (alternation: string) => new RegExp(`\\b(?:${alternation})\\b`);
/** Concepts of the intent lexicon; each present one is a feature, and so is each present pair. */
const CONCEPTS: [string, RegExp][] = [
  ['addressed', ADDRESSED],
  ['ai', word(AI)],
  ['control', word(CONTROL)],
  ['turn_off', word(TURN_OFF)],
  ['state_off', word(STATE_OFF)],
  ['scope', word(SCOPE)],
  ['field', word(FIELD)],
  ['other_person', word(OTHER_PERSON)],
  ['not_mine', word(NOT_MINE)],
  ['record', word(RECORD_NO)],
  ['change', word(CHANGE)],
  ['priced', word(PRICED)],
  ['tiny', word(TINY_AMOUNT)],
  ['zero', word(ZERO)],
  ['yours', /\b(?:tus|tu|your|yours|yourself|te|ti)\b/],
  ['mine', /\b(?:mi|mis|my|yo|i|me|mine|mio|mia)\b/],
  ['question', /\?/],
];

/**
 * Features of an already normalised reading (lower case, no accents): binary, L2-normalised.
 * Exported for the training script, which must featurise exactly as the scorer does.
 */
export function injectionFeatures(reading: string): Map<number, number> {
  const t = ` ${reading.replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim()} `;
  const out = new Map<number, number>();
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= t.length; i++) out.set(hash(t.slice(i, i + n)), 1);
  const words = t.trim().split(' ');
  for (const w of words) out.set(hash(`u:${w}`), 1);
  for (let i = 0; i + 1 < words.length; i++) out.set(hash(`w:${words[i]} ${words[i + 1]}`), 1);
  const present = CONCEPTS.filter(([, re]) => re.test(reading)).map(([name]) => name);
  for (let i = 0; i < present.length; i++) {
    out.set(hash(`c:${present[i]}`), 1);
    for (let j = i + 1; j < present.length; j++) out.set(hash(`c:${present[i]}&${present[j]}`), 1);
  }
  const norm = Math.sqrt(out.size) || 1;
  for (const k of out.keys()) out.set(k, 1 / norm);
  return out;
}

export interface InjectionModelFile {
  /** 2: characters, words, word pairs and concepts (1: characters and word pairs only, no longer read). */
  version: 2;
  dimensions: number;
  bias: number;
  /** Weight = int8 × scale. */
  scale: number;
  /** Base64 of `dimensions` int8 weights. */
  weights: string;
  /**
   * Probability from which the scorer alone flags a message, chosen by the training script's
   * 5-fold cross-validation on the training corpora (absent in older files: 0.9).
   */
  threshold?: number;
  /**
   * Corpus lines: `attacks`, `benign` (look-alikes; before round 3 this also counted the store
   * utterances); `composed`: messages of each class made by the training script from them.
   */
  trainedOn: { attacks: number; benign: number; composed?: number; files: string[] };
}

export interface InjectionModel {
  /** Probability (0–1) that a normalised reading is an injection. */
  score(reading: string): number;
  /** Probability from which the scorer alone flags a message (see `InjectionModelFile.threshold`). */
  threshold: number;
}

/** Threshold of a model file that does not carry its own. */
export const DEFAULT_MODEL_THRESHOLD = 0.9;

export function modelFromFile(file: InjectionModelFile): InjectionModel {
  if (file.version !== 2 || file.dimensions !== MODEL_DIMENSIONS) throw new Error('injection model: unsupported file');
  const threshold = file.threshold ?? DEFAULT_MODEL_THRESHOLD;
  if (!(threshold > 0 && threshold < 1)) throw new Error('injection model: threshold outside (0, 1)');
  const raw = Buffer.from(file.weights, 'base64');
  const weights = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  return {
    threshold,
    score(reading) {
      let z = file.bias;
      for (const [k, v] of injectionFeatures(reading)) z += (weights[k] as number) * file.scale * v;
      return 1 / (1 + Math.exp(-z));
    },
  };
}

let loaded: InjectionModel | null | undefined;

/** The shipped model, read once; null when the file is missing (the rules still run). */
export function shippedInjectionModel(): InjectionModel | null {
  if (loaded !== undefined) return loaded;
  try {
    loaded = modelFromFile(JSON.parse(readFileSync(new URL('./injection-model.json', import.meta.url), 'utf8')) as InjectionModelFile);
  } catch {
    loaded = null;
  }
  return loaded;
}

/** Replaces the shipped model (null: rules only; undefined: read the file again). For evaluation scripts and tests. */
export function useInjectionModel(model: InjectionModel | null | undefined): void {
  loaded = model;
}
