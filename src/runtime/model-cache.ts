import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassifierModel } from '../actors/brain/rule/classifier.js';
import { classifierTrainingOf, packClassifierModel, PACKED_MODEL_VERSION, unpackClassifierModel, type ClassifierTraining, type TrainableTenant } from '../actors/brain/rule/model-transfer.js';
import { rememberedModel } from '../actors/brain/rule/trained-models.js';
import type { Logger } from '../kernel/logger.js';

/**
 * Trained classifiers kept on disk (`HILO_MODEL_CACHE`, default `<dataDir>/models`), so that a
 * process that starts again on unchanged tenant data does not train for two seconds of CPU before
 * it can answer: a restart, a cluster member taking shards back, `npm start`, every test or
 * benchmark that starts a server. Training is deterministic, so a model is named by a digest of
 * everything it depends on: the training input (utterances, labels, product words) and the rule
 * brain's own source files (the tokenizer, features and classifier that trained it). Changed data
 * or code has another name and trains; an unreadable or truncated file is ignored and replaced.
 * Files are written whole under a temporary name and renamed, so concurrent members never read half
 * a model; the newest `KEEP_MODELS` files stay.
 */
const KEEP_MODELS = 8;
const MAGIC = 'hilo-classifier';
const RULE_DIR = fileURLToPath(new URL('../actors/brain/rule/', import.meta.url));
/** What the rule brain's training imports from outside its folder (text folding, the intent list). */
const SHARED_DIRS: [string, RegExp][] = [
  [fileURLToPath(new URL('../kernel/', import.meta.url)), /^fold\.(ts|js)$/],
  [fileURLToPath(new URL('../domain/', import.meta.url)), /^intents?(-set)?\.(ts|js)$/],
];

let codeDigest: string | null = null;

/** Digest of the rule brain's source (compiled or not): a model trained by other code is another model. */
function ruleCodeDigest(): string {
  if (codeDigest) return codeDigest;
  const hash = createHash('sha256').update(`${MAGIC}\0${PACKED_MODEL_VERSION}\0`);
  for (const [dir, pattern] of [[RULE_DIR, /\.(ts|js)$/], ...SHARED_DIRS] as [string, RegExp][]) {
    for (const name of readdirSync(dir).sort()) {
      if (!pattern.test(name) || name.endsWith('.d.ts')) continue;
      hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
    }
  }
  codeDigest = hash.digest('hex');
  return codeDigest;
}

function modelName(training: ClassifierTraining): string {
  const digest = createHash('sha256').update(ruleCodeDigest()).update(JSON.stringify([training.labels, training.lexicon, training.examples])).digest('hex');
  return `${digest.slice(0, 40)}.model`;
}

/** One file: a JSON header line (labels, lexicon, the byte length of each array), then the arrays. */
function encode(model: ClassifierModel): Buffer {
  const { packed } = packClassifierModel(model);
  const arrays = [packed.features, packed.idf, packed.weights, packed.w, packed.b];
  const header = JSON.stringify({ magic: MAGIC, v: packed.v, labels: packed.labels, lexicon: packed.lexicon, lengths: arrays.map((a) => a.byteLength) });
  return Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
}

/** The model a file holds; throws on anything but a whole file of this format. */
function decode(file: Buffer): ClassifierModel {
  const newline = file.indexOf(0x0a);
  if (newline < 0) throw new Error('no header');
  const header = JSON.parse(file.subarray(0, newline).toString('utf8')) as { magic?: string; v?: number; labels?: unknown; lexicon?: unknown; lengths?: unknown };
  const lengths = header.lengths;
  if (header.magic !== MAGIC || header.v !== PACKED_MODEL_VERSION || !Array.isArray(lengths) || lengths.length !== 5 || !Array.isArray(header.labels) || !Array.isArray(header.lexicon)) throw new Error('not a model of this version');
  if (!lengths.every((n) => Number.isInteger(n) && n >= 0) || (lengths.slice(1) as number[]).some((n) => n % 8 !== 0)) throw new Error('bad array lengths');
  if (newline + 1 + (lengths as number[]).reduce((a, b) => a + b, 0) !== file.length) throw new Error('truncated or padded file');
  let at = newline + 1;
  // Copies into fresh buffers: a Float64Array needs an 8-byte aligned offset, which a file's bytes do not promise.
  const take = (n: number) => {
    const out = new Uint8Array(n);
    out.set(file.subarray(at, at + n));
    at += n;
    return out;
  };
  const [features, idf, weights, w, b] = (lengths as number[]).map(take) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const f64 = (a: Uint8Array) => new Float64Array(a.buffer, 0, a.byteLength / 8);
  return unpackClassifierModel({ v: PACKED_MODEL_VERSION, labels: header.labels as ClassifierModel['labels'], lexicon: header.lexicon as string[], features, idf: f64(idf), weights: f64(weights), w: f64(w), b: f64(b) });
}

function prune(dir: string, keep: string): void {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.model') && n !== keep)
    .map((n) => ({ n, at: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { n } of files.slice(KEEP_MODELS - 1)) unlinkSync(join(dir, n));
}

/**
 * The tenant's classifier: from `dir` when a model of this data and code is there, else trained (in
 * this process, once per distinct input: `rememberedModel`) and written to `dir`. A cache that cannot
 * be read or written is logged and skipped: training still gives the same model.
 *
 * @example
 * const classifier = cachedClassifier(config.modelCacheDir, data, logger); // then createRuleBrain({ tenant: data, classifier })
 */
export function cachedClassifier(dir: string, tenant: TrainableTenant, logger: Logger): ClassifierModel {
  const training = classifierTrainingOf(tenant);
  const name = modelName(training);
  const path = join(dir, name);
  try {
    const model = decode(readFileSync(path));
    logger.debug({ model: name }, 'classifier model read from the model cache');
    return model;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ model: name, reason: (err as Error).message }, 'classifier model in the cache unreadable; training again');
  }
  const model = rememberedModel(training);
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(temporary, encode(model));
    renameSync(temporary, path);
    prune(dir, name);
  } catch (err) {
    logger.warn({ model: name, reason: (err as Error).message }, 'classifier model not written to the model cache');
  }
  return model;
}
