import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { ROLES } from '../roles';
import { SATISFACTIONS, STATUSES, type Status } from './order';

// The published language of an order's history: every event type, its payload, and the payload's version.
// Defined once here; the store, the use cases, the readers (outbox, aggregates, NATS) and the console's types
// all derive from these schemas. A payload change that is not backward compatible gets a new version and an
// upcaster in `upcast` below, so readers of old rows keep working.

const Str = Type.String();
const NullableStr = Type.Union([Type.String(), Type.Null()]);
const Ids = Type.Array(Type.String());
const SatisfactionT = Type.Enum(SATISFACTIONS, { type: 'string' });

const open = { additionalProperties: false } as const;

/** A dispatch the system made (smart intake): the model's calibrated score and the threshold it cleared. */
const AutomaticDispatch = {
  automatic: Type.Optional(Type.Boolean()),
  score: Type.Optional(Type.Number()),
  threshold: Type.Optional(Type.Number()),
  modelVersion: Type.Optional(Type.Integer()),
};

export const ORDER_EVENT_PAYLOADS = {
  created: Type.Object({ channel: Str, receivedAt: Str, idempotencyKey: NullableStr }, open),
  answered: Type.Object({ answer: Str }, open),
  dispatched: Type.Object({ leadUnitId: Str, coUnitIds: Ids, note: NullableStr, ...AutomaticDispatch }, open),
  signed: Type.Object({ unitId: NullableStr }, open),
  returned: Type.Object({ unitId: NullableStr, reason: Str }, open),
  extension_requested: Type.Object({ hours: Type.Integer({ minimum: 1 }), reason: Str }, open),
  extension_decided: Type.Object({ approve: Type.Boolean(), hours: Type.Integer(), note: NullableStr }, open),
  replied: Type.Object({ reply: Str, resolved: Type.Boolean(), unitId: NullableStr, attachmentIds: Ids }, open),
  reply_approved: Type.Object({ note: NullableStr }, open),
  reply_rejected: Type.Object({ reason: Str }, open),
  callback_recorded: Type.Object({ satisfaction: SatisfactionT, note: NullableStr, redispatch: Type.Boolean() }, open),
  redispatched: Type.Object({ leadUnitId: Str, coUnitIds: Ids }, open),
  rated: Type.Object({ satisfaction: SatisfactionT, comment: NullableStr }, open),
  merged: Type.Object({ intoTicketId: Str }, open),
  invalidated: Type.Object({ reason: Str }, open),
  commented: Type.Object({ text: Str }, open),
  supervised: Type.Union([
    // a supervisor's own 督办
    Type.Object({ level: Type.Literal('manual'), note: Str }, open),
    // automatic supervision by the deadline sweep: the first (supervise) and each later escalation
    Type.Object(
      {
        level: Type.Literal('red'),
        automatic: Type.Literal(true),
        action: Type.Union([Type.Literal('supervise'), Type.Literal('escalate')]),
        round: Type.Integer(),
        dueAt: NullableStr,
        notifiedUnitIds: Ids,
      },
      open,
    ),
  ]),
  // recorded by the deadlines module: a deadline set, met, moved or cleared
  deadline_changed: Type.Object(
    {
      reason: Type.Enum(['dispatched', 'redispatched', 'signed', 'extended', 'returned'], { type: 'string' }),
      signBy: NullableStr,
      replyBy: NullableStr,
      originalReplyBy: NullableStr,
      policyVersion: Type.Union([Type.Integer(), Type.Null()]),
      unitId: Type.Optional(NullableStr),
      urgency: Type.Optional(Str),
      signedLate: Type.Optional(Type.Boolean()),
      hours: Type.Optional(Type.Number()),
    },
    open,
  ),
} satisfies Record<string, TSchema>;

export type OrderEventType = keyof typeof ORDER_EVENT_PAYLOADS;
export const EVENT_TYPES = Object.keys(ORDER_EVENT_PAYLOADS) as OrderEventType[];
export type PayloadOf<T extends OrderEventType> = Static<(typeof ORDER_EVENT_PAYLOADS)[T]>;

/** The payload version written today, per type. Raise it (and add an upcaster) when a payload changes shape. */
export const PAYLOAD_VERSIONS: Record<OrderEventType, number> = Object.fromEntries(EVENT_TYPES.map((t) => [t, 1])) as Record<OrderEventType, number>;

export const EventActor = Type.Object({
  id: Str,
  name: Str,
  roles: Type.Array(Type.Enum(ROLES, { type: 'string' })),
  unitId: NullableStr,
  kind: Type.Union([Type.Literal('user'), Type.Literal('system'), Type.Literal('public')]),
});
export type EventActor = Static<typeof EventActor>;

interface Envelope {
  id: string;
  ticketId: string;
  /** 1, 2, 3 … within the order. */
  seq: number;
  at: string;
  actor: EventActor;
  fromStatus: Status | null;
  toStatus: Status;
}

/** One recorded event of an order: the discriminated union over `type`, with its typed payload. */
export type TicketEvent = { [T in OrderEventType]: Envelope & { type: T; payload: PayloadOf<T> } }[OrderEventType];
export type EventOf<T extends OrderEventType> = Extract<TicketEvent, { type: T }>;

/** An event before the log stamps it with id and sequence. */
export type OrderEventDraft = { [T in OrderEventType]: Omit<Envelope, 'id' | 'ticketId' | 'seq'> & { type: T; payload: PayloadOf<T> } }[OrderEventType];

/**
 * The same event as the wire shows it. The payload is described per type by ORDER_EVENT_PAYLOADS (and typed by
 * `TicketEvent`, which the console imports); on the wire it is an object whose shape its `type` decides.
 */
export const TicketEventSchema = Type.Object({
  id: Str,
  seq: Type.Integer(),
  type: Type.Enum(EVENT_TYPES, { type: 'string' }),
  at: Str,
  actor: EventActor,
  fromStatus: Type.Union([Type.Enum(STATUSES, { type: 'string' }), Type.Null()]),
  toStatus: Type.Enum(STATUSES, { type: 'string' }),
  payload: Type.Record(Type.String(), Type.Unknown(), { description: 'Shaped by `type`: see ORDER_EVENT_PAYLOADS in src/platform/events/order-events.ts' }),
});

const checkers = Object.fromEntries(EVENT_TYPES.map((t) => [t, Compile(ORDER_EVENT_PAYLOADS[t])])) as {
  [T in OrderEventType]: ReturnType<typeof Compile<(typeof ORDER_EVENT_PAYLOADS)[T]>>;
};

/** Refuses a payload that does not match its type's schema: a programming error, caught before it is stored. */
export function assertPayload(type: OrderEventType, payload: unknown): void {
  const checker = checkers[type];
  if (checker.Check(payload)) return;
  const first = [...checker.Errors(payload)][0];
  throw new Error(`event ${type}: payload does not match its schema (${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid'})`);
}

/**
 * Brings a stored payload of an older version up to the current shape. Version 1 is the first typed version;
 * rows written before the union existed are version 1 and already match it.
 */
export function upcast(type: OrderEventType, version: number, payload: unknown): unknown {
  if (version > PAYLOAD_VERSIONS[type]) throw new Error(`event ${type}: payload version ${version} is newer than this server (${PAYLOAD_VERSIONS[type]})`);
  return payload;
}
