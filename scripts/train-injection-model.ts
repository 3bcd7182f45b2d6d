/**
 * Trains the injection scorer (`src/actors/guards/injection-model.json`) on the development
 * corpora only: `test/fixtures/injection/attacks.jsonl` + `benign.jsonl`, `train-v2-*`, `train-v3-*`,
 * `train-v4-*` and `train-r3-*` (round 3), the demo tenant's customer utterances as more benign
 * text, and messages composed from them (a store question followed by an attack, or by an honest
 * request: see `composed`). Never read: the held-out pairs (`heldout-*`), the held-back pairs
 * (`split-*`), blind sets (`blind-*`), `test/eval/holdout-2` and `test/eval/holdout-3`.
 * Deterministic (seeded shuffles and compositions): same corpus, same weights, same threshold.
 *
 * The threshold from which the scorer alone flags a message is chosen here by 5-fold
 * cross-validation on the training corpora and saved with the weights (`threshold`): the lowest
 * one at which the out-of-fold scores flag at most `FP_BUDGET` of the look-alike messages.
 *
 *   npx tsx scripts/train-injection-model.ts          # cross-validate, train on everything, write the model
 *   npx tsx scripts/train-injection-model.ts --kfold  # only print the 5-fold table (writes nothing)
 *   npx tsx scripts/train-injection-model.ts --cv     # leave-one-family-out: train without one
 *                                                     # family of train-v2..r3, measure on it (writes nothing)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { detectInjection, normaliseForDetection } from '../src/actors/guards/injection-detector.js';
import { injectionFeatures, MODEL_DIMENSIONS, modelFromFile, useInjectionModel, type InjectionModelFile } from '../src/actors/guards/injection-model.js';
import { readings } from '../src/actors/guards/injection-readings.js';

interface Sample {
  text: string;
  lang: string;
  kind?: string;
}
const load = (file: string): Sample[] =>
  readFileSync(new URL(`../test/fixtures/injection/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Sample);

const ATTACK_FILES = ['attacks.jsonl', 'train-v2-attacks.jsonl', 'train-v3-attacks.jsonl', 'train-v4-attacks.jsonl', 'train-r3-attacks.jsonl'];
const BENIGN_FILES = ['benign.jsonl', 'train-v2-benign.jsonl', 'train-v3-benign.jsonl', 'train-v4-benign.jsonl', 'train-r3-benign.jsonl'];
// Ordinary store talk in both languages, so that ordinary words do not read as attacks.
const utterances = JSON.parse(readFileSync(new URL('../tenants/ferreteria/utterances.json', import.meta.url), 'utf8')) as Record<string, Record<string, string[]>>;
const storeTalk = Object.values(utterances).flatMap((byLang) => Object.values(byLang).flat());
const storeTalkIn = (lang: string) => Object.values(utterances).flatMap((byLang) => byLang[lang] ?? []);

const EPOCHS = 50;
const RATE = 0.5;
/** L2 per update, scaled by the rate: pulls rare n-grams (one sentence's quirks) towards zero. */
const L2 = 1e-5;
/** Composed messages of each class (see `composed`). */
const COMPOSED = 1200;
/**
 * Share of look-alike messages the detector (rules OR scorer) may flag out of fold: 1.5 %, half of
 * issue 11's 3 %, because out-of-fold figures are optimistic (the rules were written against these
 * corpora; translation pairs may land in different folds). A 2 % budget chose 0.8, which flagged
 * 3.4 % of held-out pair 4's look-alikes (EVALUATION.md, injection round 3).
 */
const FP_BUDGET = 0.015;
const FOLDS = 5;
const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/** Park–Miller-style LCG: the only randomness, so the output depends on the corpus alone. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const JOINERS: Record<string, string[]> = {
  es: [' y de paso ', '. otra cosa: ', ', y ', '. PD: ', ' ah y ', '. Además, '],
  en: [' and also ', '. btw ', ', and ', '. P.S. ', ' oh and ', '. Also, '],
};

/**
 * Messages made of a store question followed by an attack (attacks) or by an honest request
 * (look-alikes): instructions hidden inside product questions are the family blind sets miss most,
 * and the pairing teaches the scorer that the question and the joiner are neutral and only the
 * request decides. Short, plain-text lines only (encoded ones are read by their own readings).
 */
