import { createPrng, shuffleInPlace } from './prng';
import type { LinearWeights } from './softmax-regression';
import type { SparseVector } from './vectorizer';

export interface NbSvmOptions {
  /** SVM cost (inverse L2 strength). */
  C: number;
  /** Smoothing of the per-class feature totals behind the log-count ratios. */
  alpha: number;
  /** Passes of dual coordinate descent per class (it usually converges before). */
  epochs: number;
  /**
   * Cap on coordinate steps summed over classes and passes, so big histories train in bounded time: a class whose
   * one-vs-rest problem exceeds its share (maxSteps / classes) keeps all its positives and a seeded sample of the
   * negatives, each sampled negative standing for the ones left out (its cost is scaled up); passes shrink to fit,
   * at least one.
   */
  maxSteps: number;
  seed: number;
  /** Optional per-example weights: they scale the cost of that example. */
  sampleWeights?: Float64Array;
}

export const DEFAULT_NB_SVM_OPTIONS: NbSvmOptions = { C: 3, alpha: 0.05, epochs: 50, maxSteps: 2_000_000, seed: 1 };

/** Stop a class's passes once no coordinate's projected gradient exceeds this. */
const TOLERANCE = 1e-3;

/**
 * NB-SVM (Wang & Manning 2012), one-vs-rest: for class c every feature is scaled by its log-count ratio
 * r = log((p / |p|) / (q / |q|)), p and q the α-smoothed feature totals inside and outside c, then an L2-regularised
 * squared-hinge linear SVM is fitted on the scaled rows by dual coordinate descent (Hsieh et al. 2008; the bias is
 * a constant feature of 1). The scaling is folded into the returned weights (w_f · r_f), so prediction is the same
 * sparse dot product as for the other linear models; the scores are margins, to be calibrated by a temperature.
 * Deterministic for a seed.
 */
export function trainNbSvm(
  rows: readonly SparseVector[],
  labels: Int32Array,
  featureCount: number,
  classCount: number,
  options: NbSvmOptions,
): LinearWeights {
  const n = rows.length;
  const perClass = new Float64Array(featureCount * classCount);
  const total = new Float64Array(featureCount);
  rows.forEach((x, i) => {
    const y = labels[i] as number;
    for (let j = 0; j < x.indices.length; j++) {
      const f = x.indices[j] as number;
      const v = x.values[j] as number;
      perClass[f * classCount + y] = (perClass[f * classCount + y] as number) + v;
      total[f] = (total[f] as number) + v;
    }
  });
  let grand = 0;
  for (let f = 0; f < featureCount; f++) grand += total[f] as number;

  const weights = new Float64Array(featureCount * classCount);
  const bias = new Float64Array(classCount);
  const share = Math.max(1, Math.floor(options.maxSteps / Math.max(1, classCount)));
  const r = new Float64Array(featureCount);
  const w = new Float64Array(featureCount);
  const alpha = new Float64Array(n);
  const diagonal = new Float64Array(n);
  const qd = new Float64Array(n);
  const sampler = createPrng(options.seed ^ 0x2545f491);
  for (let c = 0; c < classCount; c++) {
    // log-count ratios of class c against the rest
    let inClass = 0;
    for (let f = 0; f < featureCount; f++) inClass += perClass[f * classCount + c] as number;
    const pTotal = inClass + options.alpha * featureCount;
    const qTotal = grand - inClass + options.alpha * featureCount;
    for (let f = 0; f < featureCount; f++) {
      const p = (perClass[f * classCount + c] as number) + options.alpha;
      const q = (total[f] as number) - (perClass[f * classCount + c] as number) + options.alpha;
      r[f] = Math.log(p / pTotal / (q / qTotal));
    }
    // the rows this class trains on: everything, or all positives and a sample of the negatives
    let order: number[] = rows.map((_, i) => i);
    let negativeScale = 1;
    if (n > share) {
      const positives = order.filter((i) => labels[i] === c);
      const negatives = order.filter((i) => labels[i] !== c);
      const keep = Math.min(negatives.length, Math.max(positives.length, share - positives.length, 1));
      shuffleInPlace(negatives, sampler);
      negativeScale = negatives.length / Math.max(1, keep);
      order = [...positives, ...negatives.slice(0, keep)];
    }
    const epochs = Math.max(1, Math.min(options.epochs, Math.floor(share / order.length)));
    w.fill(0);
    let b = 0;
    for (const i of order) {
      const x = rows[i] as SparseVector;
      alpha[i] = 0;
      const cost = options.C * (options.sampleWeights ? (options.sampleWeights[i] as number) : 1) * (labels[i] === c ? 1 : negativeScale);
      diagonal[i] = cost > 0 ? 1 / (2 * cost) : Infinity;
      let s = 1; // the bias feature
      for (let j = 0; j < x.indices.length; j++) {
        const v = (x.values[j] as number) * (r[x.indices[j] as number] as number);
        s += v * v;
      }
      qd[i] = s + (diagonal[i] as number);
    }
    const random = createPrng(options.seed + c);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffleInPlace(order, random);
      let maxProjected = 0;
      for (const i of order) {
        if (!Number.isFinite(diagonal[i] as number)) continue; // zero-weight example
        const x = rows[i] as SparseVector;
        const yi = labels[i] === c ? 1 : -1;
        let dot = b;
        for (let j = 0; j < x.indices.length; j++) {
          const f = x.indices[j] as number;
          dot += (w[f] as number) * (x.values[j] as number) * (r[f] as number);
        }
        const a = alpha[i] as number;
        const gradient = yi * dot - 1 + (diagonal[i] as number) * a;
        const projected = a === 0 ? Math.min(gradient, 0) : gradient;
        maxProjected = Math.max(maxProjected, Math.abs(projected));
        if (Math.abs(projected) <= 1e-12) continue;
        const next = Math.max(a - gradient / (qd[i] as number), 0);
        const delta = (next - a) * yi;
        alpha[i] = next;
        for (let j = 0; j < x.indices.length; j++) {
          const f = x.indices[j] as number;
          w[f] = (w[f] as number) + delta * (x.values[j] as number) * (r[f] as number);
        }
        b += delta;
      }
      if (maxProjected < TOLERANCE) break;
    }
    for (let f = 0; f < featureCount; f++) weights[f * classCount + c] = (w[f] as number) * (r[f] as number);
    bias[c] = b;
  }
  return { featureCount, classCount, weights, bias };
}
