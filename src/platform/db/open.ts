import { mkdir } from 'node:fs/promises';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/** Opens the configured engine and brings its schema up to date. */
export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir?: string | undefined; poolSize?: number | undefined; migrations: readonly string[] }): Promise<Database> {
  let db: Database;
  if (options.databaseUrl) {
    db = await openPostgres(options.databaseUrl, options.poolSize);
  } else {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    db = await openPglite(options.dataDir);
  }
  await migrate(db, options.migrations);
  return db;
}