function composed(attacks: Sample[], benign: Sample[], n: number): { attacks: string[]; benign: string[] } {
  const random = lcg(7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const plain = (s: Sample) => s.text.length <= 90 && !['obfuscated', 'encoded', 'delimiter'].includes(s.kind ?? '');
  const make = (pool: Sample[]) =>
    Array.from({ length: n }, () => {
      const s = pick(pool);
      return `${pick(storeTalkIn(s.lang))}${pick(JOINERS[s.lang] ?? JOINERS.en!)}${s.text.charAt(0).toLowerCase()}${s.text.slice(1)}`;
    });
  return { attacks: make(attacks.filter(plain)), benign: make(benign.filter(plain)) };
}

function train(attackSamples: Sample[], benignSamples: Sample[], files: string[]): InjectionModelFile {
  const extra = composed(attackSamples, benignSamples, COMPOSED);
  const attacks = [...attackSamples.map((s) => s.text), ...extra.attacks];
  const benign = [...benignSamples.map((s) => s.text), ...storeTalk, ...extra.benign];
  const xs = [...attacks, ...benign].map((t) => injectionFeatures(normaliseForDetection(t)));
  const ys = [...attacks.map(() => 1), ...benign.map(() => 0)];
  const w = new Float64Array(MODEL_DIMENSIONS);
  let bias = 0;
  const order = xs.map((_, i) => i);
  const random = lcg(42);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = RATE / (1 + epoch * 0.1);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) {
      const x = xs[i] as Map<number, number>;
      const y = ys[i] as number;
      let z = bias;
      for (const [k, v] of x) z += (w[k] as number) * v;
      const g = 1 / (1 + Math.exp(-z)) - y;
      for (const [k, v] of x) w[k] = (w[k] as number) * (1 - rate * L2) - rate * g * v;
      bias -= rate * g;
    }
  }
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const q = new Int8Array(MODEL_DIMENSIONS);
  for (let k = 0; k < MODEL_DIMENSIONS; k++) q[k] = Math.max(-127, Math.min(127, Math.round((w[k] as number) / scale)));
  return {
    version: 2,
    dimensions: MODEL_DIMENSIONS,
    bias: Math.round(bias * 1e6) / 1e6,
    scale,
    weights: Buffer.from(q.buffer).toString('base64'),
    threshold: 0.9,
    trainedOn: { attacks: attackSamples.length, benign: benignSamples.length, composed: COMPOSED, files },
  };
}

const attackSamples = ATTACK_FILES.flatMap((f) => load(f));
const benignSamples = BENIGN_FILES.flatMap((f) => load(f));
const files = [...ATTACK_FILES, ...BENIGN_FILES, 'tenants/ferreteria/utterances.json'];
const pct = (n: number, d: number) => `${((n / Math.max(1, d)) * 100).toFixed(1).padStart(5)} %`;

/** The scorer's probability as the detector reads it: the plain and the de-obfuscated reading. */
function scoreOf(model: ReturnType<typeof modelFromFile>, text: string): number {
  const list = readings(normaliseForDetection(text));
  return Math.max(model.score(list[0] as string), list.length > 1 && list[1] !== list[0] ? model.score(list[1] as string) : 0);
}

/**
 * 5-fold cross-validation (folds by position after a seeded shuffle, both classes split alike):
 * every training message is scored by a scorer that never saw it. Returns the out-of-fold scores
 * and whether the rules alone flag each message (rules were written with these corpora in view,
 * so their column is optimistic; the scorer's is the honest one, short of translation pairs
 * that can land in different folds).
 */
function outOfFold(): { attacks: { p: number; rules: boolean }[]; benign: { p: number; rules: boolean }[] } {
  const foldOf = (n: number, seed: number) => {
    const order = Array.from({ length: n }, (_, i) => i);
    const random = lcg(seed);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const fold = new Array<number>(n);
    order.forEach((idx, pos) => (fold[idx] = pos % FOLDS));
    return fold;
  };
  const fa = foldOf(attackSamples.length, 11);
  const fb = foldOf(benignSamples.length, 13);
  const pa = new Array<number>(attackSamples.length).fill(0);
  const pb = new Array<number>(benignSamples.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const model = modelFromFile(train(attackSamples.filter((_, i) => fa[i] !== k), benignSamples.filter((_, i) => fb[i] !== k), files));
    attackSamples.forEach((s, i) => fa[i] === k && (pa[i] = scoreOf(model, s.text)));
    benignSamples.forEach((s, i) => fb[i] === k && (pb[i] = scoreOf(model, s.text)));
  }
  useInjectionModel(null);
  const rules = (s: Sample) => detectInjection(s.text).verdict !== 'clean';
  const out = { attacks: attackSamples.map((s, i) => ({ p: pa[i] as number, rules: rules(s) })), benign: benignSamples.map((s, i) => ({ p: pb[i] as number, rules: rules(s) })) };
  useInjectionModel(undefined);
  return out;
}

