import type { AppContext } from '../../../platform/context';
import { Open311Error } from '../domain/errors';
import { open311Store } from '../open311.store';

const MINUTE_MS = 60_000;

/**
 * Counts a request of `subject` (a client's posts, an address's reads) in the current minute, in the database so
 * that every node counts against the same limit; 429 beyond `perMinute` (0: no limit).
 */
export async function countAgainstLimit(ctx: AppContext, subject: string, perMinute: number): Promise<void> {
  if (perMinute <= 0) return;
  const now = ctx.clock.now().getTime();
  const windowStart = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const n = await open311Store(ctx.db).countRequest(subject, new Date(windowStart).toISOString(), new Date(windowStart - 10 * MINUTE_MS).toISOString());
  if (n > perMinute) {
    throw new Open311Error(429, `Too many requests: at most ${perMinute} a minute; try again in ${Math.ceil((windowStart + MINUTE_MS - now) / 1000)} seconds`);
  }
}
