import type { Role } from '../../platform/roles';
import type { Sql } from '../../platform/db/database';
import { iso } from '../../platform/db/rows';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  unitId: string | null;
  active: boolean;
  createdAt: string;
}

export const toUser = (r: Record<string, unknown>): UserRecord => ({
  id: String(r.id),
  username: String(r.username),
  displayName: String(r.display_name),
  passwordHash: String(r.password_hash),
  roles: r.roles as Role[],
  unitId: (r.unit_id as string | null) ?? null,
  active: Boolean(r.active),
  createdAt: iso(r.created_at),
});

export function userStore(sql: Sql) {
  return {
    async list(): Promise<UserRecord[]> {
      return (await sql.query('SELECT * FROM users ORDER BY created_at, username')).map(toUser);
    },
    async getMany(ids: readonly string[]): Promise<UserRecord[]> {
      return (await sql.query('SELECT * FROM users WHERE id = ANY($1::text[])', [ids])).map(toUser);
    },
    async get(id: string): Promise<UserRecord | null> {
      const [row] = await sql.query('SELECT * FROM users WHERE id = $1', [id]);
      return row ? toUser(row) : null;
    },
    async getByUsername(username: string): Promise<UserRecord | null> {
      const [row] = await sql.query('SELECT * FROM users WHERE username = $1', [username]);
      return row ? toUser(row) : null;
    },
    /** Returns false if the username is taken. */
    async insert(u: UserRecord): Promise<boolean> {
      const rows = await sql.query(
        `INSERT INTO users (id, username, display_name, password_hash, roles, unit_id, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [u.id, u.username, u.displayName, u.passwordHash, u.roles, u.unitId, u.active, u.createdAt],
      );
      return rows.length === 1;
    },
    async update(u: UserRecord): Promise<void> {
      await sql.query('UPDATE users SET display_name = $2, password_hash = $3, roles = $4, unit_id = $5, active = $6 WHERE id = $1', [
        u.id, u.displayName, u.passwordHash, u.roles, u.unitId, u.active,
      ]);
    },
    async count(): Promise<number> {
      const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      return Number(row!.n);
    },
  };
}
export type UserStore = ReturnType<typeof userStore>;
