/** Text normalisation shared by the classifier, the similarity scorer and the entity extractor. */

/** Full-width ASCII to half-width, ideographic space to space, lower case. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x3000) out += ' ';
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else out += ch;
  }
  return out;
}

/** Normalised form used for features: half-width, lower case, digit runs collapsed to one '#'. */
export function normaliseForFeatures(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(/[0-9]+(\.[0-9]+)?/g, '#');
}

const CONTENT_CHAR = /[\u3400-\u9fffa-z#]/u;

/** True when a token carries content (a CJK character, a latin letter or a number placeholder). */
export function isContentToken(token: string): boolean {
  return CONTENT_CHAR.test(token);
}

/**
 * Runs of content characters (CJK, latin letters, digits placeholder) with punctuation and spaces as
 * boundaries, so that character n-grams never straddle a sentence break.
 */
export function contentRuns(normalised: string): string[] {
  return normalised.split(/[^\u3400-\u9fffa-z#]+/u).filter((s) => s.length > 0);
}

/** Character n-grams of length minN..maxN inside each content run. */
export function characterNgrams(normalised: string, minN: number, maxN: number): string[] {
  const grams: string[] = [];
  for (const run of contentRuns(normalised)) {
    const chars = Array.from(run);
    for (let n = minN; n <= maxN; n++) {
      for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
    }
  }
  return grams;
}
