import type { UserRecord } from '../user.store';
import type { AppContext } from '../../../platform/context';
import { TtlCache } from '../../../platform/ttl-cache';

// One cache per application context (a server, or a test's app), keyed by token hash.
const caches = new WeakMap<AppContext, TtlCache<string, UserRecord>>();

/**
 * The signed-in user behind each token, remembered for `auth.sessionCacheSeconds` so that a request costs no
 * session query. Sign-out, disabling and password changes on this node take effect at once; on other nodes
 * within that many seconds.
 */
export function sessionCache(ctx: AppContext): TtlCache<string, UserRecord> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new TtlCache(ctx.clock, (ctx.auth.sessionCacheSeconds ?? 0) * 1000);
    caches.set(ctx, cache);
  }
  return cache;
}
