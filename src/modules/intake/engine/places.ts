import type { Divisions } from '../../org/domain/divisions';
import type { PlaceLevel, ResolvedPlace } from '../domain/intake';

/**
 * Place resolution: find the province / city / district(county) / street(township) of an address or free
 * text. A character trie over every division name and its short form (铜山区 → 铜山, 黄楼街道 → 黄楼) finds
 * the mentions in one pass; candidate chains are then scored by how many levels the text confirms, plus the
 * caller's context (the hotline's own city), because names repeat across the country (城关镇 88 times).
 */

export type { PlaceLevel, ResolvedPlace } from '../domain/intake';

export interface PlaceContext {
  /** The hotline's city (e.g. 3203 徐州市): an unqualified name is looked for there first. */
  cityCode?: string;
  /** A district already known (e.g. from the caller's record). */
  areaCode?: string;
}

interface Division {
  level: PlaceLevel;
  code: string;
  name: string;
  provinceCode: string;
  cityCode: string | null;
  areaCode: string | null;
}

interface Entry {
  division: Division;
  /** The short form (suffix dropped) matches more loosely and weighs less. */
  short: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}

export interface PlaceIndex {
  root: TrieNode;
  byCode: Map<string, Division>;
  /** Longest name, to bound the scan. */
  maxLength: number;
}

interface Mention {
  start: number;
  end: number;
  text: string;
  entry: Entry;
}

const SUFFIXES: Record<PlaceLevel, readonly string[]> = {
  province: ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'],
  city: ['自治州', '地区', '盟', '市'],
  area: ['自治县', '新区', '区', '县', '市', '旗'],
  street: ['街道办事处', '民族乡', '街道', '镇', '乡', '苏木'],
};

/** Names that are not places in running text. */
const IGNORED_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** A short form followed by one of these is part of a road or building name (黄山路, 鼓楼广场), not the division. */
const NOT_AFTER_SHORT = new Set(['路', '街', '巷', '道', '桥', '弄', '村', '里', '园', '小', '大', '广', '花', '公', '社', '中', '医', '学', '店', '超', '市', '饭']);

/** The short form of a division name, or null when nothing sensible remains (two characters at least). */
export function shortPlaceName(name: string, level: PlaceLevel): string | null {
  for (const suffix of SUFFIXES[level]) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, name.length - suffix.length);
  }
  return null;
}

function insert(root: TrieNode, key: string, entry: Entry): void {
  let node = root;
  for (const ch of key) {
    let child = node.next.get(ch);
    if (!child) {
      child = { next: new Map(), entries: [] };
      node.next.set(ch, child);
    }
    node = child;
  }
  node.entries.push(entry);
}

/** Build the index once (about 45,000 divisions); lookups are then a single scan of the text. */
export function buildPlaceIndex(divisions: Divisions): PlaceIndex {
  const root: TrieNode = { next: new Map(), entries: [] };
  const byCode = new Map<string, Division>();
  let maxLength = 0;
  const add = (division: Division) => {
    byCode.set(division.code, division);
    if (IGNORED_NAMES.has(division.name)) return;
    insert(root, division.name, { division, short: false });
    maxLength = Math.max(maxLength, division.name.length);
    const short = shortPlaceName(division.name, division.level);
    if (short) insert(root, short, { division, short: true });
  };
  for (const p of divisions.provinces) add({ level: 'province', code: p.code, name: p.name, provinceCode: p.code, cityCode: null, areaCode: null });
  for (const c of divisions.cities) add({ level: 'city', code: c.code, name: c.name, provinceCode: c.provinceCode, cityCode: c.code, areaCode: null });
  for (const a of divisions.areas) add({ level: 'area', code: a.code, name: a.name, provinceCode: a.provinceCode, cityCode: a.cityCode, areaCode: a.code });
  for (const s of divisions.streets) add({ level: 'street', code: s.code, name: s.name, provinceCode: s.provinceCode, cityCode: s.cityCode, areaCode: s.areaCode });
  return { root, byCode, maxLength };
}

