import type { WarningLevel, WarningSchedule } from './warning';
import { levelAt, severity } from './warning';

/**
 * Automatic supervision (自动督办): what the sweep does to one watched order at `now`.
 * - The stored `level` is the colour the platform has already acted on; the schedule says what the colour is now.
 * - An order that turns red is supervised once (a `supervised` event, the unit and its parent notified).
 * - If it stays red, it is escalated again every `escalateAfterMinutes`, up to `maxEscalations` times, each
 *   time one level higher in the organisation tree.
 * - `nextCheckAt` is when the colour can next change (or the next escalation is due): storage indexes it, so
 *   a sweep only touches orders whose `nextCheckAt` has passed.
 */
export interface SupervisionPolicy {
  escalateAfterMinutes: number;
  maxEscalations: number;
}

export const DEFAULT_SUPERVISION: SupervisionPolicy = { escalateAfterMinutes: 240, maxEscalations: 3 };

export interface WatchedOrder {
  level: WarningLevel;
  schedule: WarningSchedule | null;
  /** When it was last supervised (the first red or the latest escalation); null while it has not been. */
  lastSupervisedAt: Date | null;
  /** In the current red period: 0 before the first supervision, 1 after it, 2 after the first escalation, ... */
  supervisionCount: number;
}

export type SweepAction = 'none' | 'supervise' | 'escalate';

export interface SweepOutcome {
  level: WarningLevel;
  changed: boolean;
  action: SweepAction;
  lastSupervisedAt: Date | null;
  supervisionCount: number;
  nextCheckAt: Date | null;
}

export function sweepOrder(order: WatchedOrder, now: Date, policy: SupervisionPolicy): SweepOutcome {
  const level = order.schedule ? levelAt(order.schedule, now) : 'none';
  const changed = level !== order.level;
  let action: SweepAction = 'none';
  let { lastSupervisedAt, supervisionCount } = order;
  if (level === 'red' && (order.level !== 'red' || !lastSupervisedAt)) {
    // turned red now (or again, after an extension had taken it out of red): a new round of supervision
    action = 'supervise';
    supervisionCount = 1;
    lastSupervisedAt = now;
  } else if (level === 'red' && lastSupervisedAt && supervisionCount <= policy.maxEscalations) {
    if (now.getTime() >= lastSupervisedAt.getTime() + policy.escalateAfterMinutes * 60_000) {
      action = 'escalate';
      supervisionCount += 1;
      lastSupervisedAt = now;
    }
  }
  return {
    level,
    changed,
    action,
    lastSupervisedAt,
    supervisionCount,
    nextCheckAt: nextCheckAt(level, order.schedule, lastSupervisedAt, supervisionCount, policy),
  };
}

/**
 * When the stored colour is `level`, the next instant at which the sweep has something to do. After a deadline
 * change the stored colour may be below the current one: then this is in the past and the next sweep acts.
 */
export function nextCheckAt(
  level: WarningLevel,
  schedule: WarningSchedule | null,
  lastSupervisedAt: Date | null,
  supervisionCount: number,
  policy: SupervisionPolicy,
): Date | null {
  if (!schedule) return null;
  switch (level) {
    case 'none':
      return schedule.yellowAt;
    case 'yellow':
      return schedule.orangeAt;
    case 'orange':
      return schedule.redAt;
    case 'red':
      if (!lastSupervisedAt) return schedule.redAt;
      if (supervisionCount > policy.maxEscalations) return null;
      return new Date(lastSupervisedAt.getTime() + policy.escalateAfterMinutes * 60_000);
    default: {
      const never: never = level;
      throw new RangeError(`unknown level ${String(never)}`);
    }
  }
}

/**
 * After a deadline or status change: keep the colour already acted on unless the order got better (an extension
 * can take it from red back to yellow); a worse colour is left for the sweep, which then supervises it.
 */
export function levelAfterChange(stored: WarningLevel, schedule: WarningSchedule | null, now: Date): WarningLevel {
  const current = schedule ? levelAt(schedule, now) : 'none';
  return severity(current) < severity(stored) ? current : stored;
}
