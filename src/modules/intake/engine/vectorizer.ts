import type { TermCounts } from './features';

/** A sparse row: parallel arrays of feature index and value, indices ascending. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface VectorizerOptions {
  /** Keep terms seen in at least this many training documents. */
  minDf: number;
  /** Keep at most this many terms (highest document frequency first, ties by term). */
  maxFeatures: number;
  /** 1 + ln(tf) instead of tf. */
  sublinearTf: boolean;
  /**
   * L2-normalise each block of terms (body words `w:`, body characters `c:`, word pairs `b:`, all title terms `t…`)
   * on its own before normalising the whole row, so the many character n-grams do not drown the words.
   */
  blockNormalise?: boolean;
}

export const DEFAULT_VECTORIZER_OPTIONS: VectorizerOptions = { minDf: 2, maxFeatures: 200_000, sublinearTf: true, blockNormalise: true };

/** Fitted TF-IDF vocabulary; plain data so it serialises to JSON. */
export interface TfidfVectorizer {
  terms: string[];
  idf: number[];
  sublinearTf: boolean;
  /** See VectorizerOptions; absent in older models = false. */
  blockNormalise?: boolean;
}

export function fitTfidf(documents: readonly TermCounts[], options: VectorizerOptions): TfidfVectorizer {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const kept = [...df.entries()].filter(([, n]) => n >= options.minDf);
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const selected = kept.slice(0, options.maxFeatures);
  const n = documents.length;
  return {
    terms: selected.map(([term]) => term),
    idf: selected.map(([, d]) => Math.log((1 + n) / (1 + d)) + 1),
    sublinearTf: options.sublinearTf,
    ...(options.blockNormalise ? { blockNormalise: true } : {}),
  };
}

/** Index from term to column, built once per loaded vectorizer. */
export type TermIndex = Map<string, number>;

export function termIndex(vectorizer: TfidfVectorizer): TermIndex {
  const index: TermIndex = new Map();
  vectorizer.terms.forEach((term, i) => index.set(term, i));
  return index;
}

/**
 * The block a term belongs to for `blockNormalise`: 0 every title term (`t…`), 1 body words `w:`, 2 body characters
 * `c:`, 3 word pairs `b:`, 4 anything else. Read from the first character, so no string is allocated per term.
 */
export function termBlock(term: string): number {
  switch (term.charCodeAt(0)) {
    case 116: // t
      return 0;
    case 119: // w
      return 1;
    case 99: // c
      return 2;
    case 98: // b
      return 3;
    default:
      return 4;
  }
}

/** TF-IDF weights, L2-normalised (per block first when the vectorizer says so); unknown terms are dropped. */
export function vectorise(doc: TermCounts, vectorizer: TfidfVectorizer, index: TermIndex): SparseVector {
  const pairs: Array<[number, number]> = [];
  const blockOf: number[] = [];
  const blockNorms = [0, 0, 0, 0, 0];
  let norm = 0;
  for (const [term, count] of doc) {
    const column = index.get(term);
    if (column === undefined) continue;
    const tf = vectorizer.sublinearTf ? 1 + Math.log(count) : count;
    const value = tf * (vectorizer.idf[column] ?? 1);
    pairs.push([column, value]);
    norm += value * value;
    if (vectorizer.blockNormalise) {
      const block = termBlock(term);
      blockOf.push(block);
      blockNorms[block] = (blockNorms[block] as number) + value * value;
    }
  }
  if (vectorizer.blockNormalise) {
    const scales = blockNorms.map((n) => (n > 0 ? 1 / Math.sqrt(n) : 0));
    norm = 0;
    pairs.forEach((pair, i) => {
      pair[1] *= scales[blockOf[i] as number] as number;
      norm += pair[1] * pair[1];
    });
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const indices = new Int32Array(pairs.length);
  const values = new Float64Array(pairs.length);
  pairs.forEach(([c, v], i) => {
    indices[i] = c;
    values[i] = v * scale;
  });
  return { indices, values };
}
