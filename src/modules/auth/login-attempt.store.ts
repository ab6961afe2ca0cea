import type { Sql } from '../../platform/db/database';
import { pruneExpiredCte } from '../../platform/db/prune-expired';
import { num } from '../../platform/db/rows';

/**
 * Sign-in attempts per account and per client address, kept where every node sees them. An attempt is registered
 * before its password is checked and counts as a failure until it proves otherwise: it is forgotten when it is
 * refused (or not checked at all), marked successful when the password is right, and stays a failure otherwise.
 * So guesses sent at once, to one node or to many, count against each other. Run `begin` and `forget` on the
 * database itself, never inside a transaction (the count must see other nodes' registrations).
 */
export interface LoginAttemptStore {
  /**
   * Registers an attempt at `at`, deletes registrations before `since` (the window's start, any account or
   * address; in batches), and counts the failures since `since` (registrations still being checked included, this
   * one too) for the account and for the address.
   */
  begin(a: { username: string; ip: string; at: string; since: string }): Promise<{ id: string; failuresByUser: number; failuresByIp: number }>;
  /** The password was right: the attempt is no failure (run it in the transaction that opens the session). */
  succeeded(id: string): Promise<void>;
  /** Forgets an attempt that was refused or never checked: it is no failure. */
  forget(id: string): Promise<void>;
}

/** Sign-in attempts per account and per client address (table login_attempts), shared by every node. */
export function loginAttemptStore(sql: Sql): LoginAttemptStore {
  return {
    async begin(a) {
      const [row] = await sql.query<{ id: string }>(
        `WITH ${pruneExpiredCte('login_attempts', '$4')}
         INSERT INTO login_attempts (username, ip, at, success) VALUES ($1, $2, $3, false) RETURNING id::text AS id`,
        [a.username, a.ip, a.at, a.since],
      );
      // A separate statement on purpose: its snapshot is taken after the insert above committed, so of two
      // concurrent attempts the later one to count always counts the earlier one.
      const [count] = await sql.query<{ by_user: number | string; by_ip: number | string }>(
        `SELECT count(*) FILTER (WHERE username = $1)::int AS by_user, count(*) FILTER (WHERE ip = $2)::int AS by_ip
         FROM login_attempts WHERE at >= $3 AND NOT success AND (username = $1 OR ip = $2)`,
        [a.username, a.ip, a.since],
      );
      return { id: String(row!.id), failuresByUser: num(count?.by_user ?? 0), failuresByIp: num(count?.by_ip ?? 0) };
    },
    async succeeded(id) {
      await sql.query('UPDATE login_attempts SET success = true WHERE id = $1', [id]);
    },
    async forget(id) {
      await sql.query('DELETE FROM login_attempts WHERE id = $1', [id]);
    },
  };
}
