import { Type } from 'typebox';
import { Enum, Satisfaction, Status, Text } from '../../platform/http/schemas';
import { AttachmentIds, Location, Phone } from '../tickets';

export const PublicRequestBody = Type.Object(
  {
    content: Text(5000),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    caller: Type.Object({ name: Type.Optional(Type.String({ maxLength: 50 })), phone: Phone }, { additionalProperties: false }),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    location: Type.Optional(Location),
    attachmentIds: Type.Optional(AttachmentIds),
    channel: Type.Optional(Enum(['web', 'mobile', 'wechat'])),
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
  satisfaction: Type.Union([Satisfaction, Type.Null()]),
  canRate: Type.Boolean(),
  timeline: Type.Array(Type.Object({ type: Type.String(), at: Type.String() })),
});

