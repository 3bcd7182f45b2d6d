/**
 * Worker-thread entry that trains one tenant's classifier off the event loop (`classifier-training.ts`
 * starts it): reads the tenant's training data from `workerData`, trains, and posts the model back
 * with its buffers transferred. One worker per training; it exits when done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { classifierTrainingOf, packClassifierModel, trainFromTraining, type TrainableTenant } from '../actors/brain/rule/model-transfer.js';
import type { TrainingReply } from './classifier-training.js';

const port = parentPort;
if (port === null) throw new Error('training-worker runs in a worker thread (see classifier-training.ts)');
const started = performance.now();
let reply: TrainingReply;
let transfer: ArrayBuffer[] = [];
try {
  const { tenant } = workerData as { tenant: TrainableTenant };
  const packed = packClassifierModel(trainFromTraining(classifierTrainingOf(tenant)));
  transfer = packed.transfer;
  reply = { ok: true, model: packed.packed, trainingMs: Math.round(performance.now() - started) };
} catch (err) {
  reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
}
port.postMessage(reply, transfer);
