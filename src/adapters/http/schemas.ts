import { Type, type Static } from 'typebox';
import { ROLES, UNIT_KINDS } from '../../domain/roles';
import { ACTION_NAMES } from '../../domain/ticket/commands';
import { CHANNELS, EVENT_TYPES, SATISFACTIONS, STATUSES, URGENCIES } from '../../domain/ticket/ticket';

const Enum = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const Id = Type.String({ minLength: 1, maxLength: 100 });
export const IdParams = Type.Object({ id: Id });
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ErrorBody = Type.Object({
  code: Type.String({ description: 'Stable error code, e.g. TICKET.ILLEGAL_TRANSITION (see docs/api.md)' }),
  message: Type.String(),
  field: Type.Optional(Type.String({ description: 'The offending field, as a dotted path' })),
  details: Type.Optional(Type.Object({}, { additionalProperties: true })),
});

export const Role = Enum(ROLES);
export const UnitKind = Enum(UNIT_KINDS);
export const Channel = Enum(CHANNELS);
export const Urgency = Enum(URGENCIES);
export const Satisfaction = Enum(SATISFACTIONS);
export const Status = Enum(STATUSES);

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Role),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  createdAt: Type.String(),
});

export const LoginBody = Type.Object(
  { username: Text(64), password: Text(200) },
  { additionalProperties: false },
);

export const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' }),
    password: Type.String({ minLength: 8, maxLength: 200 }),
    displayName: Text(100),
    roles: Type.Array(Role, { minItems: 1, uniqueItems: true }),
    unitId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);

export const UserChangesBody = Type.Object(
  {
    displayName: Type.Optional(Text(100)),
    roles: Type.Optional(Type.Array(Role, { minItems: 1, uniqueItems: true })),
    unitId: Type.Optional(Type.Union([Id, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AuditEntry = Type.Object({
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  fromState: Type.Unknown(),
  toState: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export const Unit = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  kind: UnitKind,
  parentId: Type.Union([Type.String(), Type.Null()]),
  divisionCode: Type.Union([Type.String(), Type.Null()]),
});

export const NewUnitBody = Type.Object(
  {
    name: Text(100),
    nameEn: Type.Optional(Type.String({ maxLength: 200 })),
    kind: UnitKind,
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    divisionCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{2,12}$' }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const Category = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  level: Type.Integer(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  unitHint: Type.Union([Type.String(), Type.Null()]),
});

const Phone = Type.String({ maxLength: 20, pattern: '^[0-9+\\- ]{3,20}$' });
const Location = Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 20 });
const AttachmentIds = Type.Array(Id, { maxItems: 20, uniqueItems: true });

export const NewTicketBody = Type.Object(
  {
    channel: Channel,
    content: Text(5000, 'What the citizen asks or reports'),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    caller: Type.Optional(
      Type.Union([
        Type.Object({ name: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])), phone: Type.Optional(Type.Union([Phone, Type.Null()])) }, { additionalProperties: false }),
        Type.Null(),
      ]),
    ),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    location: Type.Optional(Type.Union([Location, Type.Null()])),
    categoryCode: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{2,6}$' }), Type.Null()])),
    urgency: Type.Optional(Urgency),
    tags: Type.Optional(Tags),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the request reached the hotline (imports); defaults to now' })),
    externalRef: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    attachmentIds: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);

export const TicketQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ pattern: `^(${STATUSES.join('|')})(,(${STATUSES.join('|')}))*$`, description: 'One status or several, comma-separated' })),
    unitId: Type.Optional(Id),
    categoryCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,6}$', description: 'Matches the category and its subtree' })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    channel: Type.Optional(Channel),
    urgency: Type.Optional(Urgency),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'receivedAt ≥ from' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'receivedAt < to' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Text in number, title, content or address' })),
    phone: Type.Optional(Phone),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    sort: Type.Optional(Enum(['received_desc', 'received_asc', 'updated_desc', 'due_asc', 'urgency_desc'] as const, 'due_asc: nearest running deadline first; urgency_desc: emergency, urgent, normal, then by deadline')),
    warning: Type.Optional(Enum(['none', 'yellow', 'orange', 'red'] as const, 'Warning colour now (三色预警)')),
    dueWithinHours: Type.Optional(Type.Number({ minimum: 0, maximum: 8760, description: 'Running deadline within N hours from now (overdue included)' })),
  },
  { additionalProperties: false },
);

const EventSchema = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  type: Enum(EVENT_TYPES),
  at: Type.String(),
  actor: Type.Object({ id: Type.String(), name: Type.String(), roles: Type.Array(Type.String()), unitId: Type.Union([Type.String(), Type.Null()]), kind: Type.String() }),
  fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.String(),
  payload: Type.Object({}, { additionalProperties: true }),
});

export const AttachmentMeta = Type.Object({ id: Type.String(), filename: Type.String(), contentType: Type.String(), size: Type.Integer() });