/** Every division name occurring in the text; a mention inside a longer one is dropped (鼓楼 inside 鼓楼区). */
export function findPlaceMentions(index: PlaceIndex, text: string): Mention[] {
  const chars = Array.from(text);
  const found: Mention[] = [];
  for (let start = 0; start < chars.length; start++) {
    let node: TrieNode | undefined = index.root;
    for (let end = start; end < chars.length && end - start < index.maxLength; end++) {
      node = node.next.get(chars[end] as string);
      if (!node) break;
      if (node.entries.length === 0) continue;
      const after = chars[end + 1];
      for (const entry of node.entries) {
        if (entry.short && after !== undefined && NOT_AFTER_SHORT.has(after)) continue;
        found.push({ start, end: end + 1, text: chars.slice(start, end + 1).join(''), entry });
      }
    }
  }
  // Keep only maximal spans: a span strictly inside another found span is a part of that name.
  return found.filter((m) => !found.some((o) => o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
}

const LEVEL_WEIGHT: Record<PlaceLevel, { full: number; short: number }> = {
  province: { full: 1, short: 0.8 },
  city: { full: 2, short: 1.5 },
  area: { full: 3, short: 2 },
  street: { full: 4, short: 2.5 },
};

interface Candidate {
  chain: Division[]; // province → … → deepest
  score: number;
  evidence: Mention[];
}

function chainOf(index: PlaceIndex, division: Division): Division[] {
  const codes = [division.provinceCode, division.cityCode, division.areaCode, division.level === 'street' ? division.code : null];
  const chain: Division[] = [];
  for (const code of codes) {
    if (code === null) continue;
    const d = index.byCode.get(code);
    if (d && !chain.includes(d)) chain.push(d);
    if (code === division.code) break;
  }
  return chain;
}

function emptyPlace(): ResolvedPlace {
  return {
    provinceCode: null, provinceName: null, cityCode: null, cityName: null,
    areaCode: null, areaName: null, streetCode: null, streetName: null, confidence: 0, evidence: [],
  };
}

function toPlace(chain: readonly Division[], confidence: number, evidence: readonly Mention[]): ResolvedPlace {
  const place = emptyPlace();
  for (const d of chain) {
    if (d.level === 'province') [place.provinceCode, place.provinceName] = [d.code, d.name];
    if (d.level === 'city') [place.cityCode, place.cityName] = [d.code, d.name];
    if (d.level === 'area') [place.areaCode, place.areaName] = [d.code, d.name];
    if (d.level === 'street') [place.streetCode, place.streetName] = [d.code, d.name];
  }
  place.confidence = Math.round(confidence * 1000) / 1000;
  place.evidence = evidence.map((m) => ({ text: m.text, start: m.start, level: m.entry.division.level, code: m.entry.division.code }));
  return place;
}

/** Resolve the most likely division chain of a text. Returns nulls with confidence 0 when nothing is found. */
export function resolvePlace(index: PlaceIndex, text: string, context: PlaceContext = {}): ResolvedPlace {
  const mentions = findPlaceMentions(index, text);
  if (mentions.length === 0) {
    // No name at all: the context alone is a weak answer.
    const fallback = context.areaCode ?? context.cityCode;
    const d = fallback ? index.byCode.get(fallback) : undefined;
    return d ? toPlace(chainOf(index, d), 0.1, []) : emptyPlace();
  }
  const candidates = new Map<string, Candidate>();
  for (const m of mentions) {
    const chain = chainOf(index, m.entry.division);
    const key = chain.map((d) => d.code).join('/');
    if (candidates.has(key)) continue;
    let score = 0;
    const evidence: Mention[] = [];
    const usedSpans = new Set<number>();
    // Deepest level first: one span of text supports one level only (铜山 is 铜山区 or 铜山街道, not both).
    for (const d of [...chain].reverse()) {
      let best: Mention | undefined;
      let bestWeight = 0;
      for (const other of mentions) {
        if (other.entry.division !== d || usedSpans.has(other.start)) continue;
        const w = other.entry.short ? LEVEL_WEIGHT[d.level].short : LEVEL_WEIGHT[d.level].full;
        if (w > bestWeight) [best, bestWeight] = [other, w];
      }
      if (best) {
        score += bestWeight;
        evidence.unshift(best);
        usedSpans.add(best.start);
      }
    }
    // A full name of another district or city that this chain contradicts counts against it
    // (睢宁县城关镇: the 城关镇 of other counties lose to 睢宁县 itself).
    for (const other of mentions) {
      if (other.entry.short || usedSpans.has(other.start)) continue;
      const level = other.entry.division.level;
      if (level !== 'area' && level !== 'city') continue;
      const mine = chain.find((d) => d.level === level);
      if (mine && mine !== other.entry.division) score -= 1.5;
      if (!mine && level === 'area' && chain.some((d) => d.level === 'street')) score -= 1.5;
    }
    const deepest = chain[chain.length - 1];
    if (context.cityCode && deepest && (deepest.cityCode === context.cityCode || deepest.code === context.cityCode)) score += 1.5;
    if (context.areaCode && deepest?.areaCode === context.areaCode) score += 1;
    candidates.set(key, { chain, score, evidence });
  }
  const ranked = [...candidates.values()].sort((a, b) => b.score - a.score || b.chain.length - a.chain.length);
  const top = ranked[0] as Candidate;
  const ties = ranked.filter((c) => c.score === top.score && c.chain.length === top.chain.length);
  const runnerUp = ranked.find((c) => !ties.includes(c) && !top.chain.includes(c.chain[c.chain.length - 1] as Division));
  // Confidence: how much evidence (max ~10 with every level spelled out), reduced by rivals.
  const strength = Math.min(1, top.score / 8);
  const margin = runnerUp ? Math.min(1, (top.score - runnerUp.score) / 3 + 0.4) : 1;
  if (ties.length > 1) {
    // Several places fit equally (城关镇 without context): keep only the levels they share.
    const shared: Division[] = [];
    for (let level = 0; level < top.chain.length; level++) {
      const d = top.chain[level] as Division;
      if (ties.every((c) => c.chain[level] === d)) shared.push(d);
      else break;
    }
    return toPlace(shared, (strength * margin) / ties.length, top.evidence.filter((m) => shared.includes(m.entry.division)));
  }
  return toPlace(top.chain, strength * margin, top.evidence);
}
