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
  /**
   * Title terms form their own block instead (prefix `t`: `tw:`, `tc:`, `tb:`, counted once; `titleWeight` is then
   * unused), so the same word in the title and in the body are two features. Absent in older models = false.
   */
  titleSeparate?: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  words: true,
  wordBigrams: false,
  charMin: 1,
  charMax: 2,
  titleWeight: 2,
  titleSeparate: true,
};

/** A document as term → raw count. */
export type TermCounts = Map<string, number>;

function addTerms(counts: TermCounts, text: string, weight: number, options: FeatureOptions, tokenizer: Tokenizer, prefix = ''): void {
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
      const key = prefix + 'w:' + word;
      counts.set(key, (counts.get(key) ?? 0) + weight);
      if (options.wordBigrams && previous !== undefined) {
        const pair = prefix + 'b:' + previous + '_' + word;
        counts.set(pair, (counts.get(pair) ?? 0) + weight);
      }
      previous = word;
    }
  }
  if (options.charMax > 0) {
    for (const gram of characterNgrams(normalised, options.charMin, options.charMax)) {
      const key = prefix + 'c:' + gram;
      counts.set(key, (counts.get(key) ?? 0) + weight);
    }
  }
}

/** Terms of one request: title terms (weighted, or in their own block), then body terms. */
export function extractTerms(title: string, body: string, options: FeatureOptions, tokenizer: Tokenizer): TermCounts {
  const counts: TermCounts = new Map();
  if (options.titleSeparate) addTerms(counts, title, 1, options, tokenizer, 't');
  else addTerms(counts, title, options.titleWeight, options, tokenizer);
  addTerms(counts, body, 1, options, tokenizer);
  return counts;
}