// Open to extra properties: later features (deadlines, warnings, suggestions) add fields to the view.
export const TicketView = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    status: Status,
    version: Type.Integer(),
    channel: Type.String(),
    title: Type.String(),
    content: Type.String(),
    caller: Type.Union([Type.Object({ name: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    location: Type.Union([Type.Object({ lat: Type.Number(), lng: Type.Number() }), Type.Null()]),
    categoryCode: Type.Union([Type.String(), Type.Null()]),
    urgency: Type.String(),
    tags: Type.Array(Type.String()),
    receivedAt: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    externalRef: Type.Union([Type.String(), Type.Null()]),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    citizenUserId: Type.Union([Type.String(), Type.Null()]),
    leadUnitId: Type.Union([Type.String(), Type.Null()]),
    coUnitIds: Type.Array(Type.String()),
    closure: Type.Union([Type.String(), Type.Null()]),
    mergedInto: Type.Union([Type.String(), Type.Null()]),
    answer: Type.Union([Type.String(), Type.Null()]),
    reply: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    satisfaction: Type.Union([Type.String(), Type.Null()]),
    pendingExtension: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    redispatchCount: Type.Integer(),
    returnCount: Type.Integer(),
    attachments: Type.Array(AttachmentMeta),
    allowedActions: Type.Array(Enum(ACTION_NAMES)),
    events: Type.Optional(Type.Array(EventSchema)),
    deadlines: Type.Optional(
      Type.Union([
        Type.Object({
          signBy: Type.String(),
          replyBy: Type.String({ description: 'Including approved extensions' }),
          originalReplyBy: Type.String(),
          policyVersion: Type.Integer(),
          countFrom: Type.String({ description: 'receivedAt for the first dispatch; the re-dispatch time after a return or an unsatisfied callback' }),
          signedAt: Type.Union([Type.String(), Type.Null()]),
          dueAt: Type.Union([Type.String(), Type.Null()], { description: 'The deadline running now; null when no unit clock runs' }),
        }),
        Type.Null(),
      ]),
    ),
    warning: Type.Optional(Enum(['none', 'yellow', 'orange', 'red'] as const, 'Warning colour at the moment of reading')),
  },
  { additionalProperties: true },
);

export const TicketPage = Type.Object({ items: Type.Array(TicketView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

const actionVariant = (action: string, props: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required: ['action', 'expectedVersion', ...required],
  properties: { action: { const: action }, expectedVersion: { type: 'integer', minimum: 1 }, ...props },
});
const str = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const optStr = (max: number) => ({ type: 'string', maxLength: max });

/** One body per action, told apart by `action` (OpenAPI discriminator), so errors name the right field. */
export const ActionBody = Type.Unsafe<{ action: string; expectedVersion: number } & Record<string, unknown>>({
  type: 'object',
  required: ['action'],
  discriminator: { propertyName: 'action' },
  oneOf: [
    actionVariant('answer', { answer: str(5000) }, ['answer']),
    actionVariant('dispatch', { leadUnitId: str(100), coUnitIds: { type: 'array', items: str(100), maxItems: 20, uniqueItems: true }, note: optStr(2000) }, ['leadUnitId']),
    actionVariant('sign', {}),
    actionVariant('return', { reason: str(2000) }, ['reason']),
    actionVariant('request_extension', { hours: { type: 'integer', minimum: 1, maximum: 1440 }, reason: str(2000) }, ['hours', 'reason']),
    actionVariant('decide_extension', { approve: { type: 'boolean' }, note: optStr(2000) }, ['approve']),
    actionVariant('reply', { reply: str(5000), resolved: { type: 'boolean' }, attachmentIds: { type: 'array', items: str(100), maxItems: 20, uniqueItems: true } }, ['reply', 'resolved']),
    actionVariant('approve_reply', { note: optStr(2000) }),
    actionVariant('reject_reply', { reason: str(2000) }, ['reason']),
    actionVariant('callback', { satisfaction: { type: 'string', enum: [...SATISFACTIONS] }, note: optStr(2000), redispatch: { type: 'boolean' } }, ['satisfaction']),
    actionVariant('merge', { intoTicketId: str(100) }, ['intoTicketId']),
    actionVariant('invalidate', { reason: str(2000) }, ['reason']),
    actionVariant('comment', { text: str(5000) }, ['text']),
    actionVariant('supervise', { note: str(2000) }, ['note']),
  ],
});

export const AttachmentBody = Type.Object(
  {
    filename: Text(200),
    contentType: Text(100),
    dataBase64: Type.String({ minLength: 1, maxLength: 7 * 1024 * 1024, description: 'The file, base64-encoded (at most 5 MB decoded)' }),
  },
  { additionalProperties: false },
);

export const PublicRequestBody = Type.Object(
  {
    content: Text(5000),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    caller: Type.Object({ name: Type.Optional(Type.String({ maxLength: 50 })), phone: Phone }, { additionalProperties: false }),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    location: Type.Optional(Location),
    attachmentIds: Type.Optional(AttachmentIds),
    channel: Type.Optional(Enum(['web', 'mobile', 'wechat'] as const)),
  },
  { additionalProperties: false },
);

export const CitizenView = Type.Object({
  number: Type.String(),
  status: Status,
  title: Type.String(),
  content: Type.String(),
  createdAt: Type.String(),
  reply: Type.Union([Type.Object({ text: Type.String(), at: Type.String() }), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  satisfaction: Type.Union([Type.String(), Type.Null()]),
  canRate: Type.Boolean(),
  timeline: Type.Array(Type.Object({ type: Type.String(), at: Type.String() })),
});

export type NewTicketBodyT = Static<typeof NewTicketBody>;
export { DateTime, Nullable };
