import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ClassifierModel } from '../actors/brain/rule/classifier.js';
import { unpackClassifierModel, type PackedClassifierModel, type TrainableTenant } from '../actors/brain/rule/model-transfer.js';
import { HiloError } from '../kernel/errors.js';

/** What `training-worker.ts` posts back: the model (its buffers transferred) or why training threw. */
export type TrainingReply = { ok: true; model: PackedClassifierModel; trainingMs: number } | { ok: false; error: string };

/** Trains a tenant's classifier somewhere else than the event loop; resolves with the model. */
export type TrainClassifier = (tenant: TrainableTenant) => Promise<ClassifierModel>;

export interface WorkerTrainingOptions {
  /** The worker's entry; default `training-worker` next to this file (`.ts` under tsx, `.js` in `dist/`). */
  workerUrl?: URL;
  /**
   * How long a training may take before the worker is terminated and the version fails (default
   * 120 s; the hardware store's trains in about a second, 2.4 s on a saturated machine). Without it
   * a worker that hung would leave the version `training` for ever and shutdown waiting on it.
   */
  timeoutMs?: number;
}

const DEFAULT_TRAINING_TIMEOUT_MS = 120_000;

const OWN_URL = import.meta.url;
const FROM_SOURCES = OWN_URL.endsWith(".ts");

/**
 * Trains one tenant's classifier in a new `worker_threads` Worker, so a big utterance set (the
 * hardware store's trains for about a second) does not stall every conversation of the process.
 * Rejects with `HILO_ERR_TENANT_TRAINING_FAILED` when training throws or the worker dies without
 * an answer. The tenant data is structured-cloned to the worker; the model comes back transferred.
 *
 * @example
 * const model = await trainClassifierInWorker(data);
 * const brain = createRuleBrain({ tenant: data, classifier: model });
 */
export function trainClassifierInWorker(tenant: TrainableTenant, options: WorkerTrainingOptions = {}): Promise<ClassifierModel> {
  const url = options.workerUrl ?? new URL(FROM_SOURCES ? './training-worker.ts' : './training-worker.js', OWN_URL);
  const { utterances, catalog, intents } = tenant;
  return new Promise<ClassifierModel>((resolve, reject) => {
    let answered = false;
    let timer: NodeJS.Timeout | undefined;
    const fail = (why: string, cause?: unknown): void => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      reject(new HiloError('HILO_ERR_TENANT_TRAINING_FAILED', `Training the tenant's classifier failed: ${why}`, cause === undefined ? {} : { cause }));
    };
    let worker: Worker;
    try {
      const workerData = { tenant: { utterances, catalog, ...(intents !== undefined ? { intents } : {}) } };
      // No node options from the parent (a worker refuses some, e.g. `--input-type`): the entry needs none but tsx's loader, registered by the bootstrap.
      const execArgv: string[] = [];
      worker = url.pathname.endsWith('.ts') ? new Worker(tsxBootstrap(url), { eval: true, workerData, execArgv }) : new Worker(url, { workerData, execArgv });
    } catch (err) {
      fail(`the training worker did not start (${(err as Error).message})`, err);
      return;
    }
    worker.once('message', (reply: TrainingReply) => {
      if (answered) return;
      if (!reply.ok) return fail(reply.error);
      try {
        const model = unpackClassifierModel(reply.model);
        answered = true;
        clearTimeout(timer);
        resolve(model);
      } catch (err) {
        fail((err as Error).message, err);
      }
    });
    const timeoutMs = options.timeoutMs ?? DEFAULT_TRAINING_TIMEOUT_MS;
    timer = setTimeout(() => {
      fail(`the training did not finish within ${timeoutMs} ms; the worker was stopped`);
      void worker.terminate();
    }, timeoutMs);
    timer.unref();
    worker.once('error', (err) => fail(`the training worker crashed (${err.message})`, err));
    worker.once('exit', (code) => fail(`the training worker exited with code ${code} before answering`));
  });
}

/**
 * The sources run under tsx (vitest, `npm run dev`) and so must a worker started from them. On
 * Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's entry (ERR_UNKNOWN_FILE_EXTENSION),
 * so a small script registers tsx's loader in the worker, then imports the entry. `dist/` needs none.
 */
function tsxBootstrap(entry: URL): string {
  const api = pathToFileURL(createRequire(OWN_URL).resolve('tsx/esm/api')).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}
