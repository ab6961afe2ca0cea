import { fileURLToPath } from 'node:url';
import type { Sql } from '../../platform/db/database';
import type { Module } from '../../platform/module';
import { actorOf } from './app/actor';
import { authenticate } from './app/authenticate';
import { authRoutes } from './auth.routes';
import { userStore, type UserRecord } from './user.store';

export type { UserRecord };

/** Accounts, sign-in (rate-limited), sessions, and the bearer-token check every request goes through. */
export const authModule: Module = {
  name: 'auth',
  tables: ['users', 'sessions', 'login_attempts'],
  migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
  routes: authRoutes,
  authenticate: async (ctx, token) => actorOf(await authenticate(ctx, token)),
};

/** Display names of accounts by id (for "who did it" beside settings, versions and models). */
export async function displayNames(sql: Sql, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map((await userStore(sql).getMany(wanted)).map((u) => [u.id, u.displayName]));
}

export const insertUser = (sql: Sql, user: UserRecord): Promise<boolean> => userStore(sql).insert(user);
