import type { SimilarityReason } from '../domain/intake';
import { createPrng } from './prng';
import { characterNgrams, normaliseForFeatures } from './text';

/**
 * Similar and duplicate orders: char-bigram cosine for the text, plus boosts for the same caller and the same
 * place, so an agent sees what to merge. Clustering groups many reports of one event with MinHash
 * locality-sensitive hashing (candidate pairs) verified by the cosine, joined by union-find.
 */

export interface OrderForSimilarity {
  id: string;
  number?: string;
  text: string;
  callerPhone?: string | null;
  streetCode?: string | null;
  areaCode?: string | null;
}

export interface SimilarityQuery {
  text: string;
  callerPhone?: string | null;
  streetCode?: string | null;
  areaCode?: string | null;
}

export type { SimilarityReason } from '../domain/intake';

export interface SimilarMatch {
  id: string;
  number: string | null;
  /** 0..1. */
  score: number;
  textSimilarity: number;
  reasons: SimilarityReason[];
}

export interface SimilarityOptions {
  limit: number;
  /** Matches below this score are not returned. */
  minScore: number;
  /** Text cosine at or above which two texts count as the same report. */
  nearIdentical: number;
  /** Text cosine at or above which the texts count as about the same thing. */
  similar: number;
}

export const DEFAULT_SIMILARITY_OPTIONS: SimilarityOptions = { limit: 5, minScore: 0.3, nearIdentical: 0.85, similar: 0.35 };

/** Char-bigram counts with their norm, the unit of comparison. */
export interface TextProfile {
  counts: Map<string, number>;
  norm: number;
}

export function textProfile(text: string): TextProfile {
  const counts = new Map<string, number>();
  for (const gram of characterNgrams(normaliseForFeatures(text), 2, 2)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let sum = 0;
  for (const c of counts.values()) sum += c * c;
  return { counts, norm: Math.sqrt(sum) };
}

export function cosine(a: TextProfile, b: TextProfile): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [gram, count] of small.counts) dot += count * (large.counts.get(gram) ?? 0);
  return dot / (a.norm * b.norm);
}

function normalisePhone(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/[^0-9]/g, '');
  if (digits.length < 7) return null;
  return digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits;
}

/** Score every candidate against the query; best first, at most `limit`, each with the reasons. */
export function findSimilarOrders(
  query: SimilarityQuery,
  candidates: readonly OrderForSimilarity[],
  options: SimilarityOptions = DEFAULT_SIMILARITY_OPTIONS,
): SimilarMatch[] {
  const q = textProfile(query.text);
  const phone = normalisePhone(query.callerPhone);
  const matches: SimilarMatch[] = [];
  for (const c of candidates) {
    const text = cosine(q, textProfile(c.text));
    const reasons: SimilarityReason[] = [];
    if (text >= options.nearIdentical) reasons.push('near_identical_text');
    else if (text >= options.similar) reasons.push('similar_text');
    const sameCaller = phone !== null && phone === normalisePhone(c.callerPhone);
    if (sameCaller) reasons.push('same_caller');
    const sameStreet = !!query.streetCode && query.streetCode === c.streetCode;
    const sameArea = !sameStreet && !!query.areaCode && query.areaCode === c.areaCode;
    if (sameStreet) reasons.push('same_street');
    if (sameArea) reasons.push('same_area');
    // Text dominates; caller and place only lift a match that already shares some text, so one caller's
    // unrelated requests or one street's many different problems are not flagged as duplicates.
    const placeBoost = sameStreet ? 0.15 : sameArea ? 0.05 : 0;
    const callerBoost = sameCaller ? 0.25 : 0;
    const score = Math.min(1, text * 0.75 + (callerBoost + placeBoost) * Math.min(1, text / options.similar) + (text >= options.nearIdentical ? 0.1 : 0));
    if (score < options.minScore) continue;
    matches.push({ id: c.id, number: c.number ?? null, score: Math.round(score * 1000) / 1000, textSimilarity: Math.round(text * 1000) / 1000, reasons });
  }
  return matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, options.limit);
}

// ---- clustering -----------------------------------------------------------------------------------------

