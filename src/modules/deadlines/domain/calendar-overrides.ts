/**
 * The city's local calendar days as an admin enters them: extra holidays, extra workdays and, optionally, a name
 * for any of them (元旦, 春节, 春节调休 ...), e.g. while the national data lacks next year. Pure: validation,
 * normalisation, and reading versions stored before names existed.
 */
export interface CalendarOverrides {
  holidays: string[];
  workdays: string[];
  /** A name by date, for dates in `holidays` or `workdays` only. */
  names: Record<string, string>;
}

/** What a PUT sends: `names` may be left out (older clients), then the current names of days still listed stay. */
export interface CalendarOverridesInput {
  holidays: readonly string[];
  workdays: readonly string[];
  names?: Readonly<Record<string, string>> | undefined;
}

/** Characters (code points) a name may have once trimmed. */
export const OVERRIDE_NAME_MAX = 20;

export const NO_OVERRIDES: CalendarOverrides = Object.freeze({ holidays: [], workdays: [], names: {} }) as CalendarOverrides;

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isYmd(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === s;
}

/** Problems as `{field, message}` (e.g. `calendarOverrides.names.2027-01-01`); empty when the input is valid. */
export function validateCalendarOverrides(o: CalendarOverridesInput): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const list of ['holidays', 'workdays'] as const) {
    o[list].forEach((d, i) => {
      if (!isYmd(d)) problems.push({ field: `calendarOverrides.${list}[${i}]`, message: `not a YYYY-MM-DD date: ${d}` });
    });
  }
  const both = o.holidays.find((d) => o.workdays.includes(d));
  if (both) problems.push({ field: 'calendarOverrides', message: `${both} cannot be both a holiday and a workday` });
  const listed = new Set([...o.holidays, ...o.workdays]);
  for (const [date, raw] of Object.entries(o.names ?? {})) {
    const field = `calendarOverrides.names.${date}`;
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (!isYmd(date)) problems.push({ field, message: `a name is keyed by a YYYY-MM-DD date, not ${JSON.stringify(date)}` });
    else if (!listed.has(date)) problems.push({ field, message: `${date} has a name but is in neither holidays nor workdays` });
    else if (name === '') problems.push({ field, message: `the name of ${date} is empty (leave the date out of names for no name)` });
    else if ([...name].length > OVERRIDE_NAME_MAX) problems.push({ field, message: `the name of ${date} is longer than ${OVERRIDE_NAME_MAX} characters` });
    else if (/[\u0000-\u001f\u007f]/.test(name)) problems.push({ field, message: `the name of ${date} contains a control character` });
  }
  return problems;
}

/**
 * The overrides a new version stores: dates deduplicated and sorted, names trimmed and in date order. When the
 * input has no `names`, the names of `current` are kept for the days that stay listed (so a client that does not
 * know names never drops them); `names: {}` removes them all. Call after `validateCalendarOverrides`.
 */
export function normaliseCalendarOverrides(input: CalendarOverridesInput, current: CalendarOverrides = NO_OVERRIDES): CalendarOverrides {
  const holidays = [...new Set(input.holidays)].sort();
  const workdays = [...new Set(input.workdays)].sort();
  const listed = new Set([...holidays, ...workdays]);
  const source = input.names ?? current.names;
  const names: Record<string, string> = {};
  for (const date of Object.keys(source).sort()) {
    const name = source[date]?.trim();
    if (name && listed.has(date)) names[date] = name;
  }
  return { holidays, workdays, names };
}

/** A stored value, of any version: versions stored before names existed have none. */
export function storedCalendarOverrides(value: { holidays?: string[]; workdays?: string[]; names?: Record<string, string> | null } | null | undefined): CalendarOverrides {
  return { holidays: value?.holidays ?? [], workdays: value?.workdays ?? [], names: value?.names ?? {} };
}
