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

export const DEFAULT_NB_SVM_OPTIONS: NbSvmOptions = { C: 3, alpha: 0.05, epochs: 50, maxSteps: 500_000, seed: 1 };

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
  let bufferIndices = new Int32Array(0);
  let bufferValues = new Float64Array(0);
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
      // partial Fisher–Yates: only the first `keep` places are drawn
      for (let j = 0; j < keep; j++) {
        const pick = j + Math.floor(sampler() * (negatives.length - j));
        const tmp = negatives[j] as number;
        negatives[j] = negatives[pick] as number;
        negatives[pick] = tmp;
      }
      negativeScale = negatives.length / Math.max(1, keep);
      order = [...positives, ...negatives.slice(0, keep)];
    }
    const epochs = Math.max(1, Math.min(options.epochs, Math.floor(share / order.length)));
    // The class's rows copied into one contiguous buffer (local positions 0..m−1): sampled rows are scattered over
    // a large heap, and the passes below touch each row twice per epoch.
    const m = order.length;
    let nonZeros = 0;
    for (const i of order) nonZeros += (rows[i] as SparseVector).indices.length;
    if (nonZeros > bufferIndices.length) {
      bufferIndices = new Int32Array(nonZeros);
      bufferValues = new Float64Array(nonZeros);
    }
    const starts = new Int32Array(m + 1);
    const signs = new Int8Array(m);
    const alpha = new Float64Array(m);
    const diagonal = new Float64Array(m);
    const qd = new Float64Array(m);
    let at = 0;
    order.forEach((i, local) => {
      const x = rows[i] as SparseVector;
      starts[local] = at;
      bufferIndices.set(x.indices, at);
      bufferValues.set(x.values, at);
      at += x.indices.length;
      signs[local] = labels[i] === c ? 1 : -1;
      const cost = options.C * (options.sampleWeights ? (options.sampleWeights[i] as number) : 1) * (labels[i] === c ? 1 : negativeScale);
      diagonal[local] = cost > 0 ? 1 / (2 * cost) : Infinity;
      let s = 1; // the bias feature
      for (let j = 0; j < x.indices.length; j++) {
        const v = (x.values[j] as number) * (r[x.indices[j] as number] as number);
        s += v * v;
      }
      qd[local] = s + (diagonal[local] as number);
    });
    starts[m] = at;
    const indices = bufferIndices;
    const values = bufferValues;
    const visit = Array.from({ length: m }, (_, local) => local);
    w.fill(0);
    let b = 0;
    const random = createPrng(options.seed + c);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffleInPlace(visit, random);
      let maxProjected = 0;
      for (const local of visit) {
        if (!Number.isFinite(diagonal[local] as number)) continue; // zero-weight example
        const from = starts[local] as number;
        const to = starts[local + 1] as number;
        const yi = signs[local] as number;
        let dot = b;
        for (let j = from; j < to; j++) {
          const f = indices[j] as number;
          dot += (w[f] as number) * (values[j] as number) * (r[f] as number);
        }
        const a = alpha[local] as number;
        const gradient = yi * dot - 1 + (diagonal[local] as number) * a;
        const projected = a === 0 ? Math.min(gradient, 0) : gradient;
        maxProjected = Math.max(maxProjected, Math.abs(projected));
        if (Math.abs(projected) <= 1e-12) continue;
        const next = Math.max(a - gradient / (qd[local] as number), 0);
        const delta = (next - a) * yi;
        alpha[local] = next;
        for (let j = from; j < to; j++) {
          const f = indices[j] as number;
          w[f] = (w[f] as number) + delta * (values[j] as number) * (r[f] as number);
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
