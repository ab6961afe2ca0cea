import type { Database } from '../../../platform/db/database';
import { deadlinesStore } from '../deadlines.store';
import { statutoryCalendar } from '../calendar/chinese-days-calendar';
import { AppError } from '../../../platform/errors';
import { hasRole, type Actor } from '../../../platform/roles';
import { normaliseCalendarOverrides, validateCalendarOverrides, type CalendarOverridesInput } from '../domain/calendar-overrides';
import type { DeadlineSettings, DeadlineSettingsView } from '../domain/settings';
import { validateRules } from '../domain/deadline-policy';
import { validateThresholds } from '../domain/warning';
import { parseWorkingHours } from '../domain/working-hours';
import type { Clock } from '../../../platform/context';
import { DEFAULT_DEADLINE_SETTINGS } from './load-deadline-settings';
import { auditStore } from '../../../platform/audit/audit.store';
import { actorName } from '../../../platform/db/rows';
import { displayNames } from '../../auth';

/** Settings versions with the display name of who stored each. */
async function withNames(db: Database, versions: DeadlineSettings[]): Promise<DeadlineSettingsView[]> {
  const names = await displayNames(db, versions.map((v) => v.createdBy));
  return versions.map((v) => ({ ...v, createdByName: actorName(v.createdBy, v.createdBy ? names.get(v.createdBy) : null) }));
}

export type DeadlineSettingsPatch = Partial<Pick<DeadlineSettings, 'rules' | 'thresholds' | 'workingHours' | 'supervision'>> & {
  /** `names` may be left out: the current names of the days still listed are kept. */
  calendarOverrides?: CalendarOverridesInput;
  note?: string;
};

export function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new AppError('AUTH.FORBIDDEN', '只有管理员可以修改时限设置 Only an admin may change deadline settings');
}

/** Admins, supervisors and leaders read the deadline settings, their versions and the working calendar. */
export function requireSettingsReader(actor: Actor): void {
  if (!hasRole(actor, 'admin', 'supervisor', 'leader')) throw new AppError('AUTH.FORBIDDEN', '无权查看时限设置 Only admins, supervisors and leaders see deadline settings');
}

const DEFAULT_VIEW: DeadlineSettingsView = { ...DEFAULT_DEADLINE_SETTINGS, createdByName: null };

/** The current settings version (version 0 = the built-in defaults), with the calendar data's coverage. */
export async function getDeadlineSettings(ctx: { db: Database }, actor: Actor): Promise<DeadlineSettingsView & { statutoryYears: number[] }> {
  requireSettingsReader(actor);
  const [settings] = await withNames(ctx.db, await deadlinesStore(ctx.db).settingsVersions(1));
  return { ...(settings ?? DEFAULT_VIEW), statutoryYears: statutoryCalendar().coveredYears };
}

export async function listDeadlineSettingsVersions(ctx: { db: Database }, actor: Actor): Promise<DeadlineSettingsView[]> {
  requireSettingsReader(actor);
  const versions = await withNames(ctx.db, await deadlinesStore(ctx.db).settingsVersions());
  return [...versions, DEFAULT_VIEW];
}

/**
 * Every edit stores a whole new version (rules, thresholds, office hours, local calendar days, supervision);
 * orders keep the deadlines the version in force at their dispatch gave them.
 */
export async function updateDeadlineSettings(ctx: { db: Database; clock: Clock }, actor: Actor, patch: DeadlineSettingsPatch): Promise<DeadlineSettingsView> {
  requireAdmin(actor);
  validatePatch(patch);
  return ctx.db.transaction(async (tx) => {
    const store = deadlinesStore(tx);
    const current = (await store.currentSettings()) ?? DEFAULT_DEADLINE_SETTINGS;
    const next: DeadlineSettings = {
      version: current.version + 1,
      rules: patch.rules ?? current.rules,
      thresholds: patch.thresholds ?? current.thresholds,
      workingHours: patch.workingHours ?? current.workingHours,
      calendarOverrides: patch.calendarOverrides ? normaliseCalendarOverrides(patch.calendarOverrides, current.calendarOverrides) : current.calendarOverrides,
      supervision: patch.supervision ?? current.supervision,
      note: patch.note ?? null,
      createdAt: ctx.clock.now().toISOString(),
      createdBy: actor.id,
    };
    await store.insertSettings(next);
    await auditStore(tx).record({
      at: next.createdAt!,
      actorId: actor.id,
      action: 'sla.update',
      entityType: 'sla_settings',
      entityId: String(next.version),
      fromState: { version: current.version },
      toState: patch,
    });
    return { ...next, createdByName: actor.name };
  });
}

function validatePatch(patch: DeadlineSettingsPatch): void {
  const fail = (message: string, field: string): never => {
    throw new AppError('VALIDATION.FAILED', message, field);
  };
  if (patch.rules) {
    const [problem] = validateRules(patch.rules);
    if (problem) fail(problem.message, problem.field);
  }
  if (patch.thresholds) {
    const problem = validateThresholds(patch.thresholds);
    if (problem) fail(problem, 'thresholds');
  }
  if (patch.workingHours) {
    try {
      parseWorkingHours(patch.workingHours);
    } catch (e) {
      fail((e as Error).message, 'workingHours');
    }
  }
  if (patch.calendarOverrides) {
    const [problem] = validateCalendarOverrides(patch.calendarOverrides);
    if (problem) fail(problem.message, problem.field);
  }
  if (patch.supervision) {
    const { escalateAfterMinutes, maxEscalations } = patch.supervision;
    if (!(Number.isInteger(escalateAfterMinutes) && escalateAfterMinutes >= 1)) fail('escalateAfterMinutes must be a positive integer', 'supervision.escalateAfterMinutes');
    if (!(Number.isInteger(maxEscalations) && maxEscalations >= 0 && maxEscalations <= 10)) fail('maxEscalations must be 0..10', 'supervision.maxEscalations');
  }
}
