import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { testModules } from '../support/modules';

// A module touches only its own tables (docs/architecture.md): every table its SQL names, in its code and its
// migrations, is one it declares in `tables`. The platform's tables (the event log, job claims, the audit log)
// are reached through the platform's functions, never by name.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SQL_TARGET = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE(?: IF NOT EXISTS)?|ON)\s+([a-z][a-z0-9_]*)\b/g;
const NOT_TABLES = new Set(['conflict', 'unnest', 'only', 'lateral', 'each', 'delete', 'update', 'insert', 'true', 'false', 'null', 'select', 'not', 'exists', 'the']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|sql)$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The texts of a TypeScript file's string and template literals (template parts joined), parsed, not guessed. */
function literals(file: string, text: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return out;
}

/** Table names in SQL: the string and template literals of .ts files, whole .sql files. */
function tablesNamed(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  const sql = file.endsWith('.sql') ? [text] : literals(file, text).filter((l) => /\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|FROM|JOIN)\b/.test(l));
  const found = new Set<string>();
  for (const chunk of sql) for (const m of chunk.matchAll(SQL_TARGET)) if (!NOT_TABLES.has(m[1]!)) found.add(m[1]!);
  return found;
}

describe('table ownership', () => {
  const { modules } = testModules();
  const allTables = new Set(modules.flatMap((m) => m.tables));

  it('no two modules claim one table', () => {
    const claimed = modules.flatMap((m) => m.tables);
    expect(claimed.length).toBe(allTables.size);
  });

  for (const module of modules) {
    it(`${module.name} names only its own tables`, () => {
      const dir = path.join(ROOT, 'src/modules', module.name);
      const foreign: string[] = [];
      for (const file of files(dir)) {
        for (const table of tablesNamed(file)) {
          // correlated subqueries of an order-view extension read `tickets.id`: that is a column, not a FROM
          if (!module.tables.includes(table) && (allTables.has(table) || PLATFORM_TABLES.has(table))) foreign.push(`${path.relative(ROOT, file)}: ${table}`);
        }
      }
      expect(foreign).toEqual([]);
    });
  }
});

const PLATFORM_TABLES = new Set(['ticket_events', 'event_readers', 'job_claims', 'audit_log', 'schema_migrations']);
