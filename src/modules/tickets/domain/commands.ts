import { Type, type Static } from 'typebox';
import { SATISFACTIONS } from '../../../platform/events/order';

// Every action a person (or the system) can take on an existing work order, defined once as JSON schemas: the
// HTTP body of POST /tickets/{id}/actions, the domain's command type and the console's types derive from these.

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Note = Type.Optional(Type.String({ maxLength: 2000 }));
const Ids = Type.Array(Text(100), { maxItems: 20, uniqueItems: true });
const Satisfaction = Type.Enum(SATISFACTIONS, { type: 'string' });
const Version = { expectedVersion: Type.Integer({ minimum: 1, description: 'The version the caller saw; a stale one is refused (409)' }) };

const variant = <A extends string, P extends Record<string, import('typebox').TSchema>>(action: A, fields: P) =>
  Type.Object({ action: Type.Literal(action), ...Version, ...fields }, { additionalProperties: false });

/** The body of each action a signed-in user takes, told apart by `action`. */
const STAFF_ACTIONS = [
  variant('answer', { answer: Text(5000) }),
  variant('dispatch', { leadUnitId: Text(100), coUnitIds: Type.Optional(Ids), note: Note }),
  variant('sign', {}),
  variant('return', { reason: Text(2000) }),
  variant('request_extension', { hours: Type.Integer({ minimum: 1, maximum: 1440 }), reason: Text(2000) }),
  variant('decide_extension', { approve: Type.Boolean(), note: Note }),
  variant('reply', { reply: Text(5000), resolved: Type.Boolean(), attachmentIds: Type.Optional(Ids) }),
  variant('approve_reply', { note: Note }),
  variant('reject_reply', { reason: Text(2000) }),
  variant('callback', { satisfaction: Satisfaction, note: Note, redispatch: Type.Optional(Type.Boolean()) }),
  variant('merge', { intoTicketId: Text(100) }),
  variant('invalidate', { reason: Text(2000) }),
  variant('comment', { text: Text(5000) }),
  variant('supervise', { note: Text(2000) }),
] as const;

/** The citizen's own rating, taken on the portal (not through POST /tickets/{id}/actions). */
const RATE = variant('rate', { satisfaction: Satisfaction, comment: Note });

// in the workflow's order (docs/workflow.md lists them so): rate follows callback
export const ACTION_VARIANTS = [...STAFF_ACTIONS.slice(0, 10), RATE, ...STAFF_ACTIONS.slice(10)] as const;

/** POST /tickets/{id}/actions: one variant per action; Ajv picks the variant by `action` (discriminator). */
export const ActionBody = Type.Union([...STAFF_ACTIONS], { discriminator: { propertyName: 'action' } });

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type WithVersion = Static<(typeof ACTION_VARIANTS)[number]>;

export type TicketCommand = DistributiveOmit<WithVersion, 'expectedVersion'>;
export type ActionName = TicketCommand['action'];
export const ACTION_NAMES = ACTION_VARIANTS.map((v) => v.properties.action.const) as readonly ActionName[];

/** Splits an action body into the command and the version the caller saw. */
export function commandOf(body: WithVersion): { command: TicketCommand; expectedVersion: number } {
  const { expectedVersion, ...command } = body;
  return { command: command as TicketCommand, expectedVersion };
}