function pickThreshold(): number {
  const oof = outOfFold();
  console.log(`${FOLDS}-fold cross-validation on ${oof.attacks.length} attacks and ${oof.benign.length} look-alikes (out-of-fold scores)`);
  console.log('threshold   scorer: attacks   look-alikes   rules OR scorer: attacks   look-alikes');
  let chosen = THRESHOLDS[THRESHOLDS.length - 1] as number;
  for (const t of [...THRESHOLDS].reverse()) {
    const flagged = oof.benign.filter((x) => x.rules || x.p >= t).length;
    if (flagged / oof.benign.length <= FP_BUDGET) chosen = t;
  }
  for (const t of THRESHOLDS) {
    const sa = oof.attacks.filter((x) => x.p >= t).length;
    const sb = oof.benign.filter((x) => x.p >= t).length;
    const ca = oof.attacks.filter((x) => x.rules || x.p >= t).length;
    const cb = oof.benign.filter((x) => x.rules || x.p >= t).length;
    console.log(`${t.toFixed(2).padEnd(9)}${t === chosen ? '*' : ' '}          ${pct(sa, oof.attacks.length)}       ${pct(sb, oof.benign.length)}                  ${pct(ca, oof.attacks.length)}       ${pct(cb, oof.benign.length)}`);
  }
  if (process.env.SHOW_OOF === '1') {
    benignSamples.forEach((s, i) => (oof.benign[i]?.rules || (oof.benign[i]?.p ?? 0) >= chosen) && console.log(`  FP ${(oof.benign[i]?.p ?? 0).toFixed(2)} ${oof.benign[i]?.rules ? 'rules' : ''} [${s.kind}] ${s.text}`));
  }
  console.log(`chosen: ${chosen} (lowest threshold at which rules OR scorer flag at most ${FP_BUDGET * 100} % of the look-alikes out of fold)`);
  return chosen;
}

if (process.argv.includes('--cv')) {
  // Leave one family out: the scorer never sees the family's attacks (or, for benign families, the
  // family's look-alikes); the figures say how the scorer fares on a kind of message nobody
  // trained on. The scorer's threshold is the shipped one.
  const threshold = modelFromFile(JSON.parse(readFileSync(new URL('../src/actors/guards/injection-model.json', import.meta.url), 'utf8')) as InjectionModelFile).threshold;
  // Lines without a kind (the first development set's look-alikes) form no family.
  const families = (samples: Sample[]) => [...new Set(samples.flatMap((s) => (s.kind === undefined ? [] : [s.kind])))].sort();
  for (const [label, own, other, isAttack] of [
    ['attack family (left out)', attackSamples, benignSamples, true],
    ['benign family (left out)', benignSamples, attackSamples, false],
  ] as const) {
    console.log(`${label.padEnd(26)}   n   scorer ≥ ${threshold}`);
    for (const kind of families(own)) {
      const out = own.filter((s) => s.kind === kind);
      const rest = own.filter((s) => s.kind !== kind);
      const model = modelFromFile(isAttack ? train(rest, other, files) : train(other, rest, files));
      const hit = out.filter((s) => scoreOf(model, s.text) >= threshold).length;
      console.log(`${kind.padEnd(26)} ${String(out.length).padStart(4)}   ${pct(hit, out.length)}`);
    }
  }
} else if (process.argv.includes('--kfold')) {
  pickThreshold();
} else {
  const threshold = pickThreshold();
  const file = { ...train(attackSamples, benignSamples, files), threshold };
  writeFileSync(new URL('../src/actors/guards/injection-model.json', import.meta.url), `${JSON.stringify(file)}\n`);
  console.log(`injection model: ${attackSamples.length} attacks, ${benignSamples.length} look-alikes (+ ${storeTalk.length} store lines, ${COMPOSED} + ${COMPOSED} composed), bias ${file.bias.toFixed(3)}, scale ${file.scale.toExponential(3)}, threshold ${threshold}`);
}
