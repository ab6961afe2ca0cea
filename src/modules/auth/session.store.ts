import type { Sql } from '../../platform/db/database';
import { toUser, type UserRecord } from './user.store';

/** Login sessions (tokens are stored only as hashes). Sign-in attempts are in login-attempt.store.ts. */
export function sessionStore(sql: Sql) {
  return {
    async create(s: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
      await sql.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        s.tokenHash, s.userId, s.createdAt, s.expiresAt,
      ]);
    },
    /** The active account behind a live session, in one round trip (it runs on every request). */
    async findActiveUser(tokenHash: string, now: string): Promise<UserRecord | null> {
      const [row] = await sql.query(
        `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active`,
        [tokenHash, now],
      );
      return row ? toUser(row) : null;
    },
    async revoke(tokenHash: string, now: string): Promise<void> {
      await sql.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash, now]);
    },
    async revokeAllOf(userId: string, now: string): Promise<void> {
      await sql.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, now]);
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
