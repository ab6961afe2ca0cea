import { storedCalendarOverrides, type CalendarOverrides } from './domain/calendar-overrides';
import type { Deadlines } from './domain/deadlines';
import type { DeadlineSettings } from './domain/settings';
import type { EmergencyMode } from './domain/emergency-mode';
import type { DeadlineRule } from './domain/deadline-policy';
import type { SupervisionPolicy } from './domain/supervision';
import type { WarningLevel, WarningSchedule, WarningThresholds } from './domain/warning';
import type { WorkingHoursConfig } from './domain/working-hours';
import type { Sql } from '../../platform/db/database';
import { iso, isoOrNull, json, num } from '../../platform/db/rows';

/** The sweep's and the queues' view of one order. */
export interface DeadlineRow {
  ticketId: string;
  unitId: string | null;
  status: string;
  priority: number;
  urgencyRank: number;
  rounds: number;
  deadlines: Deadlines | null;
  dueAt: string | null;
  schedule: WarningSchedule | null;
  level: WarningLevel;
  nextCheckAt: string | null;
  lastSupervisedAt: string | null;
  supervisionCount: number;
}

type Row = Record<string, unknown>;

export interface SweepUpdate {
  ticketId: string;
  level: WarningLevel;
  nextCheckAt: Date | null;
  lastSupervisedAt: Date | null;
  supervisionCount: number;
}

export interface NotificationDraft {
  id: string;
  ticketId: string;
  unitId: string;
  kind: 'supervised' | 'escalated';
  round: number;
  message: string;
  at: string;
}

const toSettings = (r: Row): DeadlineSettings => ({
  version: num(r.version),
  rules: json<DeadlineRule[]>(r.rules),
  thresholds: json<WarningThresholds>(r.thresholds),
  workingHours: json<WorkingHoursConfig>(r.working_hours),
  calendarOverrides: storedCalendarOverrides(json<Partial<CalendarOverrides>>(r.calendar_overrides)),
  supervision: json<SupervisionPolicy>(r.supervision),
  note: (r.note as string | null) ?? null,
  createdAt: isoOrNull(r.created_at),
  createdBy: (r.created_by as string | null) ?? null,
});

export const toDeadlineRow = (r: Row): DeadlineRow => ({
  ticketId: String(r.ticket_id),
  unitId: (r.unit_id as string | null) ?? null,
  status: String(r.status),
  priority: num(r.priority),
  urgencyRank: num(r.urgency_rank),
  rounds: num(r.rounds),
  deadlines: r.deadlines ? json<Deadlines>(r.deadlines) : null,
  dueAt: isoOrNull(r.due_at),
  schedule:
    r.yellow_at && r.orange_at && r.red_at
      ? { yellowAt: new Date(iso(r.yellow_at)), orangeAt: new Date(iso(r.orange_at)), redAt: new Date(iso(r.red_at)) }
      : null,
  level: r.level as WarningLevel,
  nextCheckAt: isoOrNull(r.next_check_at),
  lastSupervisedAt: isoOrNull(r.last_supervised_at),
  supervisionCount: num(r.supervision_count),
});

type StoredEmergencyMode = EmergencyMode & { changedAt: string | null; changedBy: string | null };

const toEmergencyMode = (row: Row | undefined): StoredEmergencyMode =>
  row
    ? { active: Boolean(row.active), tag: (row.tag as string | null) ?? null, changedAt: iso(row.changed_at), changedBy: (row.changed_by as string | null) ?? null }
    : { active: false, tag: null, changedAt: null, changedBy: null };

