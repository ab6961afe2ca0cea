/**
 * Asia/Shanghai wall-clock helpers without a timezone library: China has used UTC+8 all year since 1991
 * (no DST), so local time is the UTC instant shifted by +8 h, read with the getUTC* accessors.
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The local calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiYmd(instantMs: number): string {
  return new Date(instantMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant of local midnight (00:00 Asia/Shanghai) of the day containing `instantMs`. */
export function shanghaiMidnight(instantMs: number): number {
  const shifted = instantMs + SHANGHAI_OFFSET_MS;
  return shifted - mod(shifted, DAY_MS) - SHANGHAI_OFFSET_MS;
}

/** The UTC instant of a local Asia/Shanghai wall-clock time, e.g. `shanghaiInstant('2025-09-30', '10:00')`. */
export function shanghaiInstant(ymd: string, hhmm = '00:00'): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${ymd}`);
  const minutes = parseHhmm(hhmm);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SHANGHAI_OFFSET_MS + minutes * MINUTE_MS;
}

/** Local wall-clock text `YYYY-MM-DD HH:mm` of an instant, for messages and test tables. */
export function formatShanghai(instantMs: number): string {
  const iso = new Date(instantMs + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Day of week of a YYYY-MM-DD date: 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(ymd: string): number {
  return new Date(`${ymd}T00:00:00Z`).getUTCDay();
}

/** Saturday or Sunday, by `weekdayOf` number. */
export const isWeekend = (weekday: number): boolean => weekday === 0 || weekday === 6;

/** Minutes since midnight of an `HH:mm` text (24:00 allowed as the end of a day). */
export function parseHhmm(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`not an HH:mm time: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 24 * 60) throw new RangeError(`not an HH:mm time: ${hhmm}`);
  return minutes;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** The calendar day in Asia/Shanghai as YYYYMMDD (order numbers start with it). */
export const shanghaiDay = (instant: Date): string => shanghaiYmd(instant.getTime()).replaceAll('-', '');
