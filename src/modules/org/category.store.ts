import type { Category } from './domain/category';
import type { Sql } from '../../platform/db/database';

export type { Category };

const toCategory = (r: Record<string, unknown>): Category => ({
  code: String(r.code),
  name: String(r.name),
  nameEn: String(r.name_en),
  level: Number(r.level) as Category['level'],
  parentCode: (r.parent_code as string | null) ?? null,
  unitHint: (r.unit_hint as string | null) ?? null,
});

export function categoryStore(sql: Sql) {
  return {
    async list(): Promise<Category[]> {
      return (await sql.query('SELECT * FROM categories ORDER BY code')).map(toCategory);
    },
    async get(code: string): Promise<Category | null> {
      const [row] = await sql.query('SELECT * FROM categories WHERE code = $1', [code]);
      return row ? toCategory(row) : null;
    },
    /** Inserts parents before children (the caller passes them in that order). */
    async insertMany(categories: readonly Category[]): Promise<void> {
      for (const c of categories) {
        await sql.query(
          'INSERT INTO categories (code, name, name_en, level, parent_code, unit_hint) VALUES ($1, $2, $3, $4, $5, $6)',
          [c.code, c.name, c.nameEn, c.level, c.parentCode, c.unitHint],
        );
      }
    },
  };
}
export type CategoryStore = ReturnType<typeof categoryStore>;
