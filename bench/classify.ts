/**
 * Classification benchmark. Prints ONE JSON line.
 *   npm run bench:classify -- --train FILE --test FILE        train on one file, evaluate on the other
 *   npm run bench:classify -- --cv 5 --train FILE             stratified k-fold cross-validation
 *   npm run bench:classify -- --select --cv 5 --train FILE    cross-validate every candidate (model choice)
 *   npm run bench:classify -- --split FILE --holdout 0.2 --out DIR   write a stratified train/test split
 * Options overriding the default config: --algorithm softmax|cnb|ensemble|nbsvm|nbsvm-ensemble --charMax N
 *   --titleWeight N --titleBlock 0|1 --blockNorm 0|1 --words 0|1 --bigrams 0|1 --epochs N --lambda X --lr X
 *   --alpha X (complement NB) --C X --svmAlpha X --svmEpochs N (NB-SVM) --minDf N --maxFeatures N --mix X --calib X
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expectedCalibrationError } from '../src/modules/intake/engine/calibration';
import { extractTerms, type TermCounts } from '../src/modules/intake/engine/features';
import { sharedJiebaTokenizer } from '../src/modules/intake/engine/jieba-tokenizer';
import { DEFAULT_NB_SVM_OPTIONS } from '../src/modules/intake/engine/nb-svm';
import { classificationReport, stratifiedFolds } from '../src/modules/intake/engine/metrics';
import { DEFAULT_TEXT_MODEL_CONFIG, predictText, trainTextModel, vectoriseRequest, headProbabilities, type TextModelConfig } from '../src/modules/intake/engine/text-model';
import { readJsonl, writeJsonl, type LabelledMessage } from './jsonl';

type Args = Map<string, string>;

function parseArgs(argv: readonly string[]): Args {
  const args: Args = new Map();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) args.set(a.slice(2), 'true');
    else {
      args.set(a.slice(2), next);
      i++;
    }
  }
  return args;
}

function configFrom(args: Args, base: TextModelConfig = DEFAULT_TEXT_MODEL_CONFIG): TextModelConfig {
  const num = (name: string, fallback: number): number => (args.has(name) ? Number(args.get(name)) : fallback);
  return {
    ...base,
    algorithm: (args.get('algorithm') as TextModelConfig['algorithm'] | undefined) ?? base.algorithm,
    features: {
      ...base.features,
      charMax: num('charMax', base.features.charMax),
      charMin: num('charMin', base.features.charMin),
      titleWeight: num('titleWeight', base.features.titleWeight),
      words: num('words', base.features.words ? 1 : 0) === 1,
      wordBigrams: num('bigrams', base.features.wordBigrams ? 1 : 0) === 1,
      titleSeparate: num('titleBlock', base.features.titleSeparate ? 1 : 0) === 1,
    },
    vectorizer: {
      ...base.vectorizer,
      minDf: num('minDf', base.vectorizer.minDf),
      maxFeatures: num('maxFeatures', base.vectorizer.maxFeatures),
      blockNormalise: num('blockNorm', base.vectorizer.blockNormalise ? 1 : 0) === 1,
    },
    nbSvm: { ...DEFAULT_NB_SVM_OPTIONS, ...base.nbSvm, C: num('C', base.nbSvm?.C ?? DEFAULT_NB_SVM_OPTIONS.C), alpha: num('svmAlpha', base.nbSvm?.alpha ?? DEFAULT_NB_SVM_OPTIONS.alpha), epochs: num('svmEpochs', base.nbSvm?.epochs ?? DEFAULT_NB_SVM_OPTIONS.epochs) },
    softmax: { ...base.softmax, epochs: num('epochs', base.softmax.epochs), lambda: num('lambda', base.softmax.lambda), learningRate: num('lr', base.softmax.learningRate) },
    nbAlpha: num('alpha', base.nbAlpha),
    ensembleSoftmaxWeight: num('mix', base.ensembleSoftmaxWeight),
    calibrationFraction: num('calib', base.calibrationFraction),
    seed: num('seed', base.seed),
  };
}

interface Evaluation {
  accuracy: number;
  macroF1: number;
  perLabelF1: Record<string, number>;
  ece: number;
  trainMs: number;
  predictMsPerItem: number;
  /** CPU time (user + system) of this process: wall time on a shared machine includes waiting for a core. */
  trainCpuMs?: number;
  predictCpuMsPerItem?: number;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

