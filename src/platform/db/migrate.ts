import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database';

// Any constant works; it only has to be the same for every node that migrates this database.
const MIGRATION_LOCK = 12345_0001;

/**
 * Applies the numbered SQL files not yet applied, from every folder (the platform's and each module's), in the
 * order of their names, which are unique across folders and recorded as they are: a database made before the
 * modules had folders upgrades in place. Forward only; all in one transaction.
 */
export async function migrate(db: Database, dirs: readonly string[]): Promise<string[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const found = new Map<string, string>();
  for (const dir of dirs) {
    for (const name of (await readdir(dir)).filter((f) => /^\d+_.*\.sql$/.test(f))) {
      if (found.has(name)) throw new Error(`migration ${name} exists in ${found.get(name)} and ${dir}`);
      found.set(name, path.join(dir, name));
    }
  }
  const files = [...found.keys()].sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    // Serialises concurrent start-ups of several nodes against one PostgreSQL.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = new Set((await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    for (const file of files) {
      if (done.has(file)) continue;
      const script = await readFile(found.get(file)!, 'utf8');
      for (const statement of splitStatements(script)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
      applied.push(file);
    }
  });
  return applied;
}

/** Splits a migration on semicolons at line ends, outside dollar-quoted bodies (enough for our plain SQL). */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of script.split('\n')) {
    const trimmed = line.trim();
    if (!inDollar && (trimmed.startsWith('--') || trimmed === '')) continue;
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inDollar = !inDollar;
    if (!inDollar && trimmed.endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
