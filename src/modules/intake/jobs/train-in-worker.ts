import { Worker } from 'node:worker_threads';
import type { ModelTrainer } from '../app/intake-runtime';
import { loadTextModel, type TextModelJson } from '../engine/text-model';

/**
 * Trains in a worker thread (the model code is pure, so the result is the same as in-process). The worker
 * starts from a small .mjs file that registers tsx in that thread (hooks are per thread), then loads the
 * TypeScript entry.
 */
export const trainInWorker: ModelTrainer = (input) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./intake-train-worker.mjs', import.meta.url), {
      workerData: { examples: input.examples, targets: input.targets, config: input.config },
    });
    worker.once('message', (m: { ok: true; json: string } | { ok: false; message: string }) => {
      if (m.ok) resolve(loadTextModel(JSON.parse(m.json) as TextModelJson));
      else reject(new Error(m.message));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
