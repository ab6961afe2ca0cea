import type { Database } from '../../../platform/db/database';
import { deadlinesStore } from '../deadlines.store';
import { statutoryCalendar, workingCalendarYear } from '../calendar/chinese-days-calendar';
import type { CalendarYear } from '../domain/calendar-year';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../../platform/roles';
import { shanghaiYmd } from '../../../platform/shanghai-time';
import type { Clock } from '../../../platform/context';
import { DEFAULT_DEADLINE_SETTINGS } from './load-deadline-settings';
import { requireSettingsReader } from './deadline-settings';

/** Years the calendar can be asked for: the national data starts in 2004; beyond 2100 nobody plans deadlines. */
export const CALENDAR_YEARS = { min: 2004, max: 2100 } as const;

export interface WorkingCalendarView extends CalendarYear {
  /** Today in Asia/Shanghai (the injected clock). */
  today: string;
  /** Years the national data covers, e.g. 2004–2026. */
  statutoryYears: number[];
  /** The settings version whose local overrides are applied. */
  settingsVersion: number;
}

/**
 * The working calendar of a year (the current year in Asia/Shanghai by default) as the deadline engine uses it:
 * the national holiday data, then the local overrides of the current settings version.
 */
export async function getWorkingCalendar(ctx: { db: Database; clock: Clock }, actor: Actor, input: { year?: number | undefined }): Promise<WorkingCalendarView> {
  requireSettingsReader(actor);
  const today = shanghaiYmd(ctx.clock.now().getTime());
  const year = input.year ?? Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
    throw new AppError('VALIDATION.FAILED', `year must be a whole number from ${CALENDAR_YEARS.min} to ${CALENDAR_YEARS.max}`, 'year');
  }
  const settings = (await deadlinesStore(ctx.db).currentSettings()) ?? DEFAULT_DEADLINE_SETTINGS;
  return {
    ...workingCalendarYear(year, settings.calendarOverrides),
    today,
    statutoryYears: statutoryCalendar().coveredYears,
    settingsVersion: settings.version,
  };
}
