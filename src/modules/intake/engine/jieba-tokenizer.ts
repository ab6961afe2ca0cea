import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Tokenizer } from './tokenizer';

/** The hotline user dictionary shipped with the code: lines `word frequency tag` (jieba's format). */
export const HOTLINE_DICT_PATH = fileURLToPath(new URL('../../../../resources/intake/hotline-dict.txt', import.meta.url));

let shared: Tokenizer | undefined;

/**
 * jieba with its default dictionary plus the hotline dictionary (and optional extra lines, e.g. the
 * division names of the city). `loadDict` takes the dictionary text as bytes (Uint8Array), not a path.
 */
export function createJiebaTokenizer(extraDictLines: readonly string[] = []): Tokenizer {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(readFileSync(HOTLINE_DICT_PATH));
  if (extraDictLines.length > 0) jieba.loadDict(Buffer.from(extraDictLines.join('\n') + '\n', 'utf8'));
  return {
    words(text: string): string[] {
      return jieba.cut(text, false);
    },
  };
}

/** One process-wide tokenizer with the hotline dictionary (building jieba costs ~100 ms). */
export function sharedJiebaTokenizer(): Tokenizer {
  shared ??= createJiebaTokenizer();
  return shared;
}
