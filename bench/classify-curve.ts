/**
 * Learning curve of the intake classifier: how accuracy grows with the amount of labelled history. For every fold of
 * a stratified k-fold split, the model is trained on nested stratified subsets of the other folds (1/8, 1/4, 1/2,
 * all) and scored on the fold; accuracies are pooled over folds. Prints ONE JSON line.
 *   npm run bench:classify-curve -- --train FILE [--cv 5] [--fractions 0.125,0.25,0.5,1] [--seed 11]
 * The same default configuration as `bench:classify`; lines are `{"id","title","body","label"}`.
 */
import os from 'node:os';
import { extractTerms } from '../src/modules/intake/engine/features';
import { sharedJiebaTokenizer } from '../src/modules/intake/engine/jieba-tokenizer';
import { classificationReport, stratifiedFolds } from '../src/modules/intake/engine/metrics';
import { DEFAULT_TEXT_MODEL_CONFIG, headProbabilities, trainTextModel, vectoriseRequest } from '../src/modules/intake/engine/text-model';
import { option, readJsonl } from './jsonl';

/**
 * Gain per doubling of the history over the curve's last step (the curve flattens as it grows, so the last step is
 * the most optimistic figure still supported by data; earlier steps gain more).
 */
function lastDoublingGain(points: ReadonlyArray<{ n: number; accuracy: number }>): number {
  const a = points[points.length - 2];
  const b = points[points.length - 1];
  if (!a || !b || b.n <= a.n) return 0;
  return (b.accuracy - a.accuracy) / Math.log2(b.n / a.n);
}

function main(): void {
  const file = option('train');
  if (!file) throw new Error('--train FILE is required');
  const k = Number(option('cv') ?? 5);
  const seed = Number(option('seed') ?? 11);
  const fractions = (option('fractions') ?? '0.125,0.25,0.5,1').split(',').map(Number);
  const data = readJsonl(file);
  const labels = data.map((m) => m.label);
  const config = DEFAULT_TEXT_MODEL_CONFIG;
  const tokenizer = sharedJiebaTokenizer();
  const terms = data.map((m) => extractTerms(m.title, m.body, config.features, tokenizer));
  const folds = stratifiedFolds(labels, k, seed);
  const truth: string[] = [];
  const predicted = fractions.map((): string[] => []);
  const sizes = fractions.map(() => 0);
  for (let f = 0; f < k; f++) {
    const trainIdx = data.map((_, i) => i).filter((i) => folds[i] !== f);
    const testIdx = data.map((_, i) => i).filter((i) => folds[i] === f);
    for (const i of testIdx) truth.push(labels[i] as string);
    // Nested subsets: a stratified rank inside the training folds, a subset keeps the lowest ranks.
    const inner = stratifiedFolds(trainIdx.map((i) => labels[i] as string), 64, seed + f);
    fractions.forEach((fraction, j) => {
      const subset = trainIdx.filter((_, r) => (inner[r] as number) < Math.max(1, Math.round(64 * fraction)));
      sizes[j] = (sizes[j] as number) + subset.length / k;
      const model = trainTextModel({
        examples: subset.map((i) => ({ title: '', body: '', labels: { label: labels[i] as string } })),
        targets: ['label'],
        config,
        tokenizer,
        terms: subset.map((i) => terms[i]!),
      });
      for (const i of testIdx) predicted[j]!.push(headProbabilities(model, 'label', vectoriseRequest(model, '', '', tokenizer, terms[i]))[0]?.label ?? '');
    });
  }
  const curve = fractions.map((fraction, j) => {
    const report = classificationReport(truth, predicted[j]!);
    return { fraction, trainSize: Math.round(sizes[j] as number), accuracy: Math.round(report.accuracy * 10_000) / 10_000, macroF1: Math.round(report.macroF1 * 10_000) / 10_000 };
  });
  const gain = lastDoublingGain(curve.map((c) => ({ n: c.trainSize, accuracy: c.accuracy })));
  const target = Number(option('target') ?? 0.92);
  const last = curve[curve.length - 1];
  // History needed for the target if every further doubling gained as much as the last one did: a lower bound,
  // since the gains shrink (the earlier steps of the curve gain more than the later ones).
  const atLeastForTarget = last && gain > 0 ? Math.round(last.trainSize * 2 ** Math.max(0, (target - last.accuracy) / gain)) : null;
  console.log(
    JSON.stringify({
      mode: 'learning-curve',
      trainFile: file,
      size: data.length,
      cv: k,
      curve,
      lastDoublingGain: Math.round(gain * 10_000) / 10_000,
      target,
      atLeastForTarget,
      machine: `${os.cpus().length} cores, node ${process.version}`,
    }),
  );
}

main();
