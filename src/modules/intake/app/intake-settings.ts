import { auditStore } from '../../../platform/audit/audit.store';
import { intakeStore, type IntakeSettings } from '../intake.store';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor } from '../../../platform/roles';
import type { AppContext } from '../../../platform/context';
import { intakeSettingsCache } from './settings-cache';
import { withSettingsName } from './names';

export async function getIntakeSettings(ctx: AppContext, actor: Actor): Promise<IntakeSettings> {
  if (!hasRole(actor, 'admin', 'supervisor', 'leader', 'dispatcher')) throw new AppError('AUTH.FORBIDDEN', 'Your role does not see the intake settings');
  return withSettingsName(ctx.db, await intakeStore(ctx.db).settings());
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
    const { updatedByName: _, ...before } = await store.settings(); // the audit keeps the stored state, not a name
    const after: Omit<IntakeSettings, 'updatedByName'> = {
      autoDispatchEnabled: patch.autoDispatchEnabled ?? before.autoDispatchEnabled,
      autoDispatchThreshold: t ?? before.autoDispatchThreshold,
      retrainIntervalHours: patch.retrainIntervalHours ?? before.retrainIntervalHours,
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: actor.id,
    };
    await store.saveSettings(after);
    await auditStore(tx).record({ at: after.updatedAt as string, actorId: actor.id, action: 'intake.settings', entityType: 'intake_settings', entityId: '1', fromState: before, toState: after });
    return withSettingsName(tx, await store.settings()); // with the name of who changed them
  });
  // After the commit, so no concurrent reader can cache the old settings again.
  intakeSettingsCache(ctx).delete('settings');
  return saved;
}
