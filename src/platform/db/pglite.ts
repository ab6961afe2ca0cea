import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database';

/** The embedded engine: PostgreSQL compiled to WASM, one connection, data in a folder (or in memory). */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  // PGlite queues queries behind an open transaction itself, so no extra mutex is needed here.
  return {
    engine: 'pglite',
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await db.query<T>(text, params as unknown[])).rows;
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      return db.transaction(async (tx) =>
        fn({ query: async <R>(text: string, params: readonly unknown[] = []) => (await tx.query<R>(text, params as unknown[])).rows }),
      );
    },
    async exec(script: string) {
      await db.exec(script);
    },
    async close() {
      await db.close();
    },
  };
}
