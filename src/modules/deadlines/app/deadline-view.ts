import type { Sql } from '../../../platform/db/database';
import type { DeadlineRow } from '../deadlines.store';
import { deadlinesStore } from '../deadlines.store';
import type { WarningLevel } from '../domain/warning';
import { levelAt } from '../domain/warning';

/** What every order shows about its deadlines. `warning` is computed at read time, so it is always current. */
export interface DeadlineView {
  deadlines: {
    signBy: string;
    replyBy: string;
    originalReplyBy: string;
    policyVersion: number;
    countFrom: string;
    signedAt: string | null;
    /** The deadline running now (sign while unsigned, else reply); null when no unit clock runs. */
    dueAt: string | null;
  } | null;
  warning: WarningLevel;
}

export function deadlineViewOf(row: DeadlineRow | null | undefined, now: Date): DeadlineView {
  if (!row || !row.deadlines) return { deadlines: null, warning: 'none' };
  const d = row.deadlines;
  return {
    deadlines: {
      signBy: d.signBy,
      replyBy: d.replyBy,
      originalReplyBy: d.originalReplyBy,
      policyVersion: d.policyVersion,
      countFrom: d.countFrom,
      signedAt: d.signedAt,
      dueAt: row.dueAt,
    },
    warning: row.schedule ? levelAt(row.schedule, now) : 'none',
  };
}

/**
 * Adds `deadlines` and `warning` to each order in a list (one query for the whole page, none for a page of
 * orders never changed since registration: deadline rows start with the first change, a dispatch).
 */
export async function withDeadlines<T extends { id: string; version?: number }>(sql: Sql, items: T[], now: Date): Promise<(T & DeadlineView)[]> {
  const changed = items.filter((t) => t.version !== 1).map((t) => t.id);
  const rows = changed.length > 0 ? await deadlinesStore(sql).getMany(changed) : [];
  const byId = new Map(rows.map((r) => [r.ticketId, r]));
  return items.map((t) => ({ ...t, ...deadlineViewOf(byId.get(t.id), now) }));
}
