import type { Sql } from '../../../platform/db/database';
import { deadlinesStore } from '../deadlines.store';
import { chinaWorkingCalendar } from '../calendar/chinese-days-calendar';
import type { EmergencyMode } from '../domain/emergency-mode';
import type { DeadlineSettings } from '../domain/settings';
import type { DeadlinePolicy } from '../domain/deadline-policy';
import { DEFAULT_DEADLINE_RULES } from '../domain/deadline-policy';
import type { WorkingTime } from '../domain/deadline-limit';
import { DEFAULT_SUPERVISION } from '../domain/supervision';
import { DEFAULT_THRESHOLDS } from '../domain/warning';
import { DEFAULT_WORKING_HOURS, parseWorkingHours } from '../domain/working-hours';

/** Everything the deadline rules need at one moment: the current settings version and the emergency mode. */
export interface DeadlineRuntime {
  settings: DeadlineSettings;
  policy: DeadlinePolicy;
  wt: WorkingTime;
  mode: EmergencyMode;
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  version: 0,
  rules: [...DEFAULT_DEADLINE_RULES],
  thresholds: DEFAULT_THRESHOLDS,
  workingHours: DEFAULT_WORKING_HOURS,
  calendarOverrides: { holidays: [], workdays: [], names: {} },
  supervision: DEFAULT_SUPERVISION,
  note: '内置默认 built-in defaults',
  createdAt: null,
  createdBy: null,
};

// Building the calendar sets costs a few ms; settings versions never change once written, so cache by version.
const workingTimeByVersion = new Map<number, WorkingTime>();

export function workingTimeOf(settings: DeadlineSettings): WorkingTime {
  let wt = workingTimeByVersion.get(settings.version);
  if (!wt) {
    wt = { calendar: chinaWorkingCalendar(settings.calendarOverrides), hours: parseWorkingHours(settings.workingHours) };
    if (workingTimeByVersion.size > 50) workingTimeByVersion.clear();
    workingTimeByVersion.set(settings.version, wt);
  }
  return wt;
}

export async function loadDeadlineSettings(sql: Sql): Promise<DeadlineRuntime> {
  const store = deadlinesStore(sql);
  const settings = (await store.currentSettings()) ?? DEFAULT_DEADLINE_SETTINGS;
  const mode = await store.emergencyMode();
  return {
    settings,
    policy: { version: settings.version, rules: settings.rules },
    wt: workingTimeOf(settings),
    mode: { active: mode.active, tag: mode.tag },
  };
}
