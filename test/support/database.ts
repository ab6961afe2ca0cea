import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/platform/db/database';
import { migrate } from '../../src/platform/db/migrate';
import { openPglite } from '../../src/platform/db/pglite';
import { openPostgres } from '../../src/platform/db/postgres';
import { migrationDirs } from '../../src/platform/assemble';
import { testModules } from './modules';

/**
 * The engine the storage and HTTP suites run on: PGlite in memory by default, or the PostgreSQL server named
 * by TEST_DATABASE_URL (each test file gets its own fresh database there, dropped afterwards).
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const ENGINE: Database['engine'] = TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase {
  db: Database;
  /** A second, independent connection to the same database (PostgreSQL only), for concurrency tests. */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

/** Every module's migrations: the schema production runs. */
export const MIGRATIONS = migrationDirs(testModules().modules);

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const db = await openPglite();
    await migrate(db, MIGRATIONS);
    return { db, openAnother: async () => db, drop: () => db.close() };
  }
  const name = `t12345_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  const open = async () => {
    const db = await openPostgres(url.toString(), 5);
    opened.push(db);
    return db;
  };
  const db = await open();
  await migrate(db, MIGRATIONS);
  return {
    db,
    openAnother: open,
    async drop() {
      for (const d of opened) await d.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
