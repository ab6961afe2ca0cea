import type { IntakeSettings, ModelVersionMeta } from './domain/intake';
import type { Sql } from '../../platform/db/database';
import { actorName, iso, isoOrNull, json } from '../../platform/db/rows';

/** Storage of the smart-intake feature: model versions, settings, automatic dispatch records, training rows. */

export type { IntakeSettings, ModelVersionMeta } from './domain/intake';

export interface TrainingRow {
  id: string;
  title: string;
  content: string;
  categoryCode: string | null;
  leadUnitId: string | null;
  leadUnitKind: string | null;
  closure: string | null;
  satisfaction: string | null;
  returnCount: number;
  redispatchCount: number;
}

/** A version without its weights (names of who trained it: app/names.ts). */
const MODEL_META = `SELECT m.id, m.version, m.created_at, m.created_by, m.source, m.trained_on, m.metrics, m.active, m.archived_at FROM intake_models m`;

const toMeta = (r: Record<string, unknown>): ModelVersionMeta => ({
  id: String(r.id),
  version: Number(r.version),
  createdAt: iso(r.created_at),
  createdBy: (r.created_by as string | null) ?? null,
  createdByName: actorName(r.created_by, null),
  source: r.source as ModelVersionMeta['source'],
  trainedOn: Number(r.trained_on),
  metrics: json<Record<string, unknown>>(r.metrics),
  active: Boolean(r.active),
  archivedAt: isoOrNull(r.archived_at),
});

