import type { Sql } from '../../../platform/db/database';
import { actorName } from '../../../platform/db/rows';
import { displayNames } from '../../auth';
import type { IntakeSettings, ModelVersionMeta } from '../domain/intake';

/** Model versions with the display name of who trained each (the system as 系统). */
export async function withModelNames(sql: Sql, metas: ModelVersionMeta[]): Promise<ModelVersionMeta[]> {
  const names = await displayNames(sql, metas.map((m) => m.createdBy));
  return metas.map((m) => ({ ...m, createdByName: actorName(m.createdBy, m.createdBy ? names.get(m.createdBy) : null) }));
}

/** The settings with the display name of who changed them last. */
export async function withSettingsName(sql: Sql, s: IntakeSettings): Promise<IntakeSettings> {
  const names = await displayNames(sql, [s.updatedBy]);
  return { ...s, updatedByName: s.updatedBy ? actorName(s.updatedBy, names.get(s.updatedBy)) : null };
}
