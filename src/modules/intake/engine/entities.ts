import type { DateEntity, ExtractedEntities, IdNumberEntity, PhoneEntity, SpanEntity } from '../domain/intake';
import { toHalfWidth } from './text';

/**
 * Entity extraction for auto-filling a work order: phone numbers, ID numbers (masked), addresses, business
 * names, dates and times. Pure functions; "now" is an argument (dates relative to it are in Asia/Shanghai).
 * Positions are code-unit offsets in the half-width-normalised text, which has the same length as the input.
 */

export type { DateEntity, ExtractedEntities, IdNumberEntity, PhoneEntity, SpanEntity } from '../domain/intake';

// ---- phones and ID numbers ------------------------------------------------------------------------------

const ID_PATTERN = /(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/g;
const MOBILE_PATTERN = /(?<![0-9])(?:\+?86[- ]?)?(1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9])/g;
// Area codes: 010 and 02x have three digits, all others four (0516 徐州).
const LANDLINE_PATTERN = /(?<![0-9])(0(?:[12][0-9]|[3-9][0-9]{2}))[- ]?([2-9][0-9]{6,7})(?![0-9])/g;
const SERVICE_PATTERN = /(?<![0-9])([48]00)[- ]?([0-9]{3})[- ]?([0-9]{4})(?![0-9])|(?<![0-9])(12[0-9]{3}|11[0-9]|12[0-9])(?![0-9])/g;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idNumberChecksumValid(id: string): boolean {
  if (!/^[0-9]{17}[0-9Xx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase();
}

export function maskIdNumber(id: string): string {
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4).toUpperCase();
}

function overlaps(start: number, end: number, taken: ReadonlyArray<[number, number]>): boolean {
  return taken.some(([s, e]) => start < e && end > s);
}

export function extractIdNumbers(text: string): IdNumberEntity[] {
  const normal = toHalfWidth(text);
  return [...normal.matchAll(ID_PATTERN)].map((m) => ({ masked: maskIdNumber(m[0]), valid: idNumberChecksumValid(m[0]), start: m.index }));
}

export function extractPhones(text: string): PhoneEntity[] {
  const normal = toHalfWidth(text);
  const taken: Array<[number, number]> = [...normal.matchAll(ID_PATTERN)].map((m) => [m.index, m.index + m[0].length]);
  const phones: PhoneEntity[] = [];
  for (const m of normal.matchAll(MOBILE_PATTERN)) {
    if (overlaps(m.index, m.index + m[0].length, taken)) continue;
    phones.push({ value: `${m[1]}${m[2]}${m[3]}`, kind: 'mobile', start: m.index });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of normal.matchAll(LANDLINE_PATTERN)) {
    if (overlaps(m.index, m.index + m[0].length, taken)) continue;
    phones.push({ value: `${m[1]}-${m[2]}`, kind: 'landline', start: m.index });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of normal.matchAll(SERVICE_PATTERN)) {
    if (overlaps(m.index, m.index + m[0].length, taken)) continue;
    const value = m[1] ? `${m[1]}-${m[2]}-${m[3]}` : (m[4] as string);
    // A bare 3–5 digit number is a service number only when it is one the public knows (110, 12345 ...).
    if (!m[1] && !['110', '119', '120', '122', '12345', '12315', '12320', '12333', '12369', '12319', '12348'].includes(value)) continue;
    phones.push({ value, kind: 'service', start: m.index });
    taken.push([m.index, m.index + m[0].length]);
  }
  return phones.sort((a, b) => a.start - b.start);
}

// ---- addresses and business names -----------------------------------------------------------------------

const CLAUSE_BREAK = /[，。；！？,;!?、\s：:（）()“”"《》]/u;

/** Where an address ends: the last of these in a clause closes it (…88号, …3单元, …花园小区). */
const ADDRESS_END = /(?:[0-9一二三四五六七八九十百]+(?:号楼|号院|号|栋|幢|单元|室|楼|层|组)|小区|花园|家园|新村|公寓|大厦|广场|社区|大道|路|街|巷|弄|村|苑|庄)(?![\u4e00-\u9fa5]{0,1}(?:路|街|巷|号|小区))/gu;
/** An address needs at least one of these to be more than a place name. */
const ADDRESS_MARKER = /[0-9一二三四五六七八九十]+(?:号|栋|幢|单元|室|组)|小区|花园|家园|新村|公寓|大厦|社区|大道|[\u4e00-\u9fa5]{1,4}村|[\u4e00-\u9fa5]{1,6}(?:路|街|巷|弄)(?!道)/u;
/** Words after which an address begins (我家住在 | 位于 | 地址是 ...). */
const ADDRESS_LEAD = /(?:地址是|地址为|地址|家住在|住在|家住|位于|来到|路过|就在|是在|在|到|于|住|是)/gu;

function clauses(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || CLAUSE_BREAK.test(text[i] as string)) {
      if (i > start) out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

/** Address spans: from after a lead word (在/住在/位于 …) to the last address ending of the clause. */
export function extractAddresses(text: string): SpanEntity[] {
  const normal = toHalfWidth(text);
  const found: SpanEntity[] = [];
  for (const clause of clauses(normal)) {
    if (!ADDRESS_MARKER.test(clause.text)) continue;
    let end = -1;
    for (const m of clause.text.matchAll(ADDRESS_END)) end = m.index + m[0].length;
    if (end < 0) continue;
    const markerMatch = ADDRESS_MARKER.exec(clause.text);
    const markerEnd = markerMatch ? markerMatch.index + markerMatch[0].length : end;
    let begin = 0;
    for (const m of clause.text.matchAll(ADDRESS_LEAD)) {
      if (m.index + m[0].length <= markerEnd - 2) begin = m.index + m[0].length;
    }
    const span = clause.text.slice(begin, end).replace(/^(?:的|了|我|家)+/u, '');
    if (span.length < 3) continue;
    found.push({ text: span, start: clause.start + end - span.length });
  }
  return found;
}

const BUSINESS_SUFFIX =
  /(?:股份有限公司|有限责任公司|有限公司|分公司|公司|集团|超市|便利店|专卖店|旗舰店|饭店|酒店|宾馆|餐厅|餐馆|饭馆|烧烤店|火锅店|小吃店|药店|药房|大药房|诊所|门诊部|培训学校|培训中心|培训机构|健身房|健身中心|美容院|理发店|商行|商店|4S店|车行|网吧|浴室|洗浴中心|KTV|店)/gu;
/** Words that cannot be part of a name: the name starts after the last of them. */
const NAME_BREAK = /(?:我们|我|你|他|她|在|的|是|到|去|向|被|从|和|与|跟|对|给|找|家|了|买|办|个|里|说|称|附近|旁边|门口|楼下|隔壁|这|那|该|本|此|一|位于|投诉|举报|反映)/gu;
const GENERIC_NAMES = new Set(['物业', '公交', '电力', '燃气', '供电', '自来水', '快递', '外卖', '网店', '商', '小']);

/** Business names: a name of 2–15 characters before a suffix such as 有限公司 / 超市 / 饭店 / 店. */
export function extractBusinesses(text: string): SpanEntity[] {
  const normal = toHalfWidth(text);
  const found: SpanEntity[] = [];
  for (const clause of clauses(normal)) {
    for (const m of clause.text.matchAll(BUSINESS_SUFFIX)) {
      const before = clause.text.slice(Math.max(0, m.index - 15), m.index);
      let begin = 0;
      for (const b of before.matchAll(NAME_BREAK)) begin = b.index + b[0].length;
      const name = before.slice(begin);
      if (name.length < 2 || GENERIC_NAMES.has(name) || /^[0-9]+$/.test(name)) continue;
      const textSpan = name + m[0];
      const start = clause.start + m.index - name.length;
      // A shorter suffix inside a longer match (…有限公司 also ends in 公司) is skipped by the overlap check.
      if (found.some((f) => start < f.start + f.text.length && start + textSpan.length > f.start)) continue;
      found.push({ text: textSpan, start });
    }
  }
  return found;
}

// ---- dates and times ------------------------------------------------------------------------------------

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 1..99 written as digits or Chinese numerals (十, 十一, 二十三 ...). */
export function parseSmallNumber(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/u.exec(s);
  if (m) return (m[1] ? (CN_DIGITS[m[1]] as number) : 1) * 10 + (m[2] ? (CN_DIGITS[m[2]] as number) : 0);
  if (s.length === 1 && CN_DIGITS[s] !== undefined) return CN_DIGITS[s] as number;
  return null;
}

const NUM = '[0-9]{1,2}|[一二两三四五六七八九十]{1,3}';
const DATE_PATTERN = new RegExp(
  `(?:([0-9]{4})年)?(${NUM})月(${NUM})[日号]|([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})|(大前天|前天|昨天|昨日|今天|今日|明天|后天|昨晚|今晚|今早|昨夜)`,
  'gu',
);
const TIME_PATTERN = new RegExp(`^\\s*(凌晨|早上|上午|中午|下午|傍晚|晚上|夜里|夜间)?\\s*(${NUM})(?:[点时:](?:(${NUM})分?|(半))?)`, 'u');

const RELATIVE_DAYS: Record<string, number> = { 大前天: -3, 前天: -2, 昨天: -1, 昨日: -1, 昨晚: -1, 昨夜: -1, 今天: 0, 今日: 0, 今晚: 0, 今早: 0, 明天: 1, 后天: 2 };
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

function shanghaiDate(now: Date, dayOffset: number): { y: number; m: number; d: number } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS + dayOffset * 86400000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function extractDates(text: string, now: Date): DateEntity[] {
  const normal = toHalfWidth(text);
  const today = shanghaiDate(now, 0);
  const found: DateEntity[] = [];
  for (const m of normal.matchAll(DATE_PATTERN)) {
    let y: number;
    let mo: number;
    let d: number;
    let hour: number | null = null;
    if (m[2] !== undefined) {
      mo = parseSmallNumber(m[2]) ?? 0;
      d = parseSmallNumber(m[3] as string) ?? 0;
      // Without a year, a month later than this one means last year (complaints are about the past).
      y = m[1] ? Number(m[1]) : mo > today.m + 1 ? today.y - 1 : today.y;
    } else if (m[4] !== undefined) {
      [y, mo, d] = [Number(m[4]), Number(m[5]), Number(m[6])];
    } else {
      const word = m[7] as string;
      ({ y, m: mo, d } = shanghaiDate(now, RELATIVE_DAYS[word] ?? 0));
      if (word.endsWith('晚') || word.endsWith('夜')) hour = 12; // evening: a later "8点" means 20:00
    }
    if (!validDate(y, mo, d)) continue;
    let spanText = m[0];
    let time: string | null = null;
    const t = TIME_PATTERN.exec(normal.slice(m.index + m[0].length));
    if (t) {
      let h = parseSmallNumber(t[2] as string);
      const minutes = t[4] ? 30 : t[3] ? parseSmallNumber(t[3]) ?? 0 : 0;
      if (h !== null && h <= 24 && minutes < 60) {
        const period = t[1] ?? '';
        if ((['下午', '傍晚', '晚上', '夜里', '夜间'].includes(period) || (hour === 12 && period === '')) && h < 12) h += 12;
        if (period === '中午' && h < 6) h += 12;
        time = `${pad(h % 24)}:${pad(minutes)}`;
        spanText += t[0];
      }
    }
    found.push({ text: spanText.trim(), start: m.index, date: `${y}-${pad(mo)}-${pad(d)}`, time });
  }
  return found;
}

/** All entities of a request's text. */
export function extractEntities(text: string, now: Date): ExtractedEntities {
  return {
    phones: extractPhones(text),
    idNumbers: extractIdNumbers(text),
    addresses: extractAddresses(text),
    businesses: extractBusinesses(text),
    dates: extractDates(text, now),
  };
}
