import { parseW3c } from './datetime';
import { PUBLIC_STATUSES, type PublicStatus } from './status';

/** GET requests: "a span of 90 days or first 1000 requests returned, whichever is smallest". */
export const DEFAULT_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;

export interface RequestsQuery {
  /** service_request_id: overrides every other argument. */
  numbers: string[] | null;
  serviceCodes: string[] | null;
  statuses: PublicStatus[] | null;
  /** requested_datetime ≥ from and ≤ to (instants, ISO). */
  from: string;
  to: string;
}

const list = (v: string | undefined): string[] | null => {
  const items = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? [...new Set(items)] : null;
};

/**
 * Reads GET requests' arguments. Without dates the range is the last 90 days; with one date it runs 90 days from
 * (or to) it; with both it may not span more than 90 days. Problems are all reported (400 each).
 */
export function readRequestsQuery(
  q: Readonly<Record<string, string | undefined>>,
  now: Date,
): { query: RequestsQuery; problems: [] } | { query: null; problems: string[] } {
  const problems: string[] = [];
  const numbers = list(q.service_request_id);
  if (numbers && numbers.length > MAX_REQUESTS) problems.push(`service_request_id names more than ${MAX_REQUESTS} requests`);
  const statusList = list(q.status?.toLowerCase());
  const badStatus = statusList?.filter((s) => !(PUBLIC_STATUSES as readonly string[]).includes(s)) ?? [];
  if (badStatus.length) problems.push(`status must be open or closed (comma separated), got ${badStatus.join(', ')}`);
  const date = (name: 'start_date' | 'end_date'): Date | null => {
    const raw = q[name]?.trim();
    if (!raw) return null;
    const d = parseW3c(raw);
    if (!d) problems.push(`${name} must be a W3C date-time such as 2025-09-01T00:00:00+08:00, got "${raw.slice(0, 40)}"`);
    return d;
  };
  const start = date('start_date');
  const end = date('end_date');
  if (problems.length) return { query: null, problems };
  const span = DEFAULT_SPAN_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (from.getTime() > to.getTime()) problems.push('start_date is after end_date');
  else if (to.getTime() - from.getTime() > span) problems.push(`start_date to end_date may not span more than ${DEFAULT_SPAN_DAYS} days`);
  if (problems.length) return { query: null, problems };
  return {
    query: {
      numbers,
      serviceCodes: list(q.service_code),
      statuses: statusList as PublicStatus[] | null,
      from: from.toISOString(),
      to: to.toISOString(),
    },
    problems: [],
  };
}
