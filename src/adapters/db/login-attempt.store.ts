import type { LoginAttemptStore } from '../../app/ports';
import type { Sql } from './database';
import { pruneExpiredCte } from './prune-expired';
import { num } from './rows';

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
