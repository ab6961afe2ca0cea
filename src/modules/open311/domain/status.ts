import type { Closure, Status } from '../../../platform/events/order';

/** GeoReport v2 knows two statuses: `open` (it has been reported) and `closed` (it has been resolved). */
export const PUBLIC_STATUSES = ['open', 'closed'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/**
 * Our statuses mapped to theirs. Only a closed order (办结, after the callback) is `closed`: an order whose reply
 * was approved still waits for the citizen's verdict, and an unsatisfied callback sends it back to a unit.
 */
export const STATUS_MAP: Record<Status, PublicStatus> = {
  registered: 'open',
  dispatched: 'open',
  in_progress: 'open',
  replied: 'open',
  awaiting_callback: 'open',
  closed: 'closed',
};

/** Our statuses behind each public one (for the `status` filter). */
export const statusesOf = (publicStatus: PublicStatus): Status[] =>
  (Object.keys(STATUS_MAP) as Status[]).filter((s) => STATUS_MAP[s] === publicStatus);

/** Orders never listed: closed as invalid (spam, test calls, abuse). */
export const UNLISTED_CLOSURES: readonly Closure[] = ['invalid'];