const ts = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function deadlinesStore(sql: Sql) {
  return {
    async currentSettings(): Promise<DeadlineSettings | null> {
      const [row] = await sql.query<Row>('SELECT * FROM sla_settings ORDER BY version DESC LIMIT 1');
      return row ? toSettings(row) : null;
    },

    /** Versions, newest first (at most `limit`). */
    async settingsVersions(limit?: number): Promise<DeadlineSettings[]> {
      const rows = await sql.query<Row>(`SELECT * FROM sla_settings ORDER BY version DESC${limit ? ' LIMIT $1' : ''}`, limit ? [limit] : []);
      return rows.map(toSettings);
    },

    /** Inserts the next version; the primary key makes two concurrent edits fail rather than interleave. */
    async insertSettings(s: DeadlineSettings): Promise<void> {
      await sql.query(
        `INSERT INTO sla_settings (version, rules, thresholds, working_hours, calendar_overrides, supervision, note, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          s.version,
          JSON.stringify(s.rules),
          JSON.stringify(s.thresholds),
          JSON.stringify(s.workingHours),
          JSON.stringify(s.calendarOverrides),
          JSON.stringify(s.supervision),
          s.note,
          s.createdAt,
          s.createdBy,
        ],
      );
    },

    /** The mode as the deadline rules read it, on every sweep, order change and order list: no join. */
    async emergencyMode(): Promise<StoredEmergencyMode> {
      const [row] = await sql.query<Row>('SELECT * FROM emergency_mode WHERE id = 1');
      return toEmergencyMode(row);
    },

    async setEmergencyMode(mode: EmergencyMode, at: string, by: string): Promise<void> {
      await sql.query(
        `INSERT INTO emergency_mode (id, active, tag, changed_at, changed_by) VALUES (1, $1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET active = EXCLUDED.active, tag = EXCLUDED.tag, changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by`,
        [mode.active, mode.tag, at, by],
      );
    },

    /** Queue priority follows the emergency tag: the orders `tagged` come first, all others not. */
    async reprioritise(tagged: readonly string[]): Promise<number> {
      const rows = await sql.query(
        `UPDATE ticket_deadlines SET priority = CASE WHEN ticket_id = ANY($1::text[]) THEN 1 ELSE 0 END
          WHERE priority <> CASE WHEN ticket_id = ANY($1::text[]) THEN 1 ELSE 0 END
         RETURNING ticket_id`,
        [tagged],
      );
      return rows.length;
    },

    /** `forUpdate`: wait for a sweep holding the row, then read what it wrote (the change hook rewrites the row). */
    async get(ticketId: string, opts: { forUpdate?: boolean } = {}): Promise<DeadlineRow | null> {
      const [row] = await sql.query<Row>(`SELECT * FROM ticket_deadlines WHERE ticket_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [ticketId]);
      return row ? toDeadlineRow(row) : null;
    },

    async getMany(ticketIds: readonly string[]): Promise<DeadlineRow[]> {
      if (ticketIds.length === 0) return [];
      return (await sql.query<Row>('SELECT * FROM ticket_deadlines WHERE ticket_id = ANY($1::text[])', [ticketIds])).map(toDeadlineRow);
    },

    async upsert(r: {
      ticketId: string;
      unitId: string | null;
      status: string;
      priority: number;
      urgencyRank: number;
      rounds: number;
      deadlines: Deadlines | null;
      dueAt: Date | null;
      schedule: WarningSchedule | null;
      level: WarningLevel;
      nextCheckAt: Date | null;
      lastSupervisedAt: string | null;
      supervisionCount: number;
      at: string;
    }): Promise<void> {
      await sql.query(
        `INSERT INTO ticket_deadlines (ticket_id, unit_id, status, priority, urgency_rank, rounds, deadlines, sign_by, reply_by,
           original_reply_by, policy_version, due_at, yellow_at, orange_at, red_at, level, next_check_at, last_supervised_at,
           supervision_count, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         ON CONFLICT (ticket_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, status = EXCLUDED.status, priority = EXCLUDED.priority,
           urgency_rank = EXCLUDED.urgency_rank, rounds = EXCLUDED.rounds, deadlines = EXCLUDED.deadlines, sign_by = EXCLUDED.sign_by,
           reply_by = EXCLUDED.reply_by, original_reply_by = EXCLUDED.original_reply_by, policy_version = EXCLUDED.policy_version,
           due_at = EXCLUDED.due_at, yellow_at = EXCLUDED.yellow_at, orange_at = EXCLUDED.orange_at, red_at = EXCLUDED.red_at,
           level = EXCLUDED.level, next_check_at = EXCLUDED.next_check_at, last_supervised_at = EXCLUDED.last_supervised_at,
           supervision_count = EXCLUDED.supervision_count, updated_at = EXCLUDED.updated_at`,
        [
          r.ticketId,
          r.unitId,
          r.status,
          r.priority,
          r.urgencyRank,
          r.rounds,
          r.deadlines ? JSON.stringify(r.deadlines) : null,
          r.deadlines?.signBy ?? null,
          r.deadlines?.replyBy ?? null,
          r.deadlines?.originalReplyBy ?? null,
          r.deadlines?.policyVersion ?? null,
          ts(r.dueAt),
          ts(r.schedule?.yellowAt),
          ts(r.schedule?.orangeAt),
          ts(r.schedule?.redAt),
          r.level,
          ts(r.nextCheckAt),
          r.lastSupervisedAt,
          r.supervisionCount,
          r.at,
        ],
      );
    },

    /**
     * Claims up to `limit` orders whose next colour change (or escalation) is due, locking their deadline rows.
     * SKIP LOCKED: rows another sweep (or a user's action) holds are left to it, so concurrent sweeps never do
     * the same order twice and never wait on each other.
     */
    async claimDue(now: string, limit: number): Promise<DeadlineRow[]> {
      const rows = await sql.query<Row>(
        `SELECT * FROM ticket_deadlines WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, limit],
      );
      return rows.map(toDeadlineRow);
    },

    /** Stores the sweep's outcome for a whole batch in one statement. */
    async recordSweeps(
      updates: readonly SweepUpdate[],
      at: string,
    ): Promise<void> {
      if (updates.length === 0) return;
      await sql.query(
        `UPDATE ticket_deadlines d SET level = u.level, next_check_at = u.next_check_at, last_supervised_at = u.last_supervised_at,
                supervision_count = u.supervision_count, updated_at = $6
           FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::int[])
             AS u(ticket_id, level, next_check_at, last_supervised_at, supervision_count)
          WHERE d.ticket_id = u.ticket_id`,
        [
          updates.map((u) => u.ticketId),
          updates.map((u) => u.level),
          updates.map((u) => ts(u.nextCheckAt)),
          updates.map((u) => ts(u.lastSupervisedAt)),
          updates.map((u) => u.supervisionCount),
          at,
        ],
      );
    },

    async insertNotifications(
      ns: readonly NotificationDraft[],
    ): Promise<void> {
      if (ns.length === 0) return;
      await sql.query(
        `INSERT INTO notifications (id, ticket_id, unit_id, kind, round, message, created_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::timestamptz[])`,
        [ns.map((n) => n.id), ns.map((n) => n.ticketId), ns.map((n) => n.unitId), ns.map((n) => n.kind), ns.map((n) => n.round), ns.map((n) => n.message), ns.map((n) => n.at)],
      );
    },

    async notifications(filter: { unitId?: string; ticketId?: string; limit: number }) {
      const params: unknown[] = [];
      const where: string[] = [];
      if (filter.unitId) where.push(`unit_id = $${params.push(filter.unitId)}`);
      if (filter.ticketId) where.push(`ticket_id = $${params.push(filter.ticketId)}`);
      const rows = await sql.query<Row>(
        `SELECT * FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id LIMIT ${Math.max(1, Math.min(500, filter.limit))}`,
        params,
      );
      return rows.map((r) => ({
        id: String(r.id),
        ticketId: String(r.ticket_id),
        unitId: String(r.unit_id),
        kind: r.kind as 'supervised' | 'escalated',
        round: num(r.round),
        message: String(r.message),
        createdAt: iso(r.created_at),
        deliveredAt: isoOrNull(r.delivered_at),
      }));
    },

    /** The most urgent open orders (of one unit, or all): emergency-tagged first, then the nearest deadline. */
    async urgentQueue(unitId: string | null, limit: number): Promise<DeadlineRow[]> {
      const rows = unitId
        ? await sql.query<Row>('SELECT * FROM ticket_deadlines WHERE unit_id = $1 AND due_at IS NOT NULL ORDER BY priority DESC, due_at LIMIT $2', [unitId, limit])
        : await sql.query<Row>('SELECT * FROM ticket_deadlines WHERE due_at IS NOT NULL ORDER BY priority DESC, due_at LIMIT $1', [limit]);
      return rows.map(toDeadlineRow);
    },

    /** Counts by colour at `now` and by unit (always current: computed from the stored instants, not `level`). */
    async board(now: string, unitIds: readonly string[] | null) {
      const params: unknown[] = [now];
      const scope = unitIds ? `AND unit_id = ANY($${params.push(unitIds)}::text[])` : '';
      const colour = `CASE WHEN red_at <= $1 THEN 'red' WHEN orange_at <= $1 THEN 'orange' WHEN yellow_at <= $1 THEN 'yellow' ELSE 'none' END`;
      const rows = await sql.query<Row>(
        `SELECT unit_id, ${colour} AS colour, count(*)::int AS n FROM ticket_deadlines
          WHERE due_at IS NOT NULL ${scope} GROUP BY unit_id, colour`,
        params,
      );
      return rows.map((r) => ({ unitId: (r.unit_id as string | null) ?? null, colour: r.colour as WarningLevel, n: num(r.n) }));
    },

    /** Red orders, the longest overdue first. */
    async reddest(now: string, unitIds: readonly string[] | null, limit: number): Promise<DeadlineRow[]> {
      const params: unknown[] = [now, limit];
      const scope = unitIds ? `AND unit_id = ANY($${params.push(unitIds)}::text[])` : '';
      const rows = await sql.query<Row>(
        `SELECT * FROM ticket_deadlines WHERE due_at IS NOT NULL AND red_at <= $1 ${scope} ORDER BY due_at LIMIT $2`,
        params,
      );
      return rows.map(toDeadlineRow);
    },
  };
}
export type DeadlinesStore = ReturnType<typeof deadlinesStore>;
