import type { LimitUnit, WorkingTime } from './deadline-limit';
import { advanceIn, elapsedIn } from './deadline-limit';

export const WARNING_LEVELS = ['none', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Fractions of the allowed time used at which an order turns yellow and orange; red is always "overdue". */
export interface WarningThresholds {
  yellow: number;
  orange: number;
}

export const DEFAULT_THRESHOLDS: WarningThresholds = { yellow: 0.6, orange: 0.85 };

/** One running clock: counted from `start`, due at `dueAt`, in the kind of time of its limit. */
export interface Clock {
  start: Date;
  dueAt: Date;
  unit: LimitUnit;
}

/** The instants at which a clock reaches each colour. Red is strictly after `dueAt` (due "by" that instant). */
export interface WarningSchedule {
  yellowAt: Date;
  orangeAt: Date;
  redAt: Date;
}

export const severity = (level: WarningLevel): number => WARNING_LEVELS.indexOf(level);
export const worstOf = (a: WarningLevel, b: WarningLevel): WarningLevel => (severity(a) >= severity(b) ? a : b);

export function validateThresholds(t: WarningThresholds): string | null {
  if (!(t.yellow > 0 && t.yellow < t.orange && t.orange < 1)) return 'thresholds must satisfy 0 < yellow < orange < 1';
  return null;
}

/**
 * When a clock turns yellow / orange / red. Fractions are of the time allowed from `start` to the current
 * `dueAt` (so an approved extension lowers the fraction used), measured in the limit's kind of time: a
 * working-days limit only ages during office hours. Precomputing these instants lets storage find the orders
 * that changed colour with an indexed range query.
 */
export function warningSchedule(clock: Clock, thresholds: WarningThresholds, wt: WorkingTime): WarningSchedule {
  const allowed = Math.max(0, elapsedIn(clock.unit, clock.start, clock.dueAt, wt));
  // ceil: the first whole millisecond at which at least that fraction is used (guards float noise)
  const at = (fraction: number): Date => advanceIn(clock.unit, clock.start, Math.ceil(fraction * allowed - 1e-6), wt);
  return { yellowAt: at(thresholds.yellow), orangeAt: at(thresholds.orange), redAt: new Date(clock.dueAt.getTime() + 1) };
}

export function levelAt(schedule: WarningSchedule, now: Date): WarningLevel {
  const t = now.getTime();
  if (t >= schedule.redAt.getTime()) return 'red';
  if (t >= schedule.orangeAt.getTime()) return 'orange';
  if (t >= schedule.yellowAt.getTime()) return 'yellow';
  return 'none';
}

export function clockWarning(clock: Clock, now: Date, thresholds: WarningThresholds, wt: WorkingTime): WarningLevel {
  return levelAt(warningSchedule(clock, thresholds, wt), now);
}

/** Share of the allowed time used at `now` (1 = all used; above 1 when overdue), for display. */
export function fractionUsed(clock: Clock, now: Date, wt: WorkingTime): number {
  const allowed = elapsedIn(clock.unit, clock.start, clock.dueAt, wt);
  const used = elapsedIn(clock.unit, clock.start, now, wt);
  if (allowed <= 0) return now.getTime() > clock.dueAt.getTime() ? Infinity : 1;
  return used / allowed;
}
