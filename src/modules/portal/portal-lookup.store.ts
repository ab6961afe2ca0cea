import type { Sql } from '../../platform/db/database';
import { pruneExpiredCte } from '../../platform/db/prune-expired';
import { num } from '../../platform/db/rows';

/**
 * Portal look-ups (order number + phone) per client address, kept where every node sees them. A look-up is
 * registered before it is checked and forgotten when it succeeds or is refused, so what stays are failures and
 * look-ups still being checked: guesses sent at once, to one node or to many, count against each other.
 * Run on the database itself, never inside a transaction (the count must see other nodes' registrations).
 */
export interface PortalLookupStore {
  /**
   * Registers a look-up from `ip` at `at`, deletes registrations before `since` (the window's start, in batches;
   * any address), and counts the registrations from `ip` after `since`, this one included.
   */
  begin(ip: string, at: string, since: string): Promise<{ id: string; recent: number }>;
  /** Forgets a registration: the look-up succeeded or was refused, so it is no failure. */
  forget(id: string): Promise<void>;
}

/** Portal look-ups per client address (table portal_lookup_failures), shared by every node. */
export function portalLookupStore(sql: Sql): PortalLookupStore {
  return {
    async begin(ip, at, since) {
      const [row] = await sql.query<{ id: string }>(
        `WITH ${pruneExpiredCte('portal_lookup_failures', '$3')}
         INSERT INTO portal_lookup_failures (ip, at) VALUES ($1, $2) RETURNING id::text AS id`,
        [ip, at, since],
      );
      // A separate statement on purpose: its snapshot is taken after the insert above committed, so of two
      // concurrent look-ups the later one to register always counts the earlier one.
      const [count] = await sql.query<{ n: number | string }>(
        'SELECT count(*)::int AS n FROM portal_lookup_failures WHERE ip = $1 AND at > $2',
        [ip, since],
      );
      return { id: String(row!.id), recent: num(count?.n ?? 0) };
    },
    async forget(id) {
      await sql.query('DELETE FROM portal_lookup_failures WHERE id = $1', [id]);
    },
  };
}
