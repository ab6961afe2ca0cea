import { stores } from '../adapters/db/stores';
import type { UserRecord } from '../adapters/db/user.store';
import { AppError } from '../domain/errors';
import type { AppContext } from './ports';

// Verifying against a dummy hash when the user does not exist keeps response times alike (no user probing).
let dummyHash: Promise<string> | null = null;

/** Checks the password, limits repeated failures per account and per address, and opens a session. */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string },
): Promise<{ token: string; user: UserRecord; expiresAt: string }> {
  const s = stores(ctx.db);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - ctx.auth.failureWindowMinutes * 60_000).toISOString();
  const failures = await s.sessions.recentFailures(input.username, input.ip, since);
  if (failures.byUser >= ctx.auth.maxFailuresPerUser || failures.byIp >= ctx.auth.maxFailuresPerIp) {
    throw new AppError('AUTH.RATE_LIMITED', `Too many failed sign-ins; try again in ${ctx.auth.failureWindowMinutes} minutes`, 'username', {
      retryAfterSeconds: ctx.auth.failureWindowMinutes * 60,
    });
  }
  const user = await s.users.getByUsername(input.username);
  dummyHash ??= ctx.passwords.hash('not-a-real-password');
  const ok = await ctx.passwords.verify(input.password, user?.passwordHash ?? (await dummyHash));
  const at = now.toISOString();
  if (!user || !ok) {
    await s.sessions.recordAttempt({ username: input.username, ip: input.ip, at, success: false });
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'Wrong username or password', 'password');
  }
  if (!user.active) throw new AppError('AUTH.ACCOUNT_DISABLED', 'This account is disabled', 'username');
  const { token, hash } = ctx.tokens.issue();
  const expiresAt = new Date(now.getTime() + ctx.auth.sessionHours * 3_600_000).toISOString();
  await ctx.db.transaction(async (tx) => {
    const t = stores(tx);
    await t.sessions.create({ tokenHash: hash, userId: user.id, createdAt: at, expiresAt });
    await t.sessions.recordAttempt({ username: input.username, ip: input.ip, at, success: true });
    await t.audit.record({ at, actorId: user.id, action: 'login', entityType: 'user', entityId: user.id, ip: input.ip });
  });
  return { token, user, expiresAt };
}
