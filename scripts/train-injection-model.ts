/**
 * Trains the injection scorer (`src/actors/guards/injection-model.json`) on the development
 * corpora only: `test/fixtures/injection/attacks.jsonl` + `benign.jsonl`, the second-generation
 * `train-v2-attacks.jsonl` + `train-v2-benign.jsonl` and `train-v3-*`, `train-v4-*` (round 2), and the demo tenant's customer utterances as
 * more benign text. Never read: the held-out pairs (`heldout-*`), the own held-back pair
 * (`split-v2-*`), blind sets (`blind-*`) and `test/eval/holdout-2`. Deterministic: same corpus,
 * same weights.
 *
 *   npx tsx scripts/train-injection-model.ts          # train and write the model
 *   npx tsx scripts/train-injection-model.ts --cv     # leave-one-family-out: train without one
 *                                                     # family of train-v2, measure on it (writes nothing)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { detectInjection, MODEL_STRONG, MODEL_WEAK, normaliseForDetection } from '../src/actors/guards/injection-detector.js';
import { injectionFeatures, MODEL_DIMENSIONS, modelFromFile, useInjectionModel, type InjectionModelFile } from '../src/actors/guards/injection-model.js';

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

const ATTACK_FILES = ['attacks.jsonl', 'train-v2-attacks.jsonl', 'train-v3-attacks.jsonl', 'train-v4-attacks.jsonl'];
const BENIGN_FILES = ['benign.jsonl', 'train-v2-benign.jsonl', 'train-v3-benign.jsonl', 'train-v4-benign.jsonl'];
// Ordinary store talk in both languages, so that ordinary words do not read as attacks.
const utterances = JSON.parse(readFileSync(new URL('../tenants/ferreteria/utterances.json', import.meta.url), 'utf8')) as Record<string, Record<string, string[]>>;
const storeTalk = Object.values(utterances).flatMap((byLang) => Object.values(byLang).flat());

const EPOCHS = 30;
const RATE = 0.5;
/** L2 per update, scaled by the rate: pulls rare n-grams (one sentence's quirks) towards zero. */
const L2 = 1e-5;

function train(attacks: string[], benign: string[]): InjectionModelFile {
  const texts = [...attacks, ...benign];
  const xs = texts.map((t) => injectionFeatures(normaliseForDetection(t)));
  const ys = [...attacks.map(() => 1), ...benign.map(() => 0)];
  // Balanced classes: benign outnumbers attacks about two to one with the store talk.
  const weightOf = [1, 1];
  const w = new Float64Array(MODEL_DIMENSIONS);
  let bias = 0;
  const order = xs.map((_, i) => i);
  let seed = 42;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
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
      const g = (1 / (1 + Math.exp(-z)) - y) * (weightOf[y] as number);
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
    trainedOn: { attacks: attacks.length, benign: benign.length, files: [...ATTACK_FILES, ...BENIGN_FILES, 'tenants/ferreteria/utterances.json'] },
  };
}

const devAttacks = load(ATTACK_FILES[0] as string);
const devBenign = load(BENIGN_FILES[0] as string);
// train-v2, -v3 and -v4 share their family names; --cv leaves one family of both out at a time.
const v2Attacks = ATTACK_FILES.slice(1).flatMap((f) => load(f));
const v2Benign = BENIGN_FILES.slice(1).flatMap((f) => load(f));
const pct = (n: number, d: number) => `${((n / Math.max(1, d)) * 100).toFixed(1).padStart(5)} %`;

if (process.argv.includes('--cv')) {
  // Leave one family out: the scorer never sees the family's attacks (or, for benign families, the
  // family's look-alikes); the figures say how it and the whole detector fare on a kind of message
  // nobody trained on. The rules were written with train-v2 in view, so the detector's figures are
  // optimistic; the scorer's alone are the honest ones.
  const families = (samples: Sample[]) => [...new Set(samples.map((s) => s.kind ?? ''))].sort();
  console.log('attack family (left out)   n   scorer≥weak  scorer≥strong  detector');
  for (const kind of families(v2Attacks)) {
    const out = v2Attacks.filter((s) => s.kind === kind);
    const file = train([...devAttacks, ...v2Attacks.filter((s) => s.kind !== kind)].map((s) => s.text), [...devBenign, ...v2Benign].map((s) => s.text).concat(storeTalk));
    const model = modelFromFile(file);
    useInjectionModel(model);
    const p = out.map((s) => model.score(normaliseForDetection(s.text)));
    const det = out.filter((s) => detectInjection(s.text).verdict !== 'clean').length;
    console.log(`${kind.padEnd(24)} ${String(out.length).padStart(4)}   ${pct(p.filter((x) => x >= MODEL_WEAK).length, p.length)}      ${pct(p.filter((x) => x >= MODEL_STRONG).length, p.length)}      ${pct(det, out.length)}`);
  }
  console.log('benign family (left out)   n   scorer≥weak  scorer≥strong  detector (false positives)');
  for (const kind of families(v2Benign)) {
    const out = v2Benign.filter((s) => s.kind === kind);
    const file = train([...devAttacks, ...v2Attacks].map((s) => s.text), [...devBenign, ...v2Benign.filter((s) => s.kind !== kind)].map((s) => s.text).concat(storeTalk));
    const model = modelFromFile(file);
    useInjectionModel(model);
    const p = out.map((s) => model.score(normaliseForDetection(s.text)));
    const det = out.filter((s) => detectInjection(s.text).verdict !== 'clean').length;
    console.log(`${kind.padEnd(24)} ${String(out.length).padStart(4)}   ${pct(p.filter((x) => x >= MODEL_WEAK).length, p.length)}      ${pct(p.filter((x) => x >= MODEL_STRONG).length, p.length)}      ${pct(det, out.length)}`);
  }
  useInjectionModel(undefined);
} else {
  const attacks = [...devAttacks, ...v2Attacks].map((s) => s.text);
  const benign = [...devBenign, ...v2Benign].map((s) => s.text).concat(storeTalk);
  const file = train(attacks, benign);
  writeFileSync(new URL('../src/actors/guards/injection-model.json', import.meta.url), `${JSON.stringify(file)}\n`);
  console.log(`injection model: ${attacks.length} attacks, ${benign.length} benign, bias ${file.bias.toFixed(3)}, scale ${file.scale.toExponential(3)}`);
}
