// Worker-thread entry: trains a text model off the main thread so the server keeps answering while a model
// version is trained (seconds for the demo, up to a minute for 100,000 orders). Loaded by train-in-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { sharedJiebaTokenizer } from '../engine/jieba-tokenizer';
import { trainTextModel, type TextModelConfig, type TrainingExample } from '../engine/text-model';

interface Job {
  examples: TrainingExample[];
  targets: string[];
  config: TextModelConfig;
}

const job = workerData as Job;
try {
  const model = trainTextModel({ examples: job.examples, targets: job.targets, config: job.config, tokenizer: sharedJiebaTokenizer() });
  parentPort?.postMessage({ ok: true, json: JSON.stringify(model.json) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
