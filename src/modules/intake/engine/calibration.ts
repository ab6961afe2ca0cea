import { softmaxInPlace } from './softmax-regression';

/**
 * Mean negative log-likelihood of the true classes under softmax(scores / T). With `smoothing` ε the target is
 * (1 − ε) on the true class and ε spread over all classes, so a perfectly separable held-out set does not drive
 * T to 0 (every score 1.0): the fitted scores then stop near 1 − ε.
 */
export function negativeLogLikelihood(scores: readonly Float64Array[], labels: ArrayLike<number>, temperature: number, smoothing = 0): number {
  let total = 0;
  scores.forEach((row, i) => {
    const p = softmaxInPlace(Float64Array.from(row), temperature);
    total -= (1 - smoothing) * Math.log(Math.max(p[labels[i] as number] as number, 1e-300));
    if (smoothing > 0) {
      let spread = 0;
      for (let k = 0; k < p.length; k++) spread += Math.log(Math.max(p[k] as number, 1e-300));
      total -= (smoothing / p.length) * spread;
    }
  });
  return total / Math.max(1, scores.length);
}

/** Label smoothing used when fitting temperatures: no calibrated score goes much above 0.99. */
export const CALIBRATION_SMOOTHING = 0.01;

/**
 * Temperature scaling (Guo et al. 2017): one scalar T fitted on held-out scores by golden-section search over
 * log T (range 1e-4–1e4), so that softmax(scores / T) are calibrated probabilities. The ranking of classes does not change.
 */
export function fitTemperature(scores: readonly Float64Array[], labels: ArrayLike<number>, minTemperature = 0, smoothing = CALIBRATION_SMOOTHING): number {
  if (scores.length === 0) return 1;
  let lo = Math.log(1e-4);
  let hi = Math.log(1e4);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = negativeLogLikelihood(scores, labels, Math.exp(a), smoothing);
  let fb = negativeLogLikelihood(scores, labels, Math.exp(b), smoothing);
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = negativeLogLikelihood(scores, labels, Math.exp(a), smoothing);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = negativeLogLikelihood(scores, labels, Math.exp(b), smoothing);
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