export function intakeStore(sql: Sql) {
  return {
    async listModels(): Promise<ModelVersionMeta[]> {
      return (await sql.query(`${MODEL_META} ORDER BY m.version DESC`)).map(toMeta);
    },
    async activeVersion(): Promise<number | null> {
      const [row] = await sql.query('SELECT version FROM intake_models WHERE active');
      return row ? Number(row.version) : null;
    },
    /** The weights of a version, or null when there is no such version or it was archived. */
    async modelJson(version: number): Promise<string | null> {
      const [row] = await sql.query('SELECT model FROM intake_models WHERE version = $1', [version]);
      return row && row.model !== null && row.model !== undefined ? String(row.model) : null;
    },
    async latest(): Promise<ModelVersionMeta | null> {
      const [row] = await sql.query(`${MODEL_META} ORDER BY m.version DESC LIMIT 1`);
      return row ? toMeta(row) : null;
    },
    async model(version: number): Promise<ModelVersionMeta | null> {
      const [row] = await sql.query(`${MODEL_META} WHERE m.version = $1`, [version]);
      return row ? toMeta(row) : null;
    },
    /**
     * Stores a new version (numbered after the last) and makes it the active one. Versions older than the newest
     * `keep` (this one included) lose their weights: they stay listed, archived at `m.createdAt`.
     */
    async insertModel(m: Omit<ModelVersionMeta, 'version' | 'active' | 'createdByName' | 'archivedAt'>, modelJson: string, keep: number): Promise<ModelVersionMeta> {
      await sql.query('LOCK TABLE intake_models IN SHARE ROW EXCLUSIVE MODE');
      const [row] = await sql.query('SELECT coalesce(max(version), 0) + 1 AS next FROM intake_models');
      const version = Number(row?.next ?? 1);
      await sql.query('UPDATE intake_models SET active = false WHERE active');
      await sql.query(
        'INSERT INTO intake_models (id, version, created_at, created_by, source, trained_on, metrics, active, model) VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)',
        [m.id, version, m.createdAt, m.createdBy, m.source, m.trainedOn, JSON.stringify(m.metrics), modelJson],
      );
      // Version numbers have no gaps (the table is locked above and rows are never deleted).
      await sql.query('UPDATE intake_models SET model = NULL, archived_at = $1 WHERE archived_at IS NULL AND NOT active AND version <= $2', [
        m.createdAt,
        version - Math.max(1, keep),
      ]);
      const [stored] = await sql.query(`${MODEL_META} WHERE m.version = $1`, [version]);
      return toMeta(stored as Record<string, unknown>);
    },
    async activate(version: number): Promise<'activated' | 'not_found' | 'archived'> {
      const [row] = await sql.query('SELECT archived_at FROM intake_models WHERE version = $1 FOR UPDATE', [version]);
      if (!row) return 'not_found';
      if (row.archived_at !== null && row.archived_at !== undefined) return 'archived';
      await sql.query('UPDATE intake_models SET active = false WHERE active AND version <> $1', [version]);
      await sql.query('UPDATE intake_models SET active = true WHERE version = $1', [version]);
      return 'activated';
    },
    async settings(): Promise<IntakeSettings> {
      const [r] = await sql.query('SELECT * FROM intake_settings WHERE id = 1');
      return {
        autoDispatchEnabled: Boolean(r?.auto_dispatch_enabled),
        autoDispatchThreshold: Number(r?.auto_dispatch_threshold ?? 0.9),
        retrainIntervalHours: Number(r?.retrain_interval_hours ?? 168),
        updatedAt: isoOrNull(r?.updated_at),
        updatedBy: (r?.updated_by as string | null) ?? null,
        updatedByName: actorName(r?.updated_by, null),
      };
    },
    async saveSettings(s: Omit<IntakeSettings, 'updatedByName'>): Promise<void> {
      await sql.query(
        'UPDATE intake_settings SET auto_dispatch_enabled = $1, auto_dispatch_threshold = $2, retrain_interval_hours = $3, updated_at = $4, updated_by = $5 WHERE id = 1',
        [s.autoDispatchEnabled, s.autoDispatchThreshold, s.retrainIntervalHours, s.updatedAt, s.updatedBy],
      );
    },
    /**
     * Claims model training (scheduled retrain, first-start demo model, an admin's "train now") for `token` until
     * `until`, if no claim holds at `at` (none, released, or expired). A compare-and-set on one row: of two nodes claiming at once, PostgreSQL lets the second UPDATE
     * wait for the first and then re-checks its condition on the row the first wrote, so exactly one wins.
     */
    async claimRetrain(token: string, at: string, until: string): Promise<boolean> {
      const rows = await sql.query(
        `UPDATE intake_retrain_claim SET token = $1, started_at = $2, expires_at = $3
          WHERE id = 1 AND (expires_at IS NULL OR expires_at <= $2) RETURNING id`,
        [token, at, until],
      );
      return rows.length === 1;
    },
    /**
     * Inside the transaction that stores the version: whether `token` still holds the claim (nobody took it over
     * after it expired). Locks the row, so no node can take it over before this transaction ends.
     */
    async holdsRetrainClaim(token: string): Promise<boolean> {
      const rows = await sql.query('SELECT id FROM intake_retrain_claim WHERE id = 1 AND token = $1 FOR UPDATE', [token]);
      return rows.length === 1;
    },
    /** Ends the claim of `token` (nothing happens when another node has taken it over). */
    async releaseRetrain(token: string): Promise<void> {
      await sql.query('UPDATE intake_retrain_claim SET token = NULL, expires_at = NULL WHERE id = 1 AND token = $1', [token]);
    },
    async recordAutoDispatch(d: { ticketId: string; unitId: string; score: number; threshold: number; modelVersion: number; at: string }): Promise<void> {
      await sql.query(
        'INSERT INTO auto_dispatches (ticket_id, unit_id, score, threshold, model_version, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ticket_id) DO NOTHING',
        [d.ticketId, d.unitId, d.score, d.threshold, d.modelVersion, d.at],
      );
    },
    /** A return by the unit the system chose marks that automatic dispatch as wrong. */
    async markReturned(ticketId: string, unitId: string | null, at: string): Promise<void> {
      await sql.query('UPDATE auto_dispatches SET returned_at = $3 WHERE ticket_id = $1 AND unit_id = $2 AND returned_at IS NULL', [ticketId, unitId, at]);
    },
    async autoDispatchStats(sinceIso: string | null): Promise<Array<{ modelVersion: number; total: number; returned: number; meanScore: number }>> {
      const rows = await sql.query(
        `SELECT model_version, count(*) AS total, count(returned_at) AS returned, avg(score) AS mean_score
           FROM auto_dispatches WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz)
          GROUP BY model_version ORDER BY model_version DESC`,
        [sinceIso],
      );
      return rows.map((r) => ({ modelVersion: Number(r.model_version), total: Number(r.total), returned: Number(r.returned), meanScore: Number(r.mean_score) }));
    },
  };
}
export type IntakeStore = ReturnType<typeof intakeStore>;
