import { auditStore } from '../../../platform/audit/audit.store';
import { intakeStore, type ModelVersionMeta } from '../intake.store';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor } from '../../../platform/roles';
import type { AppContext } from '../../../platform/context';
import { withModelNames } from './names';

function requireModelAdmin(actor: Actor, what: string): void {
  if (!hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', `只有管理员可以${what} Only admins manage model versions`);
}

/** All model versions, newest first (without the weights). */
export async function listModelVersions(ctx: AppContext, actor: Actor): Promise<ModelVersionMeta[]> {
  if (!hasRole(actor, 'admin', 'supervisor', 'leader')) throw new AppError('AUTH.FORBIDDEN', 'Only admins, supervisors and leaders see model versions');
  return withModelNames(ctx.db, await intakeStore(ctx.db).listModels());
}

/** Makes a stored version the active one: a roll back to an older version, or forward again. */
export async function activateModelVersion(ctx: AppContext, actor: Actor, version: number): Promise<ModelVersionMeta> {
  requireModelAdmin(actor, '切换模型版本');
  return ctx.db.transaction(async (tx) => {
    const store = intakeStore(tx);
    const outcome = await store.activate(version);
    if (outcome === 'not_found') throw new AppError('MODEL.NOT_FOUND', `No model version ${version}`, 'version');
    if (outcome === 'archived')
      throw new AppError('MODEL.ARCHIVED', `模型版本 ${version} 已归档（权重已删除），不能再启用 Model version ${version} is archived (its weights were removed) and cannot be activated`, 'version');
    await auditStore(tx).record({ at: ctx.clock.now().toISOString(), actorId: actor.id, action: 'model.activate', entityType: 'intake_model', entityId: String(version), toState: { version } });
    const [named] = await withModelNames(tx, [(await store.model(version))!]);
    return named!;
  });
}
