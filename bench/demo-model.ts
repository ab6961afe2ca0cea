/**
 * The shipped demo model on realistic wording. Trains the model exactly as the first start does (3,000 demo
 * orders, seed 12345, DEMO_MODEL_CONFIG, jieba with the hotline dictionary, in-process instead of in the worker)
 * and scores it on hand-written requests that share no sentence with the demo phrases
 * (test/fixtures/intake/realistic-requests.json). Prints ONE JSON line.
 *   npm run bench:demo-model
 * top1/top3: share of the requests whose leaf category is first / among the first three; meanBestScore: mean
 * calibrated score of the first suggestion (what the agent desk shows); meanTrueScore: mean score of the right leaf;
 * sureShare: share of requests whose first suggestion scores above 0.8, sureAccuracy: how many of those are right;
 * ece: expected calibration error of the first suggestion (10 bins), 0 when scores match how often they are right.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEMO_MODEL_CONFIG } from '../src/modules/intake/app/train-intake-model';
import { DEMO_CATEGORIES, flattenCategories } from '../src/modules/org/domain/categories';
import { loadDivisions } from '../src/modules/org/divisions';
import { CATEGORY_TARGET, UNIT_TARGET } from '../src/modules/intake/engine/analyze';
import { demoTrainingExamples } from '../src/modules/intake/engine/demo-model';
import { generateDemoOrders } from '../src/modules/intake/engine/demo-orders';
import { LEAF_PHRASES } from '../src/modules/intake/engine/demo-phrases';
import { sharedJiebaTokenizer } from '../src/modules/intake/engine/jieba-tokenizer';
import { predictText, trainTextModel } from '../src/modules/intake/engine/text-model';

const FIXTURE = new URL('../test/fixtures/intake/realistic-requests.json', import.meta.url);
/** The two requests the browser tests type at the agent desk (test/e2e/autofill.e2e.test.ts). */
const NOISE_REQUEST = '我住在鼓楼区黄楼街道幸福花园3栋，楼下佳佳乐超市每天晚上十点以后卸货，噪音很大影响休息，请尽快处理。联系电话13905160091。';
const WATER_REQUEST = '我住在鼓楼区黄楼街道幸福花园3栋，小区突然停水，没有提前通知，什么时候恢复供水？联系电话13905160092。';

/** The agent desk preselects a category above this score (autofill); automatic dispatch needs a set threshold. */
const SURE = 0.8;
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

const leaves = flattenCategories(DEMO_CATEGORIES).filter((c) => c.level === 3);
const codeOf = new Map(leaves.map((c) => [c.name, c.code]));
const nameOf = new Map(leaves.map((c) => [c.code, c.name]));
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Array<{ content: string; category: string }>;

const divisions = loadDivisions();
const tokenizer = sharedJiebaTokenizer();
tokenizer.words('预热分词'); // jieba's first call builds its tables: not part of training
const tGen = performance.now();
const examples = demoTrainingExamples(generateDemoOrders(divisions, { count: 3000, seed: 12345 }));
const genMs = performance.now() - tGen;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const model = trainTextModel({ examples, targets: [CATEGORY_TARGET, UNIT_TARGET], config: DEMO_MODEL_CONFIG, tokenizer });
const trainMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);

let top1 = 0;
let top3 = 0;
let bestSum = 0;
let trueSum = 0;
let sure = 0;
let sureRight = 0;
const misses: string[] = [];
/** Reliability bins of the first suggestion's score (tenths): [count, right, score sum]. */
const bins = Array.from({ length: 10 }, () => [0, 0, 0]);
for (const r of fixture) {
  const code = codeOf.get(r.category);
  if (!code) throw new Error(`fixture category ${r.category} is not a leaf of the demo tree`);
  const scored = predictText(model, '', r.content, tokenizer)[CATEGORY_TARGET] ?? [];
  const rank = scored.findIndex((s) => s.label === code);
  if (rank === 0) top1++;
  if (rank >= 0 && rank < 3) top3++;
  else misses.push(`${r.category}→${nameOf.get(scored[0]?.label ?? '') ?? '?'}`);
  bestSum += scored[0]?.score ?? 0;
  const bin = bins[Math.min(9, Math.floor((scored[0]?.score ?? 0) * 10))] as number[];
  bin[0]! += 1;
  if (rank === 0) bin[1]! += 1;
  bin[2]! += scored[0]?.score ?? 0;
  if ((scored[0]?.score ?? 0) > SURE) {
    sure++;
    if (rank === 0) sureRight++;
  }
  trueSum += scored[rank]?.score ?? 0;
}

function example(text: string): { best: string; score: number } {
  const best = predictText(model, '', text, tokenizer)[CATEGORY_TARGET]?.[0];
  return { best: nameOf.get(best?.label ?? '') ?? '?', score: round(best?.score ?? 0, 3) };
}

const modelJson = JSON.stringify(model.json);
console.log(
  JSON.stringify({
    bench: 'demo-model',
    requests: fixture.length,
    top1: round(top1 / fixture.length),
    top3: round(top3 / fixture.length),
    meanBestScore: round(bestSum / fixture.length),
    meanTrueScore: round(trueSum / fixture.length),
    sureShare: round(sure / fixture.length),
    sureAccuracy: sure > 0 ? round(sureRight / sure) : null,
    // Expected calibration error of the first suggestion: how far its score is from how often it is right.
    ece: round(bins.reduce((e, [n, right, sum]) => e + (n! > 0 ? (n! / fixture.length) * Math.abs(right! / n! - sum! / n!) : 0), 0)),
    noiseExample: example(NOISE_REQUEST),
    waterExample: example(WATER_REQUEST),
    trainMs: Math.round(trainMs),
    trainCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    generateMs: Math.round(genMs),
    demoOrders: examples.length,
    leaves: leaves.length,
    phrases: Object.values(LEAF_PHRASES).reduce((n, p) => n + p.length, 0),
    features: model.json.vectorizer.terms.length,
    modelBytes: modelJson.length,
    algorithm: DEMO_MODEL_CONFIG.algorithm,
    top3Misses: misses,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: round(os.loadavg()[0] ?? 0, 2),
  }),
);