function evaluate(train: readonly LabelledMessage[], test: readonly LabelledMessage[], config: TextModelConfig, trainTerms?: TermCounts[], testTerms?: TermCounts[]): Evaluation {
  const tokenizer = sharedJiebaTokenizer();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const model = trainTextModel({
    examples: train.map((m) => ({ title: m.title, body: m.body, labels: { label: m.label } })),
    targets: ['label'],
    config,
    tokenizer,
    ...(trainTerms ? { terms: trainTerms } : {}),
  });
  const trainMs = performance.now() - t0;
  const trainCpuMs = cpuMs(c0);
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const predictions = test.map((m, i) => {
    const scored = testTerms
      ? headProbabilities(model, 'label', vectoriseRequest(model, m.title, m.body, tokenizer, testTerms[i]))
      : (predictText(model, m.title, m.body, tokenizer)['label'] ?? []);
    return scored[0] ?? { label: '', score: 0 };
  });
  const predictMs = performance.now() - t1;
  const predictCpuMs = cpuMs(c1);
  const report = classificationReport(test.map((m) => m.label), predictions.map((p) => p.label));
  return {
    ...report,
    ece: expectedCalibrationError(predictions.map((p) => p.score), predictions.map((p, i) => p.label === test[i]?.label)),
    trainMs,
    predictMsPerItem: predictMs / Math.max(1, test.length),
    trainCpuMs,
    predictCpuMsPerItem: predictCpuMs / Math.max(1, test.length),
  };
}

function crossValidate(data: readonly LabelledMessage[], k: number, config: TextModelConfig, seed: number): Evaluation & { foldAccuracies: number[] } {
  const tokenizer = sharedJiebaTokenizer();
  const terms = data.map((m) => extractTerms(m.title, m.body, config.features, tokenizer));
  const folds = stratifiedFolds(data.map((m) => m.label), k, seed);
  const truth: string[] = [];
  const predicted: string[] = [];
  const confidences: number[] = [];
  const foldAccuracies: number[] = [];
  let trainMs = 0;
  let predictMs = 0;
  for (let f = 0; f < k; f++) {
    const trainIdx = data.map((_, i) => i).filter((i) => folds[i] !== f);
    const testIdx = data.map((_, i) => i).filter((i) => folds[i] === f);
    const t0 = performance.now();
    const model = trainTextModel({
      examples: trainIdx.map((i) => ({ title: data[i]!.title, body: data[i]!.body, labels: { label: data[i]!.label } })),
      targets: ['label'],
      config,
      tokenizer,
      terms: trainIdx.map((i) => terms[i] as TermCounts),
    });
    trainMs += performance.now() - t0;
    const t1 = performance.now();
    let correct = 0;
    for (const i of testIdx) {
      const best = headProbabilities(model, 'label', vectoriseRequest(model, '', '', tokenizer, terms[i]))[0];
      truth.push(data[i]!.label);
      predicted.push(best?.label ?? '');
      confidences.push(best?.score ?? 0);
      if (best?.label === data[i]!.label) correct++;
    }
    predictMs += performance.now() - t1;
    foldAccuracies.push(correct / testIdx.length);
  }
  const report = classificationReport(truth, predicted);
  return {
    ...report,
    ece: expectedCalibrationError(confidences, predicted.map((p, i) => p === truth[i])),
    trainMs: trainMs / k,
    predictMsPerItem: predictMs / data.length,
    foldAccuracies,
  };
}

/** The candidates compared for the model choice (docs/intake.md). */
function candidates(base: TextModelConfig): Array<{ name: string; config: TextModelConfig }> {
  const f = base.features;
  const list: Array<{ name: string; config: TextModelConfig }> = [];
  const featureSets: Array<[string, Partial<typeof f>]> = [
    ['words', { words: true, charMax: 0 }],
    ['chars1-3', { words: false, charMin: 1, charMax: 3 }],
    ['words+chars1-2', { words: true, charMin: 1, charMax: 2 }],
    ['words+chars1-3', { words: true, charMin: 1, charMax: 3 }],
    ['words+chars2-4', { words: true, charMin: 2, charMax: 4 }],
  ];
  for (const [fname, fo] of featureSets) {
    for (const algorithm of ['softmax', 'cnb', 'ensemble'] as const) {
      list.push({ name: `${algorithm}/${fname}`, config: { ...base, algorithm, features: { ...f, ...fo } } });
    }
  }
  for (const titleWeight of [1, 3]) {
    list.push({ name: `ensemble/words+chars1-3/title${titleWeight}`, config: { ...base, algorithm: 'ensemble', features: { ...f, titleWeight } } });
  }
  for (const lambda of [1e-4, 1e-6]) {
    list.push({ name: `softmax/words+chars1-3/lambda${lambda}`, config: { ...base, algorithm: 'softmax', softmax: { ...base.softmax, lambda } } });
  }
  for (const alpha of [0.1, 1]) {
    list.push({ name: `cnb/words+chars1-3/alpha${alpha}`, config: { ...base, algorithm: 'cnb', nbAlpha: alpha } });
  }
  for (const mix of [0.3, 0.7]) {
    list.push({ name: `ensemble/words+chars1-3/mix${mix}`, config: { ...base, algorithm: 'ensemble', ensembleSoftmaxWeight: mix } });
  }
  // Second round: NB-SVM (the default) around its chosen point, over words + chars 1–2, title block, block norms.
  const svm = base.nbSvm ?? DEFAULT_NB_SVM_OPTIONS;
  for (const C of [1, 3, 10]) list.push({ name: `nbsvm/C${C}`, config: { ...base, algorithm: 'nbsvm', nbSvm: { ...svm, C } } });
  for (const alpha of [0.02, 0.1]) list.push({ name: `nbsvm/alpha${alpha}`, config: { ...base, algorithm: 'nbsvm', nbSvm: { ...svm, alpha } } });
  list.push({ name: 'nbsvm/chars1-3', config: { ...base, algorithm: 'nbsvm', features: { ...f, charMax: 3 } } });
  list.push({ name: 'nbsvm/title×2-no-block', config: { ...base, algorithm: 'nbsvm', features: { ...f, titleSeparate: false, titleWeight: 2 } } });
  list.push({ name: 'nbsvm/one-norm', config: { ...base, algorithm: 'nbsvm', vectorizer: { ...base.vectorizer, blockNormalise: false } } });
  for (const mix of [0.5, 0.8]) list.push({ name: `nbsvm-ensemble/mix${mix}`, config: { ...base, algorithm: 'nbsvm-ensemble', ensembleSoftmaxWeight: mix } });
  return list;
}

