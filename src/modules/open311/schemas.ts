import { Type } from 'typebox';
import { Enum, Nullable, Text } from '../../platform/http/schemas';
import { DATATYPES } from './domain/service';

// The admin API's request and response schemas (the console derives its types from them).

export const ClientView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  keyPrefix: Type.String({ description: 'The first characters of the key, to tell keys apart' }),
  createdAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
  requests: Type.Integer({ description: 'Requests it filed that became orders' }),
});

export const NewClientBody = Type.Object({ name: Text(100, 'The client app, e.g. 随手拍 App, FixMyStreet') }, { additionalProperties: false });

export const CreatedClient = Type.Intersect([ClientView, Type.Object({ apiKey: Type.String({ description: 'Shown once: only its hash is stored' }) })]);

export const AttributeSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64 }),
    variable: Type.Boolean({ description: 'true: the user answers it; false: it only informs' }),
    datatype: Enum([...DATATYPES]),
    required: Type.Boolean(),
    datatypeDescription: Nullable(Type.String({ maxLength: 500 })),
    order: Type.Integer({ minimum: 1, maximum: 1000 }),
    description: Type.String({ minLength: 1, maxLength: 500 }),
    values: Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 100 }), name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }), { maxItems: 200 }),
  },
  { additionalProperties: false },
);

export const ServiceView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  group: Type.String(),
  path: Type.Array(Type.String()),
  description: Type.String(),
  keywords: Type.String(),
  serviceNotice: Nullable(Type.String()),
  private: Type.Boolean({ description: 'Orders of this service are never listed by GET requests' }),
  attributes: Type.Array(AttributeSchema),
  version: Type.Integer({ description: '0 while the defaults apply' }),
  updatedAt: Nullable(Type.String()),
});

export const ServiceEditBody = Type.Object(
  {
    description: Nullable(Type.String({ maxLength: 1000, description: 'Blank or null: the default (the category path)' })),
    keywords: Nullable(Type.String({ maxLength: 500 })),
    serviceNotice: Nullable(Type.String({ maxLength: 1000, description: 'What the hotline will do (shown with every request of this service)' })),
    private: Type.Boolean(),
    attributes: Type.Array(AttributeSchema, { maxItems: 50 }),
    expectedVersion: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const Mode = Enum(['realtime', 'batch'], 'realtime: POST requests answers with the order number; batch: with a token, the order is registered in the background');

export const SettingsView = Type.Object({ mode: Mode, updatedAt: Nullable(Type.String()), updatedBy: Nullable(Type.String()), jurisdictionId: Type.String(), endpoint: Type.String() });
