import type { CalendarOverrides } from './calendar-overrides';
import type { DeadlineRule } from './deadline-policy';
import type { SupervisionPolicy } from './supervision';
import type { WarningThresholds } from './warning';
import type { WorkingHoursConfig } from './working-hours';

/**
 * One version of everything that decides deadlines, as stored and as GET /admin/sla and /admin/sla/versions send
 * it (with the name of who stored it). Shared by the store, the use cases and the console.
 */
export interface DeadlineSettings {
  version: number;
  rules: DeadlineRule[];
  thresholds: WarningThresholds;
  workingHours: WorkingHoursConfig;
  /** Local holidays and workdays, with optional names (versions stored before names existed read as `names: {}`). */
  calendarOverrides: CalendarOverrides;
  supervision: SupervisionPolicy;
  note: string | null;
  createdAt: string | null;
  createdBy: string | null;
}

/** A version with the display name of who stored it (the system's name for the built-in defaults). */
export type DeadlineSettingsView = DeadlineSettings & { createdByName: string | null };
