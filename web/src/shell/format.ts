// Display helpers. Dates are always shown in Asia/Shanghai, whatever the browser's zone, because the
// hotline's deadlines and working hours are Beijing time.
export const TIME_ZONE = 'Asia/Shanghai';

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of partsFormatter.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** `2026-03-05 14:07` in Beijing time; empty string for missing or invalid input. */
export function formatDateTime(value: string | number | Date | null | undefined, withSeconds = false): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const p = parts(d);
  const base = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return withSeconds ? `${base}:${p.second}` : base;
}

export function formatDate(value: string | Date | null | undefined): string {
  return formatDateTime(value).slice(0, 10);
}

/** The instant at which a Beijing calendar day starts, as ISO (for `from`/`to` filters). */
export function shanghaiDayStart(ymd: string): string {
  return new Date(`${ymd}T00:00:00+08:00`).toISOString();
}
export function shanghaiDayEnd(ymd: string): string {
  return new Date(new Date(`${ymd}T00:00:00+08:00`).getTime() + 86_400_000 - 1).toISOString();
}

/** Hide the middle of a phone number in lists: 13812345678 → 138****5678. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.trim();
  if (digits.length < 7) return digits;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Mainland mobile or landline (with optional area code and extension), as agents type them. */
export function isPlausiblePhone(phone: string): boolean {
  const p = phone.replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}\d{7,8}$/.test(p) || /^\d{7,8}$/.test(p) || /^\+?\d{7,15}$/.test(p);
}

export function isMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, ''));
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Hours (may be negative = overdue) between now and a deadline, rounded down to 0.1 h. */
export function hoursLeft(deadline: string, now: number): number {
  return Math.floor((new Date(deadline).getTime() - now) / 360_000) / 10;
}

/** A span of hours as people read a deadline: 2天3小时, 5小时, 40分钟 (or 2 d 3 h, 5 h, 40 min). */
export function formatHours(hours: number, lang: 'zh' | 'en'): string {
  const minutes = Math.round(Math.abs(hours) * 60);
  const days = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const zh = lang === 'zh';
  if (days > 0) return zh ? `${days}天${h > 0 ? `${h}小时` : ''}` : `${days} d${h > 0 ? ` ${h} h` : ''}`;
  if (h > 0) return zh ? `${h}小时${m >= 30 && h < 3 ? `${m}分钟` : ''}` : `${h} h${m >= 30 && h < 3 ? ` ${m} min` : ''}`;
  return zh ? `${m}分钟` : `${m} min`;
}

/** Colour for a warning level; unknown levels render neutral. */
export function warningColor(level: string | null | undefined): string | undefined {
  switch (level) {
    case 'yellow':
      return 'gold';
    case 'orange':
      return 'orange';
    case 'red':
    case 'overdue':
      return 'red';
    case 'none':
    case 'green':
      return 'green';
    default:
      return undefined;
  }
}

export function warningRank(level: string | null | undefined): number {
  return { overdue: 4, red: 3, orange: 2, yellow: 1 }[level ?? ''] ?? 0;
}

/** The deadline that runs now (`dueAt`), else the earliest date-valued deadline; sorts "due soon" queues. */
export function earliestDeadline(deadlines: object | null | undefined): string | null {
  if (!deadlines) return null;
  const due = (deadlines as { dueAt?: unknown }).dueAt;
  if (typeof due === 'string' && !Number.isNaN(new Date(due).getTime())) return due;
  if (due === null) return null;
  let best: string | null = null;
  for (const v of Object.values(deadlines as Record<string, unknown>)) {
    if (typeof v !== 'string' || Number.isNaN(new Date(v).getTime())) continue;
    if (best === null || new Date(v).getTime() < new Date(best).getTime()) best = v;
  }
  return best;
}

export function shortText(text: string | null | undefined, max = 40): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Who the API names with an id and the display name it sends beside it: the system (named in the console's
 * language), a person, or (an account the server could not name) the id itself.
 */
export type Person = { kind: 'system' } | { kind: 'named'; name: string } | { kind: 'unknown'; id: string } | { kind: 'none' };
export function person(id: string | null | undefined, name: string | null | undefined): Person {
  if (!id) return { kind: 'none' };
  if (id === 'system') return { kind: 'system' };
  return name ? { kind: 'named', name } : { kind: 'unknown', id };
}
