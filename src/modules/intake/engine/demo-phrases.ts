import { readFileSync } from 'node:fs';

/**
 * Text material for the synthetic demo orders, kept as data in resources/intake/demo-phrases.json: for each leaf
 * category (by name) 7–10 ways a caller describes the matter, in varied words and sentence shapes, so that the
 * demo model also suggests the right category for wording that is not in the list (measured on hand-written
 * requests that share no sentence with it: test/fixtures/intake/realistic-requests.json, `npm run bench:demo-model`).
 */
export const LEAF_PHRASES: Readonly<Record<string, readonly string[]>> = (
  JSON.parse(readFileSync(new URL('../../../../resources/intake/demo-phrases.json', import.meta.url), 'utf8')) as { phrases: Record<string, string[]> }
).phrases;
