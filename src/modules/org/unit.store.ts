import type { UnitKind } from '../../platform/roles';
import type { Sql } from '../../platform/db/database';

export interface Unit {
  id: string;
  name: string;
  nameEn: string | null;
  kind: UnitKind;
  parentId: string | null;
  divisionCode: string | null;
}

const toUnit = (r: Record<string, unknown>): Unit => ({
  id: String(r.id),
  name: String(r.name),
  nameEn: (r.name_en as string | null) ?? null,
  kind: r.kind as UnitKind,
  parentId: (r.parent_id as string | null) ?? null,
  divisionCode: (r.division_code as string | null) ?? null,
});

export function unitStore(sql: Sql) {
  return {
    async list(): Promise<Unit[]> {
      return (await sql.query('SELECT * FROM units ORDER BY kind, division_code NULLS LAST, name')).map(toUnit);
    },
    async get(id: string): Promise<Unit | null> {
      const [row] = await sql.query('SELECT * FROM units WHERE id = $1', [id]);
      return row ? toUnit(row) : null;
    },
    async getMany(ids: readonly string[]): Promise<Unit[]> {
      if (ids.length === 0) return [];
      return (await sql.query('SELECT * FROM units WHERE id = ANY($1::text[])', [ids])).map(toUnit);
    },
    async insert(unit: Unit, at: string): Promise<void> {
      await sql.query(
        'INSERT INTO units (id, name, name_en, kind, parent_id, division_code, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [unit.id, unit.name, unit.nameEn, unit.kind, unit.parentId, unit.divisionCode, at],
      );
    },
    async count(): Promise<number> {
      const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
      return Number(row!.n);
    },
  };
}
export type UnitStore = ReturnType<typeof unitStore>;
