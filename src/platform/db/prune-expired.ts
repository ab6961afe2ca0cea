// Expired rows deleted per new row: more than the one row each insert adds, so a backlog drains too.
const PRUNE_BATCH = 200;

/**
 * A CTE (`expired`) that deletes up to a batch of `table`'s rows whose `at` is before the parameter `since`, to ride
 * along with the insert of a new attempt (one round trip). SKIP LOCKED: inserts arriving together never wait for
 * each other over the same expired rows (nor deadlock); whatever one skips, a later one deletes.
 */
export function pruneExpiredCte(table: 'login_attempts' | 'portal_lookup_failures', since: `$${number}`): string {
  return `expired AS (
    DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE at < ${since} LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED))`;
}
