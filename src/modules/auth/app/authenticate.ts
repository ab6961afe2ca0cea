import type { UserRecord } from '../user.store';
import { AppError } from '../../../platform/errors';
import type { AppContext } from '../../../platform/context';
import { sessionCache } from './session-cache';
import { sessionStore } from '../session.store';

/** The user behind a bearer token, if the session is live and the account active. */
export async function authenticate(ctx: AppContext, token: string | undefined): Promise<UserRecord> {
  if (!token) throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
  const hash = ctx.tokens.hash(token);
  const cache = sessionCache(ctx);
  const cached = cache.get(hash);
  if (cached) return cached;
  const user = await sessionStore(ctx.db).findActiveUser(hash, ctx.clock.now().toISOString());
  if (user) cache.set(hash, user);
  if (!user) throw new AppError('AUTH.UNAUTHENTICATED', 'The session has expired or was revoked; sign in again');
  return user;
}
