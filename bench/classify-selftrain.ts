/**
 * Self-training experiment: can unlabelled messages of the same kind lift the intake classifier? Per fold of a
 * stratified 5-fold CV (seed 11, as `bench:classify --cv 5`), the model trained on the labelled folds labels every
 * unlabelled message; those whose top-two score margin reaches --margin join the training set with weight --weight
 * and the model is retrained once. Scored on the held-out fold, with and without the pseudo-labels, calibration off
 * in both (the comparison is of accuracy). Unlabelled texts identical to a labelled body are dropped. Prints ONE
 * JSON line.
 *   npx tsx bench/classify-selftrain.ts --train FILE --unlabelled FILE[,FILE] [--margin 0.6] [--weight 0.3]
 * Unlabelled lines need `title` and `body`.
 */
import os from 'node:os';
import { extractTerms, type TermCounts } from '../src/modules/intake/engine/features';
import { sharedJiebaTokenizer } from '../src/modules/intake/engine/jieba-tokenizer';
import { classificationReport, stratifiedFolds } from '../src/modules/intake/engine/metrics';
import { DEFAULT_TEXT_MODEL_CONFIG, headProbabilities, trainTextModel, vectoriseRequest, type TextModel, type TrainingExample } from '../src/modules/intake/engine/text-model';
import { option, readJsonl } from './jsonl';

const compact = (text: string): string => text.replace(/\s+/g, '');

function main(): void {
  const trainFile = option('train');
  const unlabelledFiles = option('unlabelled');
  if (!trainFile || !unlabelledFiles) throw new Error('--train FILE and --unlabelled FILE[,FILE] are required');
  const margin = Number(option('margin') ?? 0.6);
  const weight = Number(option('weight') ?? 0.3);
  const data = readJsonl(trainFile);
  const labelledBodies = new Set(data.map((m) => compact(m.body)));
  const unlabelled = unlabelledFiles
    .split(',')
    .flatMap((f) => readJsonl(f))
    .filter((m) => !labelledBodies.has(compact(m.body)));
  const config = { ...DEFAULT_TEXT_MODEL_CONFIG, calibrationFraction: 0 };
  const tokenizer = sharedJiebaTokenizer();
  const terms = data.map((m) => extractTerms(m.title, m.body, config.features, tokenizer));
  const unlabelledTerms = unlabelled.map((m) => extractTerms(m.title, m.body, config.features, tokenizer));
  const labels = data.map((m) => m.label);
  const folds = stratifiedFolds(labels, 5, 11);
  const train = (examples: TrainingExample[], rows: TermCounts[]): TextModel =>
    trainTextModel({ examples, targets: ['label'], config, tokenizer, terms: rows });
  const best = (model: TextModel, row: TermCounts) => headProbabilities(model, 'label', vectoriseRequest(model, '', '', tokenizer, row));
  const truth: string[] = [];
  const supervised: string[] = [];
  const selfTrained: string[] = [];
  let pseudoLabelled = 0;
  for (let f = 0; f < 5; f++) {
    const trainIdx = data.map((_, i) => i).filter((i) => folds[i] !== f);
    const testIdx = data.map((_, i) => i).filter((i) => folds[i] === f);
    const examples: TrainingExample[] = trainIdx.map((i) => ({ title: '', body: '', labels: { label: labels[i] as string } }));
    const rows = trainIdx.map((i) => terms[i] as TermCounts);
    const base = train(examples, rows);
    const pseudoExamples: TrainingExample[] = [];
    const pseudoRows: TermCounts[] = [];
    for (const row of unlabelledTerms) {
      const [first, second] = best(base, row);
      if (first && first.score - (second?.score ?? 0) >= margin) {
        pseudoExamples.push({ title: '', body: '', labels: { label: first.label }, weight });
        pseudoRows.push(row);
      }
    }
    pseudoLabelled += pseudoRows.length / 5;
    const extended = train([...examples, ...pseudoExamples], [...rows, ...pseudoRows]);
    for (const i of testIdx) {
      truth.push(labels[i] as string);
      supervised.push(best(base, terms[i] as TermCounts)[0]?.label ?? '');
      selfTrained.push(best(extended, terms[i] as TermCounts)[0]?.label ?? '');
    }
  }
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const a = classificationReport(truth, supervised);
  const b = classificationReport(truth, selfTrained);
  console.log(
    JSON.stringify({
      mode: 'self-training',
      trainFile,
      unlabelledFiles,
      size: data.length,
      unlabelled: unlabelled.length,
      margin,
      weight,
      pseudoLabelledPerFold: Math.round(pseudoLabelled),
      supervised: { accuracy: round(a.accuracy), macroF1: round(a.macroF1) },
      selfTrained: { accuracy: round(b.accuracy), macroF1: round(b.macroF1) },
      machine: `${os.cpus().length} cores, node ${process.version}`,
    }),
  );
}

main();
