/**
 * Training-time benchmark at hotline scale: N synthetic demo orders (default 100,000), two heads (leaf
 * category, unit), evaluated on 5,000 orders generated with another seed. Prints ONE JSON line.
 *   npx tsx bench/classify-scale.ts --count 100000 [--algorithm softmax|cnb|ensemble] [--epochs N]
 * The synthetic texts are template-made, so the accuracy here says nothing about real data (see classify.ts).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadDivisions } from '../src/modules/org/divisions';
import { CATEGORY_TARGET, UNIT_TARGET } from '../src/modules/intake/engine/analyze';
import { generateDemoOrders } from '../src/modules/intake/engine/demo-orders';
import { demoTrainingExamples } from '../src/modules/intake/engine/demo-model';
import { extractTerms } from '../src/modules/intake/engine/features';
import { sharedJiebaTokenizer } from '../src/modules/intake/engine/jieba-tokenizer';
import { DEFAULT_TEXT_MODEL_CONFIG, predictText, trainTextModel, type TextModelConfig } from '../src/modules/intake/engine/text-model';

const args = new Map<string, string>();
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args.set((argv[i] ?? '').replace(/^--/, ''), argv[i + 1] ?? '');
const count = Number(args.get('count') ?? 100_000);
const config: TextModelConfig = {
  ...DEFAULT_TEXT_MODEL_CONFIG,
  algorithm: (args.get('algorithm') as TextModelConfig['algorithm'] | undefined) ?? DEFAULT_TEXT_MODEL_CONFIG.algorithm,
  softmax: { ...DEFAULT_TEXT_MODEL_CONFIG.softmax, epochs: Number(args.get('epochs') ?? DEFAULT_TEXT_MODEL_CONFIG.softmax.epochs) },
  vectorizer: { ...DEFAULT_TEXT_MODEL_CONFIG.vectorizer, maxFeatures: Number(args.get('maxFeatures') ?? DEFAULT_TEXT_MODEL_CONFIG.vectorizer.maxFeatures) },
};
const divisions = loadDivisions();
const tokenizer = sharedJiebaTokenizer();
const tGen = performance.now();
const train = demoTrainingExamples(generateDemoOrders(divisions, { count, seed: 1 }));
const test = generateDemoOrders(divisions, { count: 5000, seed: 2 });
const genMs = performance.now() - tGen;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const terms = train.map((e) => extractTerms(e.title, e.body, config.features, tokenizer));
const segmentMs = performance.now() - t0;
const model = trainTextModel({ examples: train, targets: [CATEGORY_TARGET, UNIT_TARGET], config, tokenizer, terms });
const trainMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const trainCpuMs = (cpu.user + cpu.system) / 1000;
const testExamples = demoTrainingExamples(test);
const t1 = performance.now();
let categoryHits = 0;
let unitHits = 0;
for (const e of testExamples) {
  const p = predictText(model, e.title, e.body, tokenizer);
  if (p[CATEGORY_TARGET]?.[0]?.label === e.labels[CATEGORY_TARGET]) categoryHits++;
  if (p[UNIT_TARGET]?.[0]?.label === e.labels[UNIT_TARGET]) unitHits++;
}
const predictMs = performance.now() - t1;
const t2 = performance.now();
const json = JSON.stringify(model.json);
const serialiseMs = performance.now() - t2;
console.log(JSON.stringify({
  mode: 'scale',
  model: `${config.algorithm} words+chars${config.features.charMin}-${config.features.charMax} tfidf, heads category+unit`,
  trainSize: count,
  testSize: test.length,
  features: model.json.vectorizer.terms.length,
  categoryLabels: model.heads[CATEGORY_TARGET]?.labels.length,
  generateMs: Math.round(genMs),
  segmentMs: Math.round(segmentMs),
  trainMs: Math.round(trainMs),
  trainCpuMs: Math.round(trainCpuMs),
  loadAverage: os.loadavg()[0],
  predictMsPerItem: Math.round((predictMs / test.length) * 1000) / 1000,
  categoryAccuracy: categoryHits / test.length,
  unitAccuracy: unitHits / test.length,
  modelJsonBytes: json.length,
  serialiseMs: Math.round(serialiseMs),
  heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
  machine: `${os.cpus().length} cores, node ${process.version}`,
}));
