import type { AppContext } from '../../../platform/context';
import { sessionCache } from './session-cache';
import { auditStore } from '../../../platform/audit/audit.store';
import { sessionStore } from '../session.store';

/** Revokes the session behind this token; later requests with it answer 401. */
export async function logout(ctx: AppContext, token: string, userId: string): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const audit = auditStore(tx);
    const sessions = sessionStore(tx);
    await sessions.revoke(ctx.tokens.hash(token), at);
    await audit.record({ at, actorId: userId, action: 'logout', entityType: 'user', entityId: userId });
  });
  sessionCache(ctx).delete(ctx.tokens.hash(token));
}
