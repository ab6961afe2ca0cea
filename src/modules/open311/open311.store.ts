import type { Sql } from '../../platform/db/database';
import { iso, isoOrNull, json, num } from '../../platform/db/rows';
import { AppError } from '../../platform/errors';
import type { Attribute, ServiceSettings } from './domain/service';
import type { Submission } from './domain/submission';

/** A client app's key record (the key itself is never stored). */
export interface ClientRecord {
  id: string;
  name: string;
  keyHash: string;
  keyPrefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

export type SubmissionStatus = 'queued' | 'registered' | 'failed';

export interface SubmissionRecord {
  id: string;
  token: string;
  clientId: string;
  bodyHash: string;
  windowStart: string;
  serviceCode: string;
  submission: Submission;
  status: SubmissionStatus;
  attempts: number;
  error: string | null;
  ticketId: string | null;
  ticketNumber: string | null;
  createdAt: string;
  registeredAt: string | null;
}

export type Mode = 'realtime' | 'batch';

type Row = Record<string, unknown>;

const toClient = (r: Row): ClientRecord => ({
  id: String(r.id),
  name: String(r.name),
  keyHash: String(r.key_hash),
  keyPrefix: String(r.key_prefix),
  createdAt: iso(r.created_at),
  createdBy: String(r.created_by),
  revokedAt: isoOrNull(r.revoked_at),
  revokedBy: (r.revoked_by as string | null) ?? null,
  lastUsedAt: isoOrNull(r.last_used_at),
});

const toSubmission = (r: Row): SubmissionRecord => ({
  id: String(r.id),
  token: String(r.token),
  clientId: String(r.client_id),
  bodyHash: String(r.body_hash),
  windowStart: iso(r.window_start),
  serviceCode: String(r.service_code),
  submission: json<Submission>(r.submission),
  status: r.status as SubmissionStatus,
  attempts: num(r.attempts),
  error: (r.error as string | null) ?? null,
  ticketId: (r.ticket_id as string | null) ?? null,
  ticketNumber: (r.ticket_number as string | null) ?? null,
  createdAt: iso(r.created_at),
  registeredAt: isoOrNull(r.registered_at),
});

const SUBMISSION_COLUMNS = 'id, token, client_id, body_hash, window_start, service_code, submission, status, attempts, error, ticket_id, ticket_number, created_at, registered_at';

// Expired rate windows deleted per counted request: more than one, so a backlog drains.
const PRUNE_BATCH = 100;

export function open311Store(sql: Sql) {
  return {
    // ---- client apps
    async insertClient(c: ClientRecord): Promise<void> {
      await sql.query(
        'INSERT INTO open311_clients (id, name, key_hash, key_prefix, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [c.id, c.name, c.keyHash, c.keyPrefix, c.createdAt, c.createdBy],
      );
    },
    async listClients(): Promise<ClientRecord[]> {
      return (await sql.query<Row>('SELECT * FROM open311_clients ORDER BY created_at DESC, id')).map(toClient);
    },
    async getClient(id: string): Promise<ClientRecord | null> {
      const [r] = await sql.query<Row>('SELECT * FROM open311_clients WHERE id = $1', [id]);
      return r ? toClient(r) : null;
    },
    async getClients(ids: readonly string[]): Promise<ClientRecord[]> {
      if (ids.length === 0) return [];
      return (await sql.query<Row>('SELECT * FROM open311_clients WHERE id = ANY($1::text[])', [ids])).map(toClient);
    },
    async clientByKeyHash(hash: string): Promise<ClientRecord | null> {
      const [r] = await sql.query<Row>('SELECT * FROM open311_clients WHERE key_hash = $1', [hash]);
      return r ? toClient(r) : null;
    },
    /** Revokes a key; false when it was revoked already. */
    async revokeClient(id: string, at: string, by: string): Promise<boolean> {
      const rows = await sql.query('UPDATE open311_clients SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, at, by]);
      return rows.length > 0;
    },
    /** Notes a use of the key, at most once a minute per client (the admin page shows it). */
    async touchClient(id: string, at: string): Promise<void> {
      const minuteAgo = new Date(new Date(at).getTime() - 60_000).toISOString();
      await sql.query('UPDATE open311_clients SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)', [id, at, minuteAgo]);
    },
    async submissionCounts(): Promise<Map<string, number>> {
      const rows = await sql.query<{ client_id: string; n: number }>("SELECT client_id, count(*)::int AS n FROM open311_submissions WHERE status = 'registered' GROUP BY client_id");
      return new Map(rows.map((r) => [r.client_id, num(r.n)]));
    },

    // ---- service definitions
    async serviceSettings(): Promise<Map<string, ServiceSettings>> {
      const services = await sql.query<Row>('SELECT * FROM open311_services');
      const attributes = await sql.query<Row>('SELECT * FROM open311_attributes ORDER BY category_code, position');
      const byCode = new Map<string, Attribute[]>();
      for (const a of attributes) {
        const list = byCode.get(String(a.category_code)) ?? [];
        list.push({
          code: String(a.code),
          variable: Boolean(a.variable),
          datatype: a.datatype as Attribute['datatype'],
          required: Boolean(a.required),
          datatypeDescription: (a.datatype_description as string | null) ?? null,
          order: num(a.position),
          description: String(a.description),
          values: json<Attribute['values']>(a.values),
        });
        byCode.set(String(a.category_code), list);
      }
      return new Map(
        services.map((s) => [
          String(s.category_code),
          {
            categoryCode: String(s.category_code),
            description: (s.description as string | null) ?? null,
            keywords: (s.keywords as string | null) ?? null,
            serviceNotice: (s.service_notice as string | null) ?? null,
            private: Boolean(s.private),
            attributes: byCode.get(String(s.category_code)) ?? [],
            version: num(s.version),
            updatedAt: iso(s.updated_at),
            updatedBy: String(s.updated_by),
          },
        ]),
      );
    },
    /** Stores a new version of a service's settings if it is still at `expectedVersion` (0: never edited). */
    async saveService(s: ServiceSettings, expectedVersion: number): Promise<void> {
      const saved =
        expectedVersion === 0
          ? await sql.query(
              `INSERT INTO open311_services (category_code, description, keywords, service_notice, private, version, updated_at, updated_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (category_code) DO NOTHING RETURNING category_code`,
              [s.categoryCode, s.description, s.keywords, s.serviceNotice, s.private, s.version, s.updatedAt, s.updatedBy],
            )
          : await sql.query(
              `UPDATE open311_services SET description = $2, keywords = $3, service_notice = $4, private = $5, version = $6, updated_at = $7, updated_by = $8
                WHERE category_code = $1 AND version = $9 RETURNING category_code`,
              [s.categoryCode, s.description, s.keywords, s.serviceNotice, s.private, s.version, s.updatedAt, s.updatedBy, expectedVersion],
            );
      if (saved.length === 0) {
        throw new AppError('OPEN311.VERSION_CONFLICT', 'This service definition was changed by someone else; reload it and try again', 'expectedVersion');
      }
      await sql.query('DELETE FROM open311_attributes WHERE category_code = $1', [s.categoryCode]);
      for (const a of s.attributes) {
        await sql.query(
          `INSERT INTO open311_attributes (category_code, code, variable, datatype, required, datatype_description, position, description, "values")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [s.categoryCode, a.code, a.variable, a.datatype, a.required, a.datatypeDescription, a.order, a.description, JSON.stringify(a.values)],
        );
      }
    },

    // ---- settings
    async mode(): Promise<{ mode: Mode; updatedAt: string | null; updatedBy: string | null }> {
      const [r] = await sql.query<Row>('SELECT mode, updated_at, updated_by FROM open311_settings WHERE id = 1');
      return r ? { mode: r.mode as Mode, updatedAt: iso(r.updated_at), updatedBy: String(r.updated_by) } : { mode: 'realtime', updatedAt: null, updatedBy: null };
    },
    async setMode(mode: Mode, at: string, by: string): Promise<void> {
      await sql.query(
        `INSERT INTO open311_settings (id, mode, updated_at, updated_by) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET mode = EXCLUDED.mode, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [mode, at, by],
      );
    },
    /** When the services' definitions or the mode last changed (the discovery document's changeset). */
    async lastChange(): Promise<string | null> {
      const [r] = await sql.query<{ at: unknown }>(
        'SELECT greatest((SELECT max(updated_at) FROM open311_services), (SELECT max(updated_at) FROM open311_settings)) AS at',
      );
      return r?.at ? iso(r.at) : null;
    },

    // ---- submissions
    /** Inserts a submission; null when the same client sent the same body in the same window (see the dedupe index). */
    async insertSubmission(s: SubmissionRecord): Promise<SubmissionRecord | null> {
      const rows = await sql.query<Row>(
        `INSERT INTO open311_submissions (id, token, client_id, body_hash, window_start, service_code, submission, status, attempts, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9) ON CONFLICT (client_id, body_hash, window_start) DO NOTHING RETURNING ${SUBMISSION_COLUMNS}`,
        [s.id, s.token, s.clientId, s.bodyHash, s.windowStart, s.serviceCode, JSON.stringify(s.submission), s.status, s.createdAt],
      );
      return rows[0] ? toSubmission(rows[0]) : null;
    },
    /** An earlier submission of this body by this client in one of these windows (the newest). */
    async findSubmission(clientId: string, bodyHash: string, windows: readonly string[]): Promise<SubmissionRecord | null> {
      const [r] = await sql.query<Row>(
        `SELECT ${SUBMISSION_COLUMNS} FROM open311_submissions WHERE client_id = $1 AND body_hash = $2 AND window_start = ANY($3::timestamptz[])
          ORDER BY window_start DESC LIMIT 1`,
        [clientId, bodyHash, windows],
      );
      return r ? toSubmission(r) : null;
    },
    async submissionByToken(token: string): Promise<SubmissionRecord | null> {
      const [r] = await sql.query<Row>(`SELECT ${SUBMISSION_COLUMNS} FROM open311_submissions WHERE token = $1`, [token]);
      return r ? toSubmission(r) : null;
    },
    async submissionsOfTickets(ticketIds: readonly string[]): Promise<SubmissionRecord[]> {
      if (ticketIds.length === 0) return [];
      return (await sql.query<Row>(`SELECT ${SUBMISSION_COLUMNS} FROM open311_submissions WHERE ticket_id = ANY($1::text[])`, [ticketIds])).map(toSubmission);
    },
    /** The oldest queued submissions (each run of the register job takes a batch). */
    async queued(limit: number): Promise<SubmissionRecord[]> {
      return (
        await sql.query<Row>(`SELECT ${SUBMISSION_COLUMNS} FROM open311_submissions WHERE status = 'queued' ORDER BY created_at, id LIMIT $1`, [limit])
      ).map(toSubmission);
    },
    async markRegistered(id: string, ticket: { id: string; number: string }, at: string): Promise<void> {
      await sql.query(
        "UPDATE open311_submissions SET status = 'registered', ticket_id = $2, ticket_number = $3, registered_at = $4, error = NULL WHERE id = $1",
        [id, ticket.id, ticket.number, at],
      );
    },
    async markFailed(id: string, error: string): Promise<void> {
      await sql.query("UPDATE open311_submissions SET status = 'failed', error = $2, attempts = attempts + 1 WHERE id = $1 AND status = 'queued'", [id, error]);
    },
    /** Counts a failed attempt that may succeed later; returns the attempts so far. */
    async noteAttempt(id: string, error: string): Promise<number> {
      const [r] = await sql.query<{ attempts: number }>('UPDATE open311_submissions SET attempts = attempts + 1, error = $2 WHERE id = $1 RETURNING attempts', [id, error]);
      return num(r?.attempts ?? 0);
    },

    // ---- rate limits
    /**
     * Counts one request of `subject` in the window starting at `windowStart` and returns the window's count, in
     * one statement that every node's requests serialise on (the row's upsert); deletes a batch of windows that
     * started before `pruneBefore` on the way.
     */
    async countRequest(subject: string, windowStart: string, pruneBefore: string): Promise<number> {
      const [r] = await sql.query<{ n: number }>(
        `WITH expired AS (
           DELETE FROM open311_rate_windows WHERE (subject, window_start) IN (
             SELECT subject, window_start FROM open311_rate_windows WHERE window_start < $3 LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED))
         INSERT INTO open311_rate_windows (subject, window_start, n) VALUES ($1, $2, 1)
         ON CONFLICT (subject, window_start) DO UPDATE SET n = open311_rate_windows.n + 1 RETURNING n`,
        [subject, windowStart, pruneBefore],
      );
      return num(r?.n ?? 0);
    },
  };
}
export type Open311Store = ReturnType<typeof open311Store>;
