import type { UserRecord } from '../user.store';
import { AppError } from '../../../platform/errors';
import type { AppContext } from '../../../platform/context';
import { auditStore } from '../../../platform/audit/audit.store';
import { loginAttemptStore } from '../login-attempt.store';
import { sessionStore } from '../session.store';
import { userStore } from '../user.store';

// Verifying against a dummy hash when the user does not exist keeps response times alike (no user probing).
let dummyHash: Promise<string> | null = null;

/**
 * Checks the password, limits repeated failures per account and per address, and opens a session. The failures
 * are counted in the database, so the limits hold however many nodes answer and across restarts.
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string },
): Promise<{ token: string; user: UserRecord; expiresAt: string }> {
  const loginAttempts = loginAttemptStore(ctx.db);
  const users = userStore(ctx.db);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const since = new Date(now.getTime() - ctx.auth.failureWindowMinutes * 60_000).toISOString();
  // Registered before the check (as a failure until the password proves right), not after a failure, so that
  // guesses sent all at once count against each other: at most the limit of them is ever checked per window.
  const attempt = await loginAttempts.begin({ username: input.username, ip: input.ip, at, since });
  let user: UserRecord | null;
  let ok: boolean;
  try {
    // The count includes this attempt, hence `>`: with 5 allowed, the 6th (5 failures before it) is refused.
    if (attempt.failuresByUser > ctx.auth.maxFailuresPerUser || attempt.failuresByIp > ctx.auth.maxFailuresPerIp) {
      throw new AppError('AUTH.RATE_LIMITED', `Too many failed sign-ins; try again in ${ctx.auth.failureWindowMinutes} minutes`, 'username', {
        retryAfterSeconds: ctx.auth.failureWindowMinutes * 60,
      });
    }
    user = await users.getByUsername(input.username);
    dummyHash ??= ctx.passwords.hash('not-a-real-password');
    ok = await ctx.passwords.verify(input.password, user?.passwordHash ?? (await dummyHash));
  } catch (error) {
    await loginAttempts.forget(attempt.id); // refused, or not checked at all: no failure
    throw error;
  }
  if (!user || !ok) throw new AppError('AUTH.INVALID_CREDENTIALS', 'Wrong username or password', 'password'); // the registration stays: a failure
  try {
    if (!user.active) throw new AppError('AUTH.ACCOUNT_DISABLED', 'This account is disabled', 'username');
    const { token, hash } = ctx.tokens.issue();
    const expiresAt = new Date(now.getTime() + ctx.auth.sessionHours * 3_600_000).toISOString();
    await ctx.db.transaction(async (tx) => {
      const audit = auditStore(tx);
      const loginAttempts = loginAttemptStore(tx);
      const sessions = sessionStore(tx);
      await sessions.create({ tokenHash: hash, userId: user.id, createdAt: at, expiresAt });
      await loginAttempts.succeeded(attempt.id);
      await audit.record({ at, actorId: user.id, action: 'login', entityType: 'user', entityId: user.id, ip: input.ip });
    });
    return { token, user, expiresAt };
  } catch (error) {
    await loginAttempts.forget(attempt.id); // the right password: no failure, even if the account is disabled
    throw error;
  }
}
