import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import type { ClassifierModel } from '../../../src/actors/brain/rule/classifier.js';
import { classifierTrainingOf, trainFromTraining } from '../../../src/actors/brain/rule/model-transfer.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createLogger } from '../../../src/kernel/logger.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { cachedClassifier } from '../../../src/runtime/model-cache.js';
import { loadConfig } from '../../../src/runtime/config.js';

function sameModel(a: ClassifierModel, b: ClassifierModel): void {
  expect(a.labels).toEqual(b.labels);
  expect(a.lexicon).toEqual(b.lexicon);
  expect(a.vectorizer.features).toEqual(b.vectorizer.features);
  for (const [x, y] of [
    [a.vectorizer.idf, b.vectorizer.idf],
    [a.vectorizer.weights, b.vectorizer.weights],
    [a.w, b.w],
    [a.b, b.b],
  ] as const) {
    expect(x.length).toBe(y.length);
    expect(Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength))).toBe(true);
  }
}

/** A logger whose lines the test reads. */
function capturingLogger() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { logger: createLogger({ level: 'debug', destination: stream }), lines };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('cachedClassifier (trained classifiers on disk)', () => {
  let estudio: TenantData;
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hilo-model-cache-test-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    estudio = await loadTenant(fileURLToPath(new URL('../../../tenants/estudio', import.meta.url)));
  });
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('should write the model trained on a miss and read back the very same model, which the brain accepts', async () => {
    const dir = freshDir();
    const { logger, lines } = capturingLogger();
    const trained = cachedClassifier(dir, estudio, logger);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{40}\.model$/);
    sameModel(trained, trainFromTraining(classifierTrainingOf(estudio)));

    const read = cachedClassifier(dir, estudio, logger);
    await tick();
    expect(read).not.toBe(trained);
    sameModel(read, trained);
    expect(lines.some((l) => l.msg === 'classifier model read from the model cache')).toBe(true);
    const brain = createRuleBrain({ tenant: estudio, classifier: read });
    expect(brain.parse('quiero agendar una cita para el sábado').intent.label).toBe('agendar_cita');
  });

  it('should train again on other data and keep both files', () => {
    const dir = freshDir();
    const logger = capturingLogger().logger;
    cachedClassifier(dir, estudio, logger);
    const [first] = Object.keys(estudio.utterances);
    const said = estudio.utterances[first!]!;
    const changed: TenantData = { ...estudio, utterances: { ...estudio.utterances, [first!]: { ...said, es: [...(said.es ?? []), 'una frase nueva para entrenar'] } } };
    const other = cachedClassifier(dir, changed, logger);
    sameModel(other, trainFromTraining(classifierTrainingOf(changed)));
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('should ignore a truncated or foreign file, say so, train and replace it', async () => {
    const dir = freshDir();
    const { logger, lines } = capturingLogger();
    const good = cachedClassifier(dir, estudio, logger);
    const [name] = readdirSync(dir);
    const path = join(dir, name!);
    const bytes = readFileSync(path);
    for (const broken of [bytes.subarray(0, bytes.length - 8), Buffer.from('{"magic":"other"}\n'), Buffer.from('no header at all')]) {
      writeFileSync(path, broken);
      sameModel(cachedClassifier(dir, estudio, logger), good);
      expect(readFileSync(path).equals(bytes)).toBe(true);
    }
    await tick();
    expect(lines.filter((l) => l.msg === 'classifier model in the cache unreadable; training again')).toHaveLength(3);
  });

  it('should train and warn, not fail, when the folder cannot be written', async () => {
    const dir = freshDir();
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const { logger, lines } = capturingLogger();
    sameModel(cachedClassifier(join(blocker, 'models'), estudio, logger), trainFromTraining(classifierTrainingOf(estudio)));
    await tick();
    expect(lines.some((l) => l.msg === 'classifier model not written to the model cache')).toBe(true);
  });

  it('should keep only the newest eight models', () => {
    const dir = freshDir();
    for (let i = 0; i < 9; i++) {
      writeFileSync(join(dir, `${String(i).padStart(40, '0')}.model`), 'old');
      utimesSync(join(dir, `${String(i).padStart(40, '0')}.model`), 1_000 + i, 1_000 + i);
    }
    cachedClassifier(dir, estudio, capturingLogger().logger);
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(8);
    // The one just written and the seven newest old ones.
    expect(left.filter((n) => n.startsWith('000000000000000000000000000000000000000'))).toHaveLength(7);
    expect(left).not.toContain(`${'0'.repeat(40)}.model`);
    expect(left).not.toContain(`${'0'.repeat(39)}1.model`);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('should be configured by HILO_MODEL_CACHE: a folder, off, or the data folder by default', () => {
    expect(loadConfig({ HILO_MODEL_CACHE: '/var/cache/hilo' }).modelCacheDir).toBe('/var/cache/hilo');
    expect(loadConfig({ HILO_MODEL_CACHE: 'off' }).modelCacheDir).toBeNull();
    expect(loadConfig({ HILO_DATA_DIR: '/srv/hilo' }).modelCacheDir).toBe(join('/srv/hilo', 'models'));
  });
});
