import { Type } from 'typebox';
import { Id, Role, Text } from '../../platform/http/schemas';

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

