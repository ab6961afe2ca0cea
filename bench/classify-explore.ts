/**
 * Scratch harness used to explore feature blocks and linear models for the intake classifier by 5-fold CV (the
 * same stratified folds, seed 11, as `bench/classify.ts --cv 5`), without calibration: prints one JSON line per
 * (features, model) pair with accuracy and macro-F1 (not one line in all: it is an exploration tool, not a benchmark).
 *   DATA=/tmp/teddy-split/train.jsonl npx tsx bench/classify-explore.ts a
 *   npx tsx bench/classify-explore.ts b '[{"titleW":0,"titleBlock":true,"charMax":2}]' '[{"kind":"nbsvm","C":3,"alpha":0.05,"epochs":50}]'
 * Models: OvR squared-hinge SVM (dual coordinate descent), the repo's softmax and complement NB, NB-SVM.
 */
import { sharedJiebaTokenizer } from '../src/modules/intake/engine/jieba-tokenizer';
import { extractTerms, type TermCounts } from '../src/modules/intake/engine/features';
import { classificationReport, stratifiedFolds } from '../src/modules/intake/engine/metrics';
import { trainSoftmax, linearScores, type LinearWeights } from '../src/modules/intake/engine/softmax-regression';
import { trainComplementNb } from '../src/modules/intake/engine/naive-bayes';
import { createPrng, shuffleInPlace } from '../src/modules/intake/engine/prng';
import { readJsonl } from './jsonl';

const file = process.env.DATA ?? '/tmp/teddy-split/train.jsonl';
const data = readJsonl(file);
const tok = sharedJiebaTokenizer();
const base = { words: true, wordBigrams: false, titleWeight: 1 };
// Pre-extract title/body terms for words and chars 1..4 separately
const tW = data.map((m) => extractTerms(m.title, '', { ...base, charMin: 1, charMax: 0 }, tok));
const bW = data.map((m) => extractTerms('', m.body, { ...base, charMin: 1, charMax: 0 }, tok));
const tC = data.map((m) => extractTerms(m.title, '', { ...base, words: false, charMin: 1, charMax: 4 }, tok));
const bC = data.map((m) => extractTerms('', m.body, { ...base, words: false, charMin: 1, charMax: 4 }, tok));
const labelsAll = [...new Set(data.map((m) => m.label))].sort();
const yAll = Int32Array.from(data.map((m) => labelsAll.indexOf(m.label)));
const K = labelsAll.length;

interface Feat { charMin: number; charMax: number; words: boolean; titleW: number; titleBlock: boolean; blocks: boolean; minDf: number; charW: number; wordW: number; binary?: boolean }
interface Sparse { indices: Int32Array; values: Float64Array }

function docBlocks(i: number, f: Feat): Map<string, number>[] {
  // returns list of blocks, each a term->count
  const word = new Map<string, number>();
  const chr = new Map<string, number>();
  const title = new Map<string, number>();
  const add = (m: Map<string, number>, src: TermCounts, w: number, pre: string, filt?: (t: string) => boolean) => {
    for (const [t, c] of src) { if (filt && !filt(t)) continue; m.set(pre + t, (m.get(pre + t) ?? 0) + c * w); }
  };
  const cf = (t: string) => { const n = Array.from(t.slice(2)).length; return n >= f.charMin && n <= f.charMax; };
  if (f.words) add(word, bW[i]!, 1, '');
  if (f.charMax > 0) add(chr, bC[i]!, 1, '', cf);
  if (f.titleBlock) {
    if (f.words) add(title, tW[i]!, 1, 't');
    if (f.charMax > 0) add(title, tC[i]!, 1, 't', cf);
  }
  if (f.titleW > 0) {
    if (f.words) add(word, tW[i]!, f.titleW, '');
    if (f.charMax > 0) add(chr, tC[i]!, f.titleW, '', cf);
  }
  if (!f.blocks) { const all = new Map([...word]); for (const [t, c] of chr) all.set(t, c); return [all, title]; }
  return [word, chr, title];
}

