/**
 * Word segmentation behind a small interface so that the model code stays pure: the jieba adapter
 * (jieba-tokenizer.ts) implements it in production, tests may pass any other implementation.
 */
export interface Tokenizer {
  /** Words of the text, in order; punctuation and whitespace may be included (the featuriser drops them). */
  words(text: string): string[];
}

/** A dictionary-free fallback: every CJK character and every ASCII word is a token. */
export const characterTokenizer: Tokenizer = {
  words(text: string): string[] {
    return text.match(/[\u3400-\u9fff]|[a-z0-9]+/giu) ?? [];
  },
};
