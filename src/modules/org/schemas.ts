import { Type } from 'typebox';
import { Id, Text, UnitKind } from '../../platform/http/schemas';

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

