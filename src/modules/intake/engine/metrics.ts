import { createPrng, shuffleInPlace } from './prng';

export interface ClassificationReport {
  accuracy: number;
  macroF1: number;
  perLabelF1: Record<string, number>;
}

export function classificationReport(truth: readonly string[], predicted: readonly string[]): ClassificationReport {
  const labels = [...new Set(truth)].sort();
  let correct = 0;
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  truth.forEach((t, i) => {
    const p = predicted[i];
    if (p === t) {
      correct++;
      tp.set(t, (tp.get(t) ?? 0) + 1);
    } else {
      fn.set(t, (fn.get(t) ?? 0) + 1);
      if (p !== undefined) fp.set(p, (fp.get(p) ?? 0) + 1);
    }
  });
  const perLabelF1: Record<string, number> = {};
  let sum = 0;
  for (const label of labels) {
    const a = tp.get(label) ?? 0;
    const denominator = 2 * a + (fp.get(label) ?? 0) + (fn.get(label) ?? 0);
    const f1 = denominator === 0 ? 0 : (2 * a) / denominator;
    perLabelF1[label] = Math.round(f1 * 10000) / 10000;
    sum += f1;
  }
  return {
    accuracy: truth.length === 0 ? 0 : correct / truth.length,
    macroF1: labels.length === 0 ? 0 : sum / labels.length,
    perLabelF1,
  };
}

/** Stratified k folds: returns, for each example, the fold it is tested in (0..k-1). Deterministic by seed. */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  const random = createPrng(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const key of [...byLabel.keys()].sort()) {
    const indices = shuffleInPlace(byLabel.get(key) as number[], random);
    indices.forEach((index, j) => {
      fold[index] = (j + offset) % k;
    });
    offset += indices.length;
  }
  return fold;
}
