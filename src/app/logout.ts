import { stores } from '../adapters/db/stores';
import type { AppContext } from './ports';
import { sessionCache } from './session-cache';

/** Revokes the session behind this token; later requests with it answer 401. */
export async function logout(ctx: AppContext, token: string, userId: string): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const s = stores(tx);
    await s.sessions.revoke(ctx.tokens.hash(token), at);
    await s.audit.record({ at, actorId: userId, action: 'logout', entityType: 'user', entityId: userId });
  });
  sessionCache(ctx).delete(ctx.tokens.hash(token));
}
