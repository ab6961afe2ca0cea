import { Type, type Static } from 'typebox';
import { CLOSURES, STATUSES } from '../../platform/events/order';
import { TicketEventSchema } from '../../platform/events/order-events';
import { Channel, Enum, Id, Nullable, Satisfaction, Status, Text, Urgency } from '../../platform/http/schemas';
import type { OrderViewExtension } from '../../platform/module';
import { ACTION_NAMES } from './domain/commands';

export { ActionBody } from './domain/commands';

export const AttachmentMeta = Type.Object({ id: Type.String(), filename: Type.String(), contentType: Type.String(), size: Type.Integer() });

export const Phone = Type.String({ maxLength: 20, pattern: '^[0-9+\\- ]{3,20}$' });
export const Location = Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 20 });
export const AttachmentIds = Type.Array(Id, { maxItems: 20, uniqueItems: true });

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

export const TicketQueryBase = Type.Object(
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
  },
  { additionalProperties: false },
);


/** An order as one viewer may see it. Modules add fields to it (deadlines, warning: see `ticketViewSchema`). */
export const TicketViewBase = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: Status,
  version: Type.Integer(),
  channel: Channel,
  title: Type.String(),
  content: Type.String(),
  caller: Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  address: Nullable(Type.String()),
  location: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() })),
  categoryCode: Nullable(Type.String()),
  urgency: Urgency,
  tags: Type.Array(Type.String()),
  receivedAt: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  externalRef: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  citizenUserId: Nullable(Type.String()),
  leadUnitId: Nullable(Type.String()),
  coUnitIds: Type.Array(Type.String()),
  closure: Nullable(Enum(CLOSURES)),
  mergedInto: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  reply: Nullable(
    Type.Object({ text: Type.String(), resolved: Type.Boolean(), at: Type.String(), by: Type.String(), unitId: Nullable(Type.String()), attachmentIds: Type.Array(Type.String()) }),
  ),
  satisfaction: Nullable(Satisfaction),
  pendingExtension: Nullable(Type.Object({ hours: Type.Integer(), reason: Type.String(), requestedAt: Type.String(), requestedBy: Type.String() })),
  redispatchCount: Type.Integer(),
  returnCount: Type.Integer(),
  attachments: Type.Array(AttachmentMeta),
  allowedActions: Type.Array(Enum(ACTION_NAMES)),
  events: Type.Optional(Type.Array(TicketEventSchema)),
});

/** The order view with what the modules add, for the response schemas (extra fields stay allowed). */
export const ticketViewSchema = (views: readonly OrderViewExtension[]) =>
  Type.Object(
    { ...TicketViewBase.properties, ...Object.fromEntries(views.flatMap((v) => Object.entries(v.fields ?? {})).map(([k, s]) => [k, Type.Optional(s)])) },
    { additionalProperties: true },
  );

export const ticketPageSchema = (views: readonly OrderViewExtension[]) =>
  Type.Object({ items: Type.Array(ticketViewSchema(views)), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const AttachmentBody = Type.Object(
  {
    filename: Text(200),
    contentType: Text(100),
    dataBase64: Type.String({ minLength: 1, maxLength: 7 * 1024 * 1024, description: 'The file, base64-encoded (at most 5 MB decoded)' }),
  },
  { additionalProperties: false },
);


/** GET /tickets: our parameters, a sort of ours or a module's, and each module's own parameters. */
export const ticketQuerySchema = (views: readonly OrderViewExtension[]) => {
  const sorts = ['received_desc', 'received_asc', 'updated_desc', ...views.flatMap((v) => Object.keys(v.sorts ?? {}))];
  return Type.Object(
    {
      ...TicketQueryBase.properties,
      sort: Type.Optional(Enum(sorts, 'received_desc (default), received_asc, updated_desc, and the sorts the modules add (due_asc, urgency_desc)')),
      ...Object.fromEntries(views.flatMap((v) => Object.entries(v.query ?? {})).map(([k, s]) => [k, Type.Optional(s)])),
    },
    { additionalProperties: false },
  );
};

export type NewTicketBodyT = Static<typeof NewTicketBody>;
export type TicketViewBaseT = Static<typeof TicketViewBase>;
