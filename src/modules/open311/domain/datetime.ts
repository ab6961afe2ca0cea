import { SHANGHAI_OFFSET_MS } from '../../../platform/shanghai-time';

/** An instant as GeoReport v2 writes it: W3C date-time in the city's time, with its offset (`2025-09-30T10:00:00+08:00`). */
export function w3c(isoOrMs: string | number): string {
  const ms = typeof isoOrMs === 'number' ? isoOrMs : new Date(isoOrMs).getTime();
  return `${new Date(Math.floor(ms / 1000) * 1000 + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

// W3C note on date-time formats: YYYY-MM-DD, or a time with hh:mm[:ss[.s]] and a zone (Z or ±hh:mm).
const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads a W3C date-time (as `start_date`/`end_date` come). A date alone means midnight in the city (Asia/Shanghai).
 * A `+` offset left unescaped in a query string arrives as a space; it is read as `+`. Null when not a valid date.
 */
export function parseW3c(text: string): Date | null {
  const t = text.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  const m = W3C.exec(t);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return null;
  const at = new Date(h === undefined ? `${y}-${mo}-${d}T00:00:00+08:00` : t.replace(/\.\d+/, (f) => f.slice(0, 4)));
  if (Number.isNaN(at.getTime())) return null;
  // 2025-02-30 rolls over in Date: refuse it
  const local = new Date(at.getTime() + (zone === undefined ? SHANGHAI_OFFSET_MS : offsetMs(zone)));
  if (local.getUTCDate() !== day || local.getUTCMonth() + 1 !== month) return null;
  return at;
}

function offsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}