export interface ClusterOptions {
  /** Text cosine at or above which two reports are the same event. */
  threshold: number;
  /**
   * Reports in different districts are never joined when both districts are known, not even through a report of
   * unknown district similar to both: a cluster holds one known district at most.
   */
  samePlaceOnly: boolean;
  /** MinHash: bands × rows hash functions. */
  bands: number;
  rows: number;
  seed: number;
  /** Clusters smaller than this are not returned. */
  minSize: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { threshold: 0.35, samePlaceOnly: true, bands: 32, rows: 2, seed: 12345, minSize: 2 };

export interface OrderCluster {
  /** Ids, the first being the earliest in the input (the one others merge into). */
  ids: string[];
  /** The member most similar to the others. */
  representativeId: string;
  /** Average cosine of members to the representative. */
  cohesion: number;
}

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function minHashSignature(shingles: readonly string[], salts: readonly number[]): Uint32Array {
  const signature = new Uint32Array(salts.length).fill(0xffffffff);
  for (const s of shingles) {
    const base = fnv1a(s, 0);
    salts.forEach((salt, i) => {
      const h = Math.imul(base ^ salt, 0x9e3779b1) >>> 0;
      const mixed = (h ^ (h >>> 15)) >>> 0;
      if (mixed < (signature[i] as number)) signature[i] = mixed;
    });
  }
  return signature;
}

/** Group reports of the same event. Near-linear: only LSH candidate pairs are compared. */
export function clusterOrders(orders: readonly OrderForSimilarity[], options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): OrderCluster[] {
  const random = createPrng(options.seed);
  const salts = Array.from({ length: options.bands * options.rows }, () => Math.floor(random() * 0xffffffff));
  const profiles = orders.map((o) => textProfile(o.text));
  const buckets = new Map<string, number[]>();
  orders.forEach((o, i) => {
    const shingles = characterNgrams(normaliseForFeatures(o.text), 2, 2);
    if (shingles.length === 0) return;
    const sig = minHashSignature(shingles, salts);
    for (let b = 0; b < options.bands; b++) {
      const key = b + ':' + Array.from(sig.subarray(b * options.rows, (b + 1) * options.rows)).join(',');
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const parent = orders.map((_, i) => i);
  // The known district of each group (at its root): a group with one joins no group with another.
  const area = orders.map((o) => (options.samePlaceOnly ? (o.areaCode ?? null) : null));
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const checked = new Set<number>(); // pairs compared and found apart, as a·n + b (a < b)
  for (const members of buckets.values()) {
    if (members.length < 2) continue;
    for (let x = 0; x < members.length; x++) {
      const a = members[x] as number;
      for (let y = x + 1; y < members.length; y++) {
        const b = members[y] as number;
        const ra = find(a);
        const rb = find(b);
        if (ra === rb) continue; // already one group: no need to remember the pair
        const za = area[ra] ?? null;
        const zb = area[rb] ?? null;
        if (za !== null && zb !== null && za !== zb) continue; // two districts: never one event
        const key = a < b ? a * orders.length + b : b * orders.length + a;
        if (checked.has(key)) continue; // compared in another band and found apart
        checked.add(key);
        if (cosine(profiles[a] as TextProfile, profiles[b] as TextProfile) < options.threshold) continue;
        parent[ra] = rb;
        area[rb] = zb ?? za;
      }
    }
  }
  const groups = new Map<number, number[]>();
  orders.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  const clusters: OrderCluster[] = [];
  for (const members of groups.values()) {
    if (members.length < options.minSize) continue;
    // Mean cosine of a member to the others = (its unit vector · the sum of all unit vectors − 1) / (n − 1):
    // one pass over the members instead of every pair (a cluster of hundreds of reports is one event).
    const sum = new Map<string, number>();
    for (const m of members) {
      const p = profiles[m] as TextProfile;
      if (p.norm === 0) continue;
      for (const [gram, count] of p.counts) sum.set(gram, (sum.get(gram) ?? 0) + count / p.norm);
    }
    let best = members[0] as number;
    let bestMean = -1;
    for (const m of members) {
      const p = profiles[m] as TextProfile;
      let dot = 0;
      if (p.norm > 0) for (const [gram, count] of p.counts) dot += (count / p.norm) * (sum.get(gram) ?? 0);
      const mean = (dot - (p.norm > 0 ? 1 : 0)) / (members.length - 1);
      if (mean > bestMean + 1e-12) [best, bestMean] = [m, mean];
    }
    clusters.push({
      ids: members.map((i) => (orders[i] as OrderForSimilarity).id),
      representativeId: (orders[best] as OrderForSimilarity).id,
      cohesion: Math.round(bestMean * 1000) / 1000,
    });
  }
  return clusters.sort((a, b) => b.ids.length - a.ids.length);
}
