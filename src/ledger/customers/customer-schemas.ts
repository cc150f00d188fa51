// HTTP shapes of customers (客户), as in the API contract.
import { Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination';
import { MinorUnits } from '../../platform/http/schemas';
import { Contact } from '../contacts/contact-schemas';
import { Nullable } from '../reference/reference-schemas';

const StaffRef = Nullable(Type.Object({ id: Type.Integer(), displayName: Type.String() }));

export const Balance = Type.Object({
  currency: Type.String(),
  openAmount: MinorUnits,
  overdueAmount: MinorUnits,
  openCount: Type.Integer(),
  overdueCount: Type.Integer(),
});

const summaryFields = {
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  taxId: Nullable(Type.String()),
  region: Nullable(Type.String()),
  country: Type.String(),
  segment: Nullable(Type.String()),
  language: Type.String(),
  timeZone: Type.String(),
  paymentTermsDays: Nullable(Type.Integer()),
  collector: StaffRef,
  salesperson: StaffRef,
  balances: Type.Array(Balance, { description: 'one entry per currency with open invoices' }),
  unapplied: Type.Array(Type.Object({ currency: Type.String(), amount: MinorUnits }), {
    description: 'unapplied payments and credit notes (未核销) per currency',
  }),
};

export const CustomerSummary = Type.Object(summaryFields);

export const CustomerDetail = Type.Object({
  ...summaryFields,
  parent: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  contacts: Type.Array(Contact),
  oldestOverdueDays: Type.Integer(),
  lastPaymentDate: Nullable(Type.String()),
});

export const CustomerListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 200, description: 'code prefix, name substring or tax id' })),
  region: Type.Optional(Type.String()),
  segment: Type.Optional(Type.String()),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
  collectorId: Type.Optional(Type.Integer({ minimum: 1 })),
  salespersonId: Type.Optional(Type.Integer({ minimum: 1 })),
  overdue: Type.Optional(Type.Boolean({ description: 'only customers with an overdue open invoice' })),
  sort: Type.Optional(
    Type.String({
      description:
        'code | name | open | overdue, - first for descending (default code). open and overdue: the open and ' +
        "overdue invoice amounts of every currency converted to the first entity's base currency at today's " +
        'rate; a customer with an amount that has no rate sorts as -1 (below every known amount)',
    }),
  ),
});

export const CustomerPage = Page(CustomerSummary);

const editable = {
  code: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  taxId: Nullable(Type.String({ maxLength: 50 })),
  parentId: Nullable(Type.Integer({ minimum: 1 })),
  region: Nullable(Type.String({ maxLength: 100 })),
  country: Type.String({ description: 'ISO 3166 alpha-2' }),
  timeZone: Type.String({ description: 'IANA time zone' }),
  language: Type.String({ description: 'e.g. zh-CN, en' }),
  segment: Nullable(Type.String({ maxLength: 100 })),
  paymentTermsDays: Nullable(Type.Integer({ minimum: 0, maximum: 3650 })),
  collectorId: Nullable(Type.Integer({ minimum: 1 })),
  salespersonId: Nullable(Type.Integer({ minimum: 1 })),
  attributes: Type.Record(Type.String(), Type.Unknown()),
};

export const CreateCustomerBody = Type.Object(
  {
    ...Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, Type.Optional(v)])),
    code: editable.code,
    name: editable.name,
  },
  { additionalProperties: false },
);

export const UpdateCustomerBody = Type.Object(
  Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, Type.Optional(v)])),
  { additionalProperties: false },
);
