import type { LinearWeights } from './softmax-regression';
import type { SparseVector } from './vectorizer';

/**
 * Complement naive Bayes (Rennie et al. 2003) on TF-IDF rows: the weight of a class is the negated,
 * normalised log-probability of the features in all OTHER classes. One pass over the data; the result is a
 * linear model so it shares the scoring code of the logistic regression.
 */
export function trainComplementNb(
  rows: readonly SparseVector[],
  labels: Int32Array,
  featureCount: number,
  classCount: number,
  alpha = 0.3,
): LinearWeights {
  const perClass = new Float64Array(featureCount * classCount);
  const total = new Float64Array(featureCount);
  const prior = new Float64Array(classCount);
  rows.forEach((x, i) => {
    const y = labels[i] as number;
    prior[y] = (prior[y] as number) + 1;
    for (let j = 0; j < x.indices.length; j++) {
      const f = x.indices[j] as number;
      const value = x.values[j] as number;
      perClass[f * classCount + y] = (perClass[f * classCount + y] as number) + value;
      total[f] = (total[f] as number) + value;
    }
  });
  const complementTotals = new Float64Array(classCount);
  let grand = 0;
  for (let f = 0; f < featureCount; f++) grand += total[f] as number;
  for (let c = 0; c < classCount; c++) {
    let inClass = 0;
    for (let f = 0; f < featureCount; f++) inClass += perClass[f * classCount + c] as number;
    complementTotals[c] = grand - inClass + alpha * featureCount;
  }
  const weights = new Float64Array(featureCount * classCount);
  const norms = new Float64Array(classCount);
  for (let f = 0; f < featureCount; f++) {
    for (let c = 0; c < classCount; c++) {
      const complement = (total[f] as number) - (perClass[f * classCount + c] as number) + alpha;
      const w = Math.log(complement / (complementTotals[c] as number));
      weights[f * classCount + c] = w;
      norms[c] = (norms[c] as number) + Math.abs(w);
    }
  }
  // Weight normalisation (the "WCNB" variant) keeps classes with long documents from dominating; the sign
  // flips so that a larger score means a more likely class.
  for (let f = 0; f < featureCount; f++) {
    for (let c = 0; c < classCount; c++) weights[f * classCount + c] = -(weights[f * classCount + c] as number) / (norms[c] as number) * featureCount;
  }
  return { featureCount, classCount, weights, bias: new Float64Array(classCount) };
}
