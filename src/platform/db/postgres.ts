import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Sql } from './database';

// int8 (count(*), bigserial) as JS numbers, as PGlite returns them; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

// Every statement is prepared once per connection and then only bound and executed: the server skips parsing
// and planning on the hot paths. Statement texts are few (dynamic list filters make a bounded set).
const names = new Map<string, string>();
function prepared(text: string, values: readonly unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) {
    name = `q${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return { name, text, values: values as unknown[] };
}

/** The production engine: a PostgreSQL server through a connection pool. */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Nothing to do for callers.
  });
  await pool.query('SELECT 1');
  return {
    engine: 'postgres',
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await pool.query(prepared(text, params))).rows as T[];
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async <R>(text: string, params: readonly unknown[] = []) => (await client.query(prepared(text, params))).rows as R[] });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(script: string) {
      await pool.query(script);
    },
    async close() {
      await pool.end();
    },
  };
}
