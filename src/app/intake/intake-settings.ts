import { auditStore } from '../../adapters/db/audit.store';
import { intakeStore, type IntakeSettings } from '../../adapters/db/intake.store';
import { AppError } from '../../domain/errors';
import { hasRole, type Actor } from '../../domain/roles';
import type { AppContext } from '../ports';
import { intakeSettingsCache } from './settings-cache';

export async function getIntakeSettings(ctx: AppContext, actor: Actor): Promise<IntakeSettings> {
  if (!hasRole(actor, 'admin', 'supervisor', 'leader', 'dispatcher')) throw new AppError('AUTH.FORBIDDEN', 'Your role does not see the intake settings');
  return intakeStore(ctx.db).settings();
}

export interface IntakeSettingsPatch {
  autoDispatchEnabled?: boolean | undefined;
  autoDispatchThreshold?: number | undefined;
  retrainIntervalHours?: number | undefined;
}

/** The admin switches automatic dispatch on or off and sets its threshold (a calibrated probability). */
export async function updateIntakeSettings(ctx: AppContext, actor: Actor, patch: IntakeSettingsPatch): Promise<IntakeSettings> {
  if (!hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', '只有管理员可以修改自动派单设置 Only admins change the automatic dispatch settings');
  const t = patch.autoDispatchThreshold;
  if (t !== undefined && !(t > 0 && t <= 1)) throw new AppError('VALIDATION.FAILED', 'autoDispatchThreshold must be in (0, 1]', 'autoDispatchThreshold');
  const saved = await ctx.db.transaction(async (tx) => {
    const store = intakeStore(tx);
    const { updatedByName: _, ...before } = await store.settings(); // the audit keeps the stored state, not the joined name
    const after: Omit<IntakeSettings, 'updatedByName'> = {
      autoDispatchEnabled: patch.autoDispatchEnabled ?? before.autoDispatchEnabled,
      autoDispatchThreshold: t ?? before.autoDispatchThreshold,
      retrainIntervalHours: patch.retrainIntervalHours ?? before.retrainIntervalHours,
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: actor.id,
    };
    await store.saveSettings(after);
    await auditStore(tx).record({ at: after.updatedAt as string, actorId: actor.id, action: 'intake.settings', entityType: 'intake_settings', entityId: '1', fromState: before, toState: after });
    return store.settings(); // with the name of who changed them
  });
  // After the commit, so no concurrent reader can cache the old settings again.
  intakeSettingsCache(ctx).delete('settings');
  return saved;
}
