import type { Status } from '../../../platform/events/order';
import type { DeadlineLimit, WorkingTime } from './deadline-limit';
import { applyLimit, isWorkingTimeUnit } from './deadline-limit';
import type { DeadlineRule } from './deadline-policy';
import type { Clock, WarningLevel, WarningSchedule, WarningThresholds } from './warning';
import { levelAt, warningSchedule, worstOf } from './warning';
import { addCalendarHours, addWorkingHours } from './deadline-arithmetic';

/**
 * The deadlines of an order while a unit holds it. Instants are ISO-8601 UTC strings, like the ticket.
 * - `countFrom`: where both limits count from: `receivedAt` for the first dispatch (the citizen has been
 *   waiting since then), the re-dispatch instant after a return or an unsatisfied callback (fresh limits).
 * - `replyBy` includes approved extensions; `originalReplyBy` is what the policy gave.
 */
export interface Deadlines {
  countFrom: string;
  signLimit: DeadlineLimit;
  replyLimit: DeadlineLimit;
  signBy: string;
  replyBy: string;
  originalReplyBy: string;
  signedAt: string | null;
  extendedHours: number;
  policyVersion: number;
}

/** Starts both clocks for the unit the order is dispatched to. */
export function deadlinesOnDispatch(input: {
  receivedAt: string;
  at: Date;
  /** false after a return to the centre or an unsatisfied callback: limits restart at `at`. */
  firstDispatch: boolean;
  rule: DeadlineRule;
  policyVersion: number;
  wt: WorkingTime;
}): Deadlines {
  const countFrom = input.firstDispatch ? new Date(input.receivedAt) : input.at;
  const replyBy = applyLimit(countFrom, input.rule.reply, input.wt).toISOString();
  return {
    countFrom: countFrom.toISOString(),
    signLimit: input.rule.sign,
    replyLimit: input.rule.reply,
    signBy: applyLimit(countFrom, input.rule.sign, input.wt).toISOString(),
    replyBy,
    originalReplyBy: replyBy,
    signedAt: null,
    extendedHours: 0,
    policyVersion: input.policyVersion,
  };
}

/** The unit signed: the sign clock stops (met when `signedAt` ≤ `signBy`). */
export function deadlinesOnSign(d: Deadlines, at: Date): Deadlines {
  return { ...d, signedAt: at.toISOString() };
}

export const signedLate = (d: Deadlines): boolean => d.signedAt !== null && d.signedAt > d.signBy;

/**
 * An approved extension moves `replyBy` by `hours` in the reply limit's kind of time: working hours for a
 * working-time limit (so 8 h asked on Friday afternoon does not expire over the weekend), calendar hours otherwise.
 */
export function deadlinesOnExtension(d: Deadlines, hours: number, wt: WorkingTime): Deadlines {
  const from = new Date(d.replyBy);
  const replyBy = isWorkingTimeUnit(d.replyLimit.unit)
    ? addWorkingHours(from, hours, wt.calendar, wt.hours)
    : addCalendarHours(from, hours);
  return { ...d, replyBy: replyBy.toISOString(), extendedHours: d.extendedHours + hours };
}

/** Returned to the centre: no unit holds it, so no unit deadline runs until the next dispatch. */
export function deadlinesOnReturn(_d: Deadlines | null): null {
  return null;
}

/**
 * Which clocks run in which status:
 * - `dispatched`: the sign clock (until signed) and the reply clock: an order left unsigned still ages
 *   towards its reply deadline, counted from the same start;
 * - `in_progress`: the reply clock;
 * - `registered` (the centre holds it), `replied`, `awaiting_callback` (the centre reviews / calls back),
 *   `closed`: none.
 */
export function activeClocks(status: Status, d: Deadlines | null): Clock[] {
  if (!d) return [];
  const start = new Date(d.countFrom);
  const reply: Clock = { start, dueAt: new Date(d.replyBy), unit: d.replyLimit.unit };
  switch (status) {
    case 'dispatched':
      return d.signedAt === null ? [{ start, dueAt: new Date(d.signBy), unit: d.signLimit.unit }, reply] : [reply];
    case 'in_progress':
      return [reply];
    case 'registered':
    case 'replied':
    case 'awaiting_callback':
    case 'closed':
      return [];
    default: {
      const never: never = status;
      throw new RangeError(`unknown status ${String(never)}`);
    }
  }
}

/**
 * When the order turns each colour, over all its running clocks (the earliest clock to reach a colour decides),
 * or null when no clock runs. Stored per open order and recomputed on every deadline or status change.
 */
export function orderWarningSchedule(
  status: Status,
  d: Deadlines | null,
  thresholds: WarningThresholds,
  wt: WorkingTime,
): WarningSchedule | null {
  const schedules = activeClocks(status, d).map((c) => warningSchedule(c, thresholds, wt));
  if (schedules.length === 0) return null;
  const earliest = (pick: (s: WarningSchedule) => Date): Date => new Date(Math.min(...schedules.map((s) => pick(s).getTime())));
  return { yellowAt: earliest((s) => s.yellowAt), orangeAt: earliest((s) => s.orangeAt), redAt: earliest((s) => s.redAt) };
}

export function orderWarning(
  status: Status,
  d: Deadlines | null,
  now: Date,
  thresholds: WarningThresholds,
  wt: WorkingTime,
): WarningLevel {
  return activeClocks(status, d)
    .map((c) => levelAt(warningSchedule(c, thresholds, wt), now))
    .reduce<WarningLevel>(worstOf, 'none');
}

/** The deadline that matters now (for "due within N hours" and sorting): the earliest running clock's. */
export function currentDueAt(status: Status, d: Deadlines | null): Date | null {
  const clocks = activeClocks(status, d);
  if (clocks.length === 0) return null;
  return new Date(Math.min(...clocks.map((c) => c.dueAt.getTime())));
}
