import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classifierTrainingOf, trainFromTraining } from '../../src/actors/brain/rule/model-transfer.js';
import { loadTenant } from '../../src/persistence/tenant-loader.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The compiled tree `npm start` runs (`npm test` builds it first); another one with HILO_TEST_DIST_DIR. */
const DIST = process.env.HILO_TEST_DIST_DIR ?? join(ROOT, 'dist');

const digest = (a: Float64Array): string => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');

/**
 * `npm start` runs plain JavaScript from dist/ (no tsx): the build must emit the training worker
 * and the compiled code must find and start it. A separate `node` process, without any loader.
 */
describe('training worker from the built dist/', () => {
  it('should train the studio in a worker thread of compiled code, the same model as the sources train', async () => {
    const entry = join(DIST, 'src', 'runtime', 'classifier-training.js');
    expect(existsSync(join(DIST, 'src', 'runtime', 'training-worker.js')), `no compiled training worker under ${DIST}: run npm run build`).toBe(true);
    const script = `
      const { loadTenant } = await import(${JSON.stringify(pathToFileURL(join(DIST, 'src', 'persistence', 'tenant-loader.js')).href)});
      const { trainClassifierInWorker } = await import(${JSON.stringify(pathToFileURL(entry).href)});
      const { createHash } = await import('node:crypto');
      const model = await trainClassifierInWorker(await loadTenant(${JSON.stringify(join(ROOT, 'tenants', 'estudio'))}));
      const w = createHash('sha256').update(new Uint8Array(model.w.buffer, model.w.byteOffset, model.w.byteLength)).digest('hex');
      process.stdout.write(JSON.stringify({ labels: model.labels, features: model.vectorizer.features.length, w }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: 60_000 });
    const fromDist = JSON.parse(stdout) as { labels: string[]; features: number; w: string };
    const inPlace = trainFromTraining(classifierTrainingOf(await loadTenant(join(ROOT, 'tenants', 'estudio'))));
    expect(fromDist).toEqual({ labels: inPlace.labels, features: inPlace.vectorizer.features.length, w: digest(inPlace.w) });
  }, 90_000);
});
