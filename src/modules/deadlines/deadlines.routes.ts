import { Type } from 'typebox';
import type { AppContext } from '../../platform/context';
import { getEmergencyMode, setEmergencyMode } from './app/emergency-mode';
import { CALENDAR_YEARS, getWorkingCalendar } from './app/get-working-calendar';
import { getDeadlineSettings, listDeadlineSettingsVersions, requireAdmin, updateDeadlineSettings } from './app/deadline-settings';
import { supervisionBoard } from './app/supervision-board';
import { sweepDeadlines } from './app/sweep-deadlines';
import { listNotifications, supervisionQueue } from './app/supervision-queue';
import { AppError } from '../../platform/errors';
import { hasRole, isCentre, type Actor } from '../../platform/roles';
import { DAY_KINDS, DAY_SOURCES } from './domain/calendar-year';
import { LIMIT_UNITS } from './domain/deadline-limit';
import { WARNING_LEVELS } from './domain/warning';
import { URGENCIES } from '../../platform/events/order';
import { requireActor, type App } from '../../platform/http/app';
import { Enum, ErrorBody } from '../../platform/http/schemas';

const Ymd = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Limit = Type.Object({ amount: Type.Number({ exclusiveMinimum: 0, maximum: 8784 }), unit: Enum(LIMIT_UNITS) }, { additionalProperties: false });
const Rule = Type.Object(
  {
    urgency: Enum(URGENCIES),
    categoryPrefix: Type.Union([Type.String({ pattern: '^[0-9]{2,6}$' }), Type.Null()]),
    unitId: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]),
    sign: Limit,
    reply: Limit,
  },
  { additionalProperties: false },
);
const Thresholds = Type.Object({ yellow: Type.Number(), orange: Type.Number() }, { additionalProperties: false });
const WorkingHours = Type.Object(
  { periods: Type.Array(Type.Object({ start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }), end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) }, { additionalProperties: false }), { minItems: 1, maxItems: 6 }) },
  { additionalProperties: false },
);
const overrideLists = { holidays: Type.Array(Ymd, { maxItems: 400 }), workdays: Type.Array(Ymd, { maxItems: 400 }) };
// Names are checked by the domain (domain/calendar-overrides.ts), which says which date is wrong and why;
// the schema only bounds the size.
const OverrideNames = Type.Record(Type.String(), Type.String({ maxLength: 200 }), {
  maxProperties: 800,
  description: 'Optional names of local days by date, e.g. {"2027-01-01": "元旦"}; each date must be in holidays or workdays; 1–20 characters',
});
const CalendarOverrides = Type.Object({ ...overrideLists, names: OverrideNames }, { additionalProperties: false });
const CalendarOverridesPatch = Type.Object(
  { ...overrideLists, names: Type.Optional(OverrideNames) },
  { additionalProperties: false, description: 'Replaces the local days; without names, the current names of the days still listed are kept' },
);
const Supervision = Type.Object({ escalateAfterMinutes: Type.Integer({ minimum: 1 }), maxEscalations: Type.Integer({ minimum: 0, maximum: 10 }) }, { additionalProperties: false });

