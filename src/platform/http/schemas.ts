import { Type, type TSchema } from 'typebox';
import { CHANNELS, SATISFACTIONS, STATUSES, URGENCIES } from '../events/order';
import { ROLES, UNIT_KINDS } from '../roles';

// Schema pieces every module's routes share. A module's own request and response schemas live in its
// `schemas.ts`; the console derives its API types from those files.

/** A string enum: `{type: 'string', enum}` in the OpenAPI document, the union of its values in TypeScript. */
export const Enum = <const T extends string[]>(values: readonly [...T], description?: string) =>
  Type.Enum(values, { type: 'string', ...(description ? { description } : {}) });

export const Id = Type.String({ minLength: 1, maxLength: 100 });
export const IdParams = Type.Object({ id: Id });
export const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
export const DateTime = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

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
