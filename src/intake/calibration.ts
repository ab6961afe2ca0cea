import { softmaxInPlace } from './softmax-regression';

/** Mean negative log-likelihood of the true classes under softmax(scores / T). */
export function negativeLogLikelihood(scores: readonly Float64Array[], labels: ArrayLike<number>, temperature: number): number {
  let total = 0;
  scores.forEach((row, i) => {
    const p = softmaxInPlace(Float64Array.from(row), temperature);
    total -= Math.log(Math.max(p[labels[i] as number] as number, 1e-12));
  });
  return total / Math.max(1, scores.length);
}

/**
 * Temperature scaling (Guo et al. 2017): one scalar T fitted on held-out scores by golden-section search over
 * log T (range 0.01–100), so that softmax(scores / T) are calibrated probabilities. The ranking of classes does not change.
 */
export function fitTemperature(scores: readonly Float64Array[], labels: ArrayLike<number>, minTemperature = 0): number {
  if (scores.length === 0) return 1;
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = negativeLogLikelihood(scores, labels, Math.exp(a));
  let fb = negativeLogLikelihood(scores, labels, Math.exp(b));
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = negativeLogLikelihood(scores, labels, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = negativeLogLikelihood(scores, labels, Math.exp(b));
    }
  }
  return Math.max(minTemperature, Math.exp((lo + hi) / 2));
}

/**
 * Floor for the logistic regression's temperature: on separable (e.g. synthetic) held-out data the optimum
 * tends to 0 and every score would read 1.0, which no real request deserves. Naive Bayes scores have an
 * arbitrary scale (they need T ≪ 1), so they get no floor.
 */
export const MIN_SOFTMAX_TEMPERATURE = 0.5;

/** Expected calibration error over equal-width confidence bins (for the benchmark report). */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 10): number {
  const count = new Array<number>(bins).fill(0);
  const confSum = new Array<number>(bins).fill(0);
  const hitSum = new Array<number>(bins).fill(0);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b] = (count[b] ?? 0) + 1;
    confSum[b] = (confSum[b] ?? 0) + c;
    hitSum[b] = (hitSum[b] ?? 0) + (correct[i] ? 1 : 0);
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const n = count[b] ?? 0;
    if (n > 0) ece += (n / confidences.length) * Math.abs((confSum[b] ?? 0) / n - (hitSum[b] ?? 0) / n);
  }
  return ece;
}