const Settings = Type.Object({
  version: Type.Integer(),
  rules: Type.Array(Rule),
  thresholds: Thresholds,
  workingHours: WorkingHours,
  calendarOverrides: CalendarOverrides,
  supervision: Supervision,
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdByName: Type.Union([Type.String(), Type.Null()], { description: 'Display name of createdBy, for roles that may not list users' }),
  statutoryYears: Type.Optional(Type.Array(Type.Integer())),
});
const SettingsPatch = Type.Object(
  {
    rules: Type.Optional(Type.Array(Rule, { maxItems: 2000 })),
    thresholds: Type.Optional(Thresholds),
    workingHours: Type.Optional(WorkingHours),
    calendarOverrides: Type.Optional(CalendarOverridesPatch),
    supervision: Type.Optional(Supervision),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
const Emergency = Type.Object({
  active: Type.Boolean(),
  tag: Type.Union([Type.String(), Type.Null()]),
  changedAt: Type.Union([Type.String(), Type.Null()]),
  changedBy: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  changedByName: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Display name of changedBy' })),
  reprioritised: Type.Optional(Type.Integer({ description: 'Orders whose queue position changed (PUT only)' })),
});
const DayKind = Enum(DAY_KINDS);
const CalendarDay = Type.Object({
  date: Ymd,
  weekday: Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday' }),
  kind: DayKind,
  source: Enum(DAY_SOURCES),
  workday: Type.Boolean(),
  name: Type.Union([Type.String(), Type.Null()], {
    description: 'The local name of an overridden day, else the national holiday the day belongs to (a day of its break or a make-up workday), e.g. 国庆节',
  }),
  nameEn: Type.Union([Type.String(), Type.Null()], { description: 'The English national name; a local name is given here as entered' }),
  baseName: Type.Union([Type.String(), Type.Null()], { description: 'The national name alone (without a local one)' }),
  baseNameEn: Type.Union([Type.String(), Type.Null()]),
  baseKind: DayKind,
  baseSource: Enum(['weekly', 'national'] as const),
  override: Type.Union([Enum(['holiday', 'workday'] as const), Type.Null()]),
});
const WorkingCalendarYear = Type.Object({
  year: Type.Integer(),
  covered: Type.Boolean({ description: 'Whether the national holiday data covers this year' }),
  today: Ymd,
  statutoryYears: Type.Array(Type.Integer()),
  settingsVersion: Type.Integer(),
  totals: Type.Object({ workday: Type.Integer(), rest: Type.Integer(), holiday: Type.Integer(), makeup_workday: Type.Integer(), local: Type.Integer() }),
  days: Type.Array(CalendarDay),
});
const Level = Enum(WARNING_LEVELS);
const LevelCounts = { none: Type.Integer(), yellow: Type.Integer(), orange: Type.Integer(), red: Type.Integer() };
const SweepReport = Type.Object({
  at: Type.String(),
  checked: Type.Integer(),
  changed: Type.Object(LevelCounts),
  supervised: Type.Integer(),
  escalated: Type.Integer(),
  notifications: Type.Integer(),
  actions: Type.Array(
    Type.Object({ ticketId: Type.String(), number: Type.String(), action: Type.String(), round: Type.Integer(), notifiedUnitIds: Type.Array(Type.String()) }),
  ),
});
const Board = Type.Object({
  at: Type.String(),
  totals: Type.Object(LevelCounts),
  byUnit: Type.Array(Type.Object({ unitId: Type.Union([Type.String(), Type.Null()]), unitName: Type.Union([Type.String(), Type.Null()]), ...LevelCounts })),
  reddest: Type.Array(
    Type.Object({
      ticketId: Type.String(),
      number: Type.String(),
      title: Type.String(),
      unitId: Type.Union([Type.String(), Type.Null()]),
      unitName: Type.Union([Type.String(), Type.Null()]),
      dueAt: Type.Union([Type.String(), Type.Null()]),
      overdueHours: Type.Number(),
      supervisionCount: Type.Integer(),
    }),
  ),
});
const QueueItem = Type.Object({
  ticketId: Type.String(),
  number: Type.String(),
  title: Type.String(),
  urgency: Type.String(),
  tags: Type.Array(Type.String()),
  status: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  emergency: Type.Boolean(),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  warning: Level,
});
const Notification = Type.Object({
  id: Type.String(),
  ticketId: Type.String(),
  unitId: Type.String(),
  kind: Type.String(),
  round: Type.Integer(),
  message: Type.String(),
  createdAt: Type.String(),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
});

/** A unit user may look only at their own unit; the centre at any unit (or all). */
function unitScope(actor: Actor, requested: string | undefined): string | null {
  if (isCentre(actor)) return requested ?? null;
  if (hasRole(actor, 'unit_handler') && actor.unitId) {
    if (requested && requested !== actor.unitId) throw new AppError('AUTH.FORBIDDEN', 'A unit sees only its own orders', 'unitId');
    return actor.unitId;
  }
  throw new AppError('AUTH.FORBIDDEN', 'Your role has no supervision queue');
}

/** Deadline settings, emergency mode, the sweep, and the supervision board (issue 4). */
export function deadlineRoutes(app: App, ctx: AppContext) {
  const E = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

  app.get(
    '/admin/sla',
    { schema: { tags: ['deadlines'], summary: 'Current deadline settings version', response: { 200: Settings, ...E } } },
    async (request) => getDeadlineSettings(ctx, requireActor(request)),
  );

  app.get(
    '/admin/sla/versions',
    { schema: { tags: ['deadlines'], summary: 'All deadline settings versions, newest first', response: { 200: Type.Object({ items: Type.Array(Settings) }), ...E } } },
    async (request) => ({ items: await listDeadlineSettingsVersions(ctx, requireActor(request)) }),
  );

  app.put(
    '/admin/sla',
    { schema: { tags: ['deadlines'], summary: 'Store a new settings version (policy rules, thresholds, office hours, local calendar, supervision)', body: SettingsPatch, response: { 200: Settings, ...E } } },
    async (request) => updateDeadlineSettings(ctx, requireActor(request), request.body),
  );

  app.get(
    '/admin/calendar',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'The working calendar of a year: every day with its kind (workday, weekend, statutory holiday, make-up workday), source and holiday name',
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: CALENDAR_YEARS.min, maximum: CALENDAR_YEARS.max, description: 'Default: the current year in Asia/Shanghai' })) },
          { additionalProperties: false },
        ),
        response: { 200: WorkingCalendarYear, ...E },
      },
    },
    async (request) => getWorkingCalendar(ctx, requireActor(request), { year: request.query.year }),
  );

  app.get('/admin/emergency', { schema: { tags: ['deadlines'], summary: 'Emergency response mode (一级响应)', response: { 200: Emergency, ...E } } }, async (request) => {
    requireActor(request);
    return getEmergencyMode(ctx);
  });

  app.put(
    '/admin/emergency',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Switch emergency response on (with a tag, e.g. 涉疫) or off',
        body: Type.Object({ active: Type.Boolean(), tag: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])) }, { additionalProperties: false }),
        response: { 200: Emergency, ...E },
      },
    },
    async (request) => setEmergencyMode(ctx, requireActor(request), request.body),
  );

  app.post('/admin/sweep', { schema: { tags: ['deadlines'], summary: 'Run the deadline sweep now and report what it did', response: { 200: SweepReport, ...E } } }, async (request) => {
    requireAdmin(requireActor(request));
    return sweepDeadlines({ db: ctx.db, clock: ctx.clock, ids: ctx.ids, events: ctx.events, workers: ctx.db.engine === 'postgres' ? 2 : 1 });
  });

  app.get(
    '/supervision/board',
    {
      schema: {
        tags: ['deadlines'],
        summary: '督办看板: open orders by colour and unit, and the longest overdue',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false }),
        response: { 200: Board, ...E },
      },
    },
    async (request) => supervisionBoard(ctx, requireActor(request), { limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/supervision/queue',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'The most urgent open orders: emergency-tagged first, then the nearest deadline',
        querystring: Type.Object(
          { unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(QueueItem) }), ...E },
      },
    },
    async (request) => {
      const unitId = unitScope(requireActor(request), request.query.unitId);
      return { items: await supervisionQueue(ctx, unitId, request.query.limit ?? 50) };
    },
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Supervision notices sent to units (督办通知)',
        querystring: Type.Object(
          {
            unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            ticketId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Notification) }), ...E },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unitId = unitScope(actor, request.query.unitId);
      return {
        items: await listNotifications(ctx, {
          ...(unitId ? { unitId } : {}),
          ...(request.query.ticketId ? { ticketId: request.query.ticketId } : {}),
          limit: request.query.limit ?? 50,
        }),
      };
    },
  );
}
