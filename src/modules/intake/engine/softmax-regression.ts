import { createPrng, shuffleInPlace } from './prng';
import type { SparseVector } from './vectorizer';

/** Multinomial logistic regression weights: feature-major (weights[f * classCount + k]) for fast sparse dot products. */
export interface LinearWeights {
  featureCount: number;
  classCount: number;
  weights: Float64Array;
  bias: Float64Array;
}

export interface SoftmaxOptions {
  epochs: number;
  /** L2 strength per example. */
  lambda: number;
  /** Initial learning rate; decays as lr0 / (1 + lr0 * lambda * t). */
  learningRate: number;
  seed: number;
  /** Cap on SGD steps: large data sets get fewer epochs (at least one), so training time stays bounded. */
  maxSteps: number;
  /** Optional per-example weights (e.g. lower for orders that were returned). */
  sampleWeights?: Float64Array;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = { epochs: 20, lambda: 1e-5, learningRate: 2, seed: 1, maxSteps: 60_000 };

/** Raw class scores x·W + b. */
export function linearScores(model: LinearWeights, x: SparseVector, out = new Float64Array(model.classCount)): Float64Array {
  const k = model.classCount;
  out.set(model.bias);
  const { indices, values } = x;
  const w = model.weights;
  for (let j = 0; j < indices.length; j++) {
    const base = (indices[j] as number) * k;
    const v = values[j] as number;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + v * (w[base + c] as number);
  }
  return out;
}

/** Softmax in place with a temperature; returns the array. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, (scores[i] as number) / temperature);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp((scores[i] as number) / temperature - max);
    scores[i] = e;
    sum += e;
  }
  for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) / sum;
  return scores;
}

/**
 * Plain SGD on the cross-entropy with L2, using the scaled-weights trick (w = scale · v) so that the
 * regulariser costs O(1) per step instead of O(features × classes). Deterministic for a given seed.
 */
export function trainSoftmax(
  rows: readonly SparseVector[],
  labels: Int32Array,
  featureCount: number,
  classCount: number,
  options: SoftmaxOptions,
): LinearWeights {
  const v = new Float64Array(featureCount * classCount);
  const bias = new Float64Array(classCount);
  const order = rows.map((_, i) => i);
  const random = createPrng(options.seed);
  const probabilities = new Float64Array(classCount);
  let scale = 1;
  let t = 0;
  const { lambda, learningRate } = options;
  const epochs = Math.max(1, Math.min(options.epochs, Math.floor(options.maxSteps / Math.max(1, rows.length))));
  const active = new Int32Array(classCount);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const x = rows[i] as SparseVector;
      const y = labels[i] as number;
      const sampleWeight = options.sampleWeights ? (options.sampleWeights[i] as number) : 1;
      const lr = learningRate / (1 + learningRate * lambda * t);
      t++;
      // scores with the current scale
      probabilities.set(bias);
      const { indices, values } = x;
      for (let j = 0; j < indices.length; j++) {
        const base = (indices[j] as number) * classCount;
        const value = (values[j] as number) * scale;
        for (let c = 0; c < classCount; c++) probabilities[c] = (probabilities[c] as number) + value * (v[base + c] as number);
      }
      softmaxInPlace(probabilities);
      probabilities[y] = (probabilities[y] as number) - 1; // gradient of the loss w.r.t. the scores
      scale *= 1 - lr * lambda;
      const step = (lr * sampleWeight) / scale;
      // Classes whose gradient is negligible are skipped: with many classes most have p ≈ 0, and this
      // halves the cost of a step without changing the result measurably.
      let activeCount = 0;
      for (let c = 0; c < classCount; c++) if (Math.abs(probabilities[c] as number) > 1e-4) active[activeCount++] = c;
      for (let j = 0; j < indices.length; j++) {
        const base = (indices[j] as number) * classCount;
        const value = (values[j] as number) * step;
        for (let a = 0; a < activeCount; a++) {
          const c = active[a] as number;
          v[base + c] = (v[base + c] as number) - value * (probabilities[c] as number);
        }
      }
      for (let c = 0; c < classCount; c++) bias[c] = (bias[c] as number) - lr * sampleWeight * (probabilities[c] as number);
      if (scale < 1e-6) {
        for (let p = 0; p < v.length; p++) v[p] = (v[p] as number) * scale;
        scale = 1;
      }
    }
  }
  if (scale !== 1) for (let p = 0; p < v.length; p++) v[p] = (v[p] as number) * scale;
  return { featureCount, classCount, weights: v, bias };
}
