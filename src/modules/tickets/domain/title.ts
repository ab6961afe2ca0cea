/** Longest title derived from a request's text, in characters. */
export const DERIVED_TITLE_MAX = 30;

const SENTENCE_END = /[。！？!?；;\n]/u;
const CLAUSE_END = /[，,、：:]/u;
const TRAILING_PUNCTUATION = /[\s。！？!?；;，,、：:…]+$/u;
const LEADING_PUNCTUATION = /^[\s。！？!?；;，,、：:…]+/u;

/**
 * A title for a request that came without one: its first sentence when that fits, else its text up to the last
 * clause break that keeps at least a third of the length, else a hard cut marked with an ellipsis. Characters,
 * not UTF-16 units, so a rare character is never cut in half.
 */
export function titleFromContent(content: string, max = DERIVED_TITLE_MAX): string {
  const chars = Array.from(content.replace(/[ \t\r\f\v]+/g, ' ').replace(LEADING_PUNCTUATION, ''));
  if (chars.length === 0) return Array.from(content.trim()).slice(0, max).join(''); // punctuation only: keep it
  const sentenceEnd = chars.findIndex((c) => SENTENCE_END.test(c));
  const firstSentence = sentenceEnd >= 0 ? chars.slice(0, sentenceEnd) : chars;
  const clean = (cs: string[]) => cs.join('').replace(TRAILING_PUNCTUATION, '').trim();
  if (firstSentence.length <= max && clean(firstSentence).length > 0) return clean(firstSentence);
  const head = firstSentence.slice(0, max + 1); // a break just after the limit still ends a clause that fits
  for (let i = head.length - 1; i >= Math.ceil(max / 3); i--) {
    if (CLAUSE_END.test(head[i] as string)) return clean(head.slice(0, i));
  }
  return `${clean(firstSentence.slice(0, max - 1))}…`;
}