function buildRows(trainIdx: number[], allIdx: number[], f: Feat): { rows: Map<number, Sparse>; nf: number } {
  const blocksTrain = trainIdx.map((i) => docBlocks(i, f));
  const nb = blocksTrain[0]!.length;
  const vocab: Map<string, number>[] = [];
  const idf: number[][] = [];
  let off = 0;
  const offs: number[] = [];
  for (let b = 0; b < nb; b++) {
    const df = new Map<string, number>();
    for (const d of blocksTrain) for (const t of d[b]!.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    const id: number[] = [];
    const kept = [...df].filter(([, n]) => n >= f.minDf).sort((a, b2) => (a[0] < b2[0] ? -1 : 1));
    kept.forEach(([t, n], j) => { v.set(t, j); id.push(Math.log((1 + trainIdx.length) / (1 + n)) + 1); });
    vocab.push(v); idf.push(id); offs.push(off); off += v.size;
  }
  const bw = f.blocks ? [f.wordW, f.charW, 1] : [1, 1];
  const rows = new Map<number, Sparse>();
  for (const i of allIdx) {
    const bl = docBlocks(i, f);
    const pairs: [number, number][] = [];
    for (let b = 0; b < nb; b++) {
      const part: [number, number][] = [];
      let norm = 0;
      for (const [t, c] of bl[b]!) {
        const j = vocab[b]!.get(t); if (j === undefined) continue;
        const val = (f.binary ? 1 : 1 + Math.log(c)) * idf[b]![j]!;
        part.push([offs[b]! + j, val]); norm += val * val;
      }
      const s = norm > 0 ? (bw[b] ?? 1) / Math.sqrt(norm) : 0;
      for (const p of part) pairs.push([p[0], p[1] * s]);
    }
    // global renorm to unit length
    let n2 = 0; for (const p of pairs) n2 += p[1] * p[1];
    const s = n2 > 0 ? 1 / Math.sqrt(n2) : 0;
    pairs.sort((a, b) => a[0] - b[0]);
    rows.set(i, { indices: Int32Array.from(pairs.map((p) => p[0])), values: Float64Array.from(pairs.map((p) => p[1] * s)) });
  }
  return { rows, nf: off };
}

// OvR L2-loss (squared hinge) linear SVM by dual coordinate descent (Hsieh et al. 2008)
function trainSvm(rows: Sparse[], y: Int32Array, nf: number, k: number, C: number, epochs: number, seed: number, loss: 'l2' | 'l1' = 'l2', biasValue = 1, scaleR?: Float64Array[]): LinearWeights {
  const W = new Float64Array(nf * k);
  const bias = new Float64Array(k);
  const n = rows.length;
  const Dii = loss === 'l2' ? 1 / (2 * C) : 0;
  const U = loss === 'l2' ? Infinity : C;
  for (let c = 0; c < k; c++) {
    const r = scaleR?.[c];
    const w = new Float64Array(nf);
    let b = 0;
    const alpha = new Float64Array(n);
    const xs = rows.map((x) => r ? { indices: x.indices, values: x.values.map((v, j) => v * r[x.indices[j]!]!) } : x);
    const qd = xs.map((x) => { let s = biasValue * biasValue; for (const v of x.values) s += v * v; return s + Dii; });
    const order = rows.map((_, i) => i);
    const rnd = createPrng(seed + c);
    for (let e = 0; e < epochs; e++) {
      shuffleInPlace(order, rnd);
      let maxPG = 0;
      for (const i of order) {
        const x = xs[i]!;
        const yi = y[i] === c ? 1 : -1;
        let dot = b * biasValue;
        for (let j = 0; j < x.indices.length; j++) dot += w[x.indices[j]!]! * x.values[j]!;
        const G = yi * dot - 1 + Dii * alpha[i]!;
        const a = alpha[i]!;
        let PG = G;
        if (a === 0) PG = Math.min(G, 0); else if (a === U) PG = Math.max(G, 0);
        maxPG = Math.max(maxPG, Math.abs(PG));
        if (Math.abs(PG) > 1e-12) {
          const an = Math.min(Math.max(a - G / qd[i]!, 0), U);
          const d = (an - a) * yi;
          alpha[i] = an;
          for (let j = 0; j < x.indices.length; j++) { const f = x.indices[j]!; w[f] = w[f]! + d * x.values[j]!; }
          b += d * biasValue;
        }
      }
      if (maxPG < 1e-3) break;
    }
    for (let f = 0; f < nf; f++) W[f * k + c] = w[f]! * (r ? r[f]! : 1);
    bias[c] = b * biasValue;
  }
  return { featureCount: nf, classCount: k, weights: W, bias };
}

// log-count ratios per class (OvR) on the given rows (NB-SVM)
function logRatios(rows: Sparse[], y: Int32Array, nf: number, k: number, alpha: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    const p = new Float64Array(nf).fill(alpha), q = new Float64Array(nf).fill(alpha);
    rows.forEach((x, i) => { const t = y[i] === c ? p : q; for (let j = 0; j < x.indices.length; j++) { const f = x.indices[j]!; t[f] = t[f]! + x.values[j]!; } });
    let sp = 0, sq = 0; for (let f = 0; f < nf; f++) { sp += p[f]!; sq += q[f]!; }
    const r = new Float64Array(nf);
    for (let f = 0; f < nf; f++) r[f] = Math.log((p[f]! / sp) / (q[f]! / sq));
    out.push(r);
  }
  return out;
}

