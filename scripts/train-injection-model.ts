/**
 * Trains the injection scorer (`src/actors/guards/injection-model.json`) on the development
 * corpus only (`test/fixtures/injection/attacks.jsonl` and `benign.jsonl`, plus the demo tenant's
 * customer utterances as more benign text; the held-out pairs are never read). Deterministic:
 * same corpus, same weights.
 *
 *   npx tsx scripts/train-injection-model.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { normaliseForDetection } from '../src/actors/guards/injection-detector.js';
import { injectionFeatures, MODEL_DIMENSIONS, type InjectionModelFile } from '../src/actors/guards/injection-model.js';

const load = (file: string): string[] =>
  readFileSync(new URL(`../test/fixtures/injection/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text);

const attacks = load('attacks.jsonl');
// Benign: the corpus's look-alikes plus every customer utterance the demo tenant's rule brain is
// trained on (ordinary store talk in both languages), so ordinary words do not read as attacks.
const utterances = JSON.parse(readFileSync(new URL('../tenants/ferreteria/utterances.json', import.meta.url), 'utf8')) as Record<string, Record<string, string[]>>;
const benign = [...load('benign.jsonl'), ...Object.values(utterances).flatMap((byLang) => Object.values(byLang).flat())];
const xs = [...attacks, ...benign].map((t) => injectionFeatures(normaliseForDetection(t)));
const ys = [...attacks.map(() => 1), ...benign.map(() => 0)];
const w = new Float64Array(MODEL_DIMENSIONS);
let bias = 0;
const order = xs.map((_, i) => i);
let seed = 42;
const random = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const EPOCHS = 30;
const RATE = 0.5;
const L2 = 1e-5;
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  for (const i of order) {
    const x = xs[i] as Map<number, number>;
    let z = bias;
    for (const [k, v] of x) z += (w[k] as number) * v;
    const g = 1 / (1 + Math.exp(-z)) - (ys[i] as number);
    for (const [k, v] of x) w[k] = (w[k] as number) * (1 - L2) - RATE * g * v;
    bias -= RATE * g;
  }
}
let max = 0;
for (const v of w) max = Math.max(max, Math.abs(v));
const scale = max / 127 || 1;
const q = new Int8Array(MODEL_DIMENSIONS);
for (let k = 0; k < MODEL_DIMENSIONS; k++) q[k] = Math.max(-127, Math.min(127, Math.round((w[k] as number) / scale)));
const file: InjectionModelFile = {
  version: 1,
  dimensions: MODEL_DIMENSIONS,
  bias: Math.round(bias * 1e6) / 1e6,
  scale,
  weights: Buffer.from(q.buffer).toString('base64'),
  trainedOn: { attacks: attacks.length, benign: benign.length },
};
writeFileSync(new URL('../src/actors/guards/injection-model.json', import.meta.url), `${JSON.stringify(file)}\n`);
console.log(`injection model: ${attacks.length} attacks, ${benign.length} benign, bias ${file.bias.toFixed(3)}, scale ${scale.toExponential(3)}`);
