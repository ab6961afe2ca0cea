import { MINUTE_MS, parseHhmm } from '../../../platform/shanghai-time';

/** Office hours of a working day in Asia/Shanghai, e.g. 09:00–12:00 and 13:30–17:30 (lunch break between). */
export interface WorkingHoursConfig {
  periods: { start: string; end: string }[];
}

export const DEFAULT_WORKING_HOURS: WorkingHoursConfig = {
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
};

/** Parsed office hours: periods as [startMs, endMs) offsets from local midnight, sorted, disjoint. */
export interface WorkingHours {
  periods: readonly (readonly [number, number])[];
  /** Length of one working day in ms (7 h by default): the unit of `working_days`. */
  dayMs: number;
}

export function parseWorkingHours(config: WorkingHoursConfig): WorkingHours {
  if (config.periods.length === 0) throw new RangeError('working hours need at least one period');
  const periods = config.periods.map((p) => [parseHhmm(p.start) * MINUTE_MS, parseHhmm(p.end) * MINUTE_MS] as const);
  let previousEnd = -1;
  for (const [s, e] of periods) {
    if (e <= s) throw new RangeError('each working period must end after it starts');
    if (s < previousEnd) throw new RangeError('working periods must be in order and must not overlap');
    previousEnd = e;
  }
  return { periods, dayMs: periods.reduce((sum, [s, e]) => sum + (e - s), 0) };
}

export const DEFAULT_HOURS: WorkingHours = parseWorkingHours(DEFAULT_WORKING_HOURS);