type ModelSpec = { kind: 'softmax'; lambda: number; epochs: number; lr: number } | { kind: 'svm'; C: number; epochs: number; loss?: 'l1' | 'l2' } | { kind: 'nbsvm'; C: number; alpha: number; epochs: number; beta?: number } | { kind: 'cnb'; alpha: number };

function fit(spec: ModelSpec, rows: Sparse[], y: Int32Array, nf: number): LinearWeights {
  switch (spec.kind) {
    case 'softmax': return trainSoftmax(rows, y, nf, K, { epochs: spec.epochs, lambda: spec.lambda, learningRate: spec.lr, seed: 1, maxSteps: 1e9 });
    case 'svm': return trainSvm(rows, y, nf, K, spec.C, spec.epochs, 1, spec.loss ?? 'l2');
    case 'nbsvm': {
      const r = logRatios(rows, y, nf, K, spec.alpha);
      return trainSvm(rows, y, nf, K, spec.C, spec.epochs, 1, 'l2', 1, r);
    }
    case 'cnb': return trainComplementNb(rows, y, nf, K, spec.alpha);
  }
}

function cv(f: Feat, specs: ModelSpec[], folds = 5, seed = 11): void {
  const fold = stratifiedFolds(data.map((m) => m.label), folds, seed);
  const allIdx = data.map((_, i) => i);
  const preds: string[][] = specs.map(() => new Array<string>(data.length).fill(''));
  const t0 = performance.now();
  for (let k = 0; k < folds; k++) {
    const tr = allIdx.filter((i) => fold[i] !== k), te = allIdx.filter((i) => fold[i] === k);
    const { rows, nf } = buildRows(tr, allIdx, f);
    const trRows = tr.map((i) => rows.get(i)!);
    const y = Int32Array.from(tr.map((i) => yAll[i]!));
    specs.forEach((s, si) => {
      const m = fit(s, trRows, y, nf);
      for (const i of te) {
        const sc = linearScores(m, rows.get(i)!);
        let best = 0; for (let c = 1; c < K; c++) if (sc[c]! > sc[best]!) best = c;
        preds[si]![i] = labelsAll[best]!;
      }
    });
  }
  const truth = data.map((m) => m.label);
  specs.forEach((s, si) => {
    const r = classificationReport(truth, preds[si]!);
    console.log(JSON.stringify({ f, s, acc: +r.accuracy.toFixed(4), mf1: +r.macroF1.toFixed(4) }));
  });
  console.error(`  (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
}

const which = process.argv[2] ?? 'a';
const F0: Feat = { charMin: 1, charMax: 3, words: true, titleW: 1, titleBlock: false, blocks: true, minDf: 2, charW: 1, wordW: 1 };
if (which === 'a') {
  const specs: ModelSpec[] = [
    { kind: 'svm', C: 0.1, epochs: 50 }, { kind: 'svm', C: 0.3, epochs: 50 }, { kind: 'svm', C: 1, epochs: 50 }, { kind: 'svm', C: 3, epochs: 50 },
    { kind: 'softmax', lambda: 1e-4, epochs: 40, lr: 1 }, { kind: 'softmax', lambda: 1e-5, epochs: 40, lr: 1 },
    { kind: 'nbsvm', C: 0.3, alpha: 1, epochs: 50 }, { kind: 'nbsvm', C: 1, alpha: 1, epochs: 50 },
    { kind: 'cnb', alpha: 0.03 },
  ];
  cv(F0, specs);
  cv({ ...F0, titleW: 2 }, specs);
  cv({ ...F0, titleW: 0, titleBlock: true }, specs);
}
if (which === 'b') {
  const specs: ModelSpec[] = JSON.parse(process.argv[4]!);
  const feats: Feat[] = JSON.parse(process.argv[3]!).map((x: Partial<Feat>) => ({ ...F0, ...x }));
  for (const f of feats) cv(f, specs);
}
