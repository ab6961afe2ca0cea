import type { PortalLookupStore } from '../../app/ports';
import type { Sql } from './database';
import { pruneExpiredCte } from './prune-expired';
import { num } from './rows';

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
