// HTTP shapes of contacts (联系人).
import { Type } from 'typebox';
import { Nullable } from '../reference/reference-schemas';

const Role = Type.Union(
  ['finance', 'purchasing', 'owner', 'legal_rep', 'guarantor', 'sales', 'other'].map((r) => Type.Literal(r)),
);

export const Contact = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  name: Type.String(),
  role: Type.String(),
  title: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  email: Nullable(Type.String()),
  wechat: Nullable(Type.String()),
  channels: Type.Object({
    email: Type.Boolean(),
    sms: Type.Boolean(),
    phone: Type.Boolean(),
    letter: Type.Boolean(),
  }),
  doNotContact: Type.Boolean(),
  preferredHours: Nullable(Type.String({ description: 'e.g. 09:00-18:00' })),
  language: Nullable(Type.String()),
  isPrimary: Type.Boolean(),
});

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: Role,
  title: Nullable(Type.String({ maxLength: 100 })),
  phone: Nullable(Type.String({ maxLength: 50 })),
  mobile: Nullable(Type.String({ maxLength: 50 })),
  email: Nullable(Type.String({ maxLength: 200 })),
  wechat: Nullable(Type.String({ maxLength: 100 })),
  channels: Type.Object(
    {
      email: Type.Optional(Type.Boolean()),
      sms: Type.Optional(Type.Boolean()),
      phone: Type.Optional(Type.Boolean()),
      letter: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
  doNotContact: Type.Boolean(),
  preferredHours: Nullable(Type.String({ maxLength: 11 })),
  language: Nullable(Type.String({ maxLength: 35 })),
  isPrimary: Type.Boolean(),
};

const optional = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)]));

export const CreateContactBody = Type.Object(
  { ...optional, name: fields.name },
  { additionalProperties: false },
);
export const UpdateContactBody = Type.Object(optional, { additionalProperties: false });
