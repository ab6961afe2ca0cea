import pg from 'pg';
import type { Database } from '../../src/adapters/db/database';
import { migrate } from '../../src/adapters/db/migrate';
import { openPglite } from '../../src/adapters/db/pglite';
import { openPostgres } from '../../src/adapters/db/postgres';

/**
 * A fresh, migrated database for one test file: PostgreSQL when TEST_DATABASE_URL is set (a new database
 * created for the file, dropped at the end), otherwise in-memory PGlite.
 */
export async function freshDatabase(engine: 'default' | 'postgres' = 'default'): Promise<{ db: Database; drop: () => Promise<void> }> {
  const url = engine === 'postgres' ? (process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') : process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openPglite();
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const name = `t_sla_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 4);
  await migrate(db);
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}
