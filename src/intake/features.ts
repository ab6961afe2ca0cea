import type { Tokenizer } from './tokenizer';
import { characterNgrams, isContentToken, normaliseForFeatures } from './text';

/** How a request's text becomes terms. Word features come from the tokenizer, character n-grams need none. */
export interface FeatureOptions {
  /** Use jieba words (prefix `w:`). */
  words: boolean;
  /** Also use adjacent word pairs (prefix `b:`). */
  wordBigrams: boolean;
  /** Character n-gram range (prefix `c:`); charMax 0 disables them. */
  charMin: number;
  charMax: number;
  /** The title's terms are counted this many times (titles are short and topical). */
  titleWeight: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  words: true,
  wordBigrams: false,
  charMin: 1,
  charMax: 2,
  titleWeight: 2,
};

/** A document as term → raw count. */
export type TermCounts = Map<string, number>;

function addTerms(counts: TermCounts, text: string, weight: number, options: FeatureOptions, tokenizer: Tokenizer): void {
  if (text.length === 0) return;
  const normalised = normaliseForFeatures(text);
  if (options.words) {
    let previous: string | undefined;
    for (const raw of tokenizer.words(normalised)) {
      const word = raw.trim();
      if (!isContentToken(word)) {
        previous = undefined;
        continue;
      }
      const key = 'w:' + word;
      counts.set(key, (counts.get(key) ?? 0) + weight);
      if (options.wordBigrams && previous !== undefined) {
        const pair = 'b:' + previous + '_' + word;
        counts.set(pair, (counts.get(pair) ?? 0) + weight);
      }
      previous = word;
    }
  }
  if (options.charMax > 0) {
    for (const gram of characterNgrams(normalised, options.charMin, options.charMax)) {
      const key = 'c:' + gram;
      counts.set(key, (counts.get(key) ?? 0) + weight);
    }
  }
}

/** Terms of one request: title terms weighted, then body terms. */
export function extractTerms(title: string, body: string, options: FeatureOptions, tokenizer: Tokenizer): TermCounts {
  const counts: TermCounts = new Map();
  addTerms(counts, title, options.titleWeight, options, tokenizer);
  addTerms(counts, body, 1, options, tokenizer);
  return counts;
}
