import { formatShanghai, shanghaiInstant } from '../../../platform/shanghai-time';
import type { WorkingTime } from './deadline-limit';
import { buildWorkingCalendar } from './working-calendar';
import { DEFAULT_HOURS } from './working-hours';

/**
 * A hand-written slice of China's official calendar, so the pure tests do not depend on the data package:
 * 2025 National Day (1–8 Oct off; Sun 28 Sep and Sat 11 Oct are 调休 workdays) and New Year 2026
 * (1–3 Jan off; Sun 4 Jan is a workday).
 */
export const CHINA_2025_SLICE = buildWorkingCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08', '2026-01-01', '2026-01-02'],
  workdays: ['2025-09-28', '2025-10-11', '2026-01-04'],
});

export const WT: WorkingTime = { calendar: CHINA_2025_SLICE, hours: DEFAULT_HOURS };

/** `'2025-09-30 10:00'` (Asia/Shanghai) → Date; seconds and milliseconds optional: `'... 10:00:00.001'`. */
export function sh(text: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/.exec(text);
  if (!m || !m[1] || !m[2]) throw new RangeError(`bad test time ${text}`);
  return new Date(shanghaiInstant(m[1], m[2]) + Number(m[3] ?? 0) * 1000 + Number(m[4] ?? 0));
}

export const show = (d: Date): string => formatShanghai(d.getTime());