function round(x: number, digits = 4): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}

function describe(config: TextModelConfig): string {
  const f = config.features;
  const parts = [config.algorithm, f.words ? 'jieba-words' : '', f.wordBigrams ? 'word-bigrams' : '', f.charMax > 0 ? `chars${f.charMin}-${f.charMax}` : '', f.titleSeparate ? 'title-block' : `title×${f.titleWeight}`];
  return parts.filter(Boolean).join('+') + (config.vectorizer.blockNormalise ? ' tfidf (blocks L2)' : ' tfidf');
}

function summarise(e: Evaluation): Record<string, unknown> {
  return {
    accuracy: round(e.accuracy),
    macroF1: round(e.macroF1),
    perLabelF1: e.perLabelF1,
    ece: round(e.ece),
    trainMs: Math.round(e.trainMs),
    predictMsPerItem: round(e.predictMsPerItem, 3),
    ...(e.trainCpuMs !== undefined ? { trainCpuMs: Math.round(e.trainCpuMs) } : {}),
    ...(e.predictCpuMsPerItem !== undefined ? { predictCpuMsPerItem: round(e.predictCpuMsPerItem, 3) } : {}),
    loadAverage: round(os.loadavg()[0] ?? 0, 2),
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const machine = `${os.cpus().length} cores, node ${process.version}`;
  const config = configFrom(args);
  if (args.has('split')) {
    const data = readJsonl(args.get('split') as string);
    const holdout = Number(args.get('holdout') ?? 0.2);
    const out = args.get('out') ?? '/tmp/classify-split';
    mkdirSync(out, { recursive: true });
    const folds = stratifiedFolds(data.map((m) => m.label), Math.round(1 / holdout), Number(args.get('seed') ?? 7));
    writeJsonl(join(out, 'train.jsonl'), data.filter((_, i) => folds[i] !== 0));
    writeJsonl(join(out, 'test.jsonl'), data.filter((_, i) => folds[i] === 0));
    console.log(JSON.stringify({ mode: 'split', out, trainSize: folds.filter((f) => f !== 0).length, testSize: folds.filter((f) => f === 0).length }));
    return;
  }
  const trainPath = args.get('train');
  if (!trainPath) throw new Error('--train FILE is required');
  const train = readJsonl(trainPath);
  const k = Number(args.get('cv') ?? 0);
  if (args.has('select')) {
    const results = candidates(config).map(({ name, config: c }) => {
      const e = crossValidate(train, k || 5, c, 11);
      return { name, accuracy: round(e.accuracy), macroF1: round(e.macroF1), ece: round(e.ece), trainMs: Math.round(e.trainMs) };
    });
    results.sort((a, b) => b.accuracy - a.accuracy);
    console.log(JSON.stringify({ mode: 'select', cv: k || 5, trainFile: trainPath, trainSize: train.length, machine, results }));
    return;
  }
  if (k > 1) {
    const e = crossValidate(train, k, config, Number(args.get('cvSeed') ?? 11));
    console.log(JSON.stringify({ mode: 'cv', cv: k, model: describe(config), trainFile: trainPath, trainSize: train.length, testSize: train.length, ...summarise(e), foldAccuracies: e.foldAccuracies.map((a) => round(a)), machine }));
    return;
  }
  const testPath = args.get('test');
  if (!testPath) throw new Error('--test FILE or --cv K is required');
  const test = readJsonl(testPath);
  const e = evaluate(train, test, config);
  console.log(JSON.stringify({ mode: 'train-test', model: describe(config), trainFile: trainPath, testFile: testPath, trainSize: train.length, testSize: test.length, ...summarise(e), machine }));
}

main();
