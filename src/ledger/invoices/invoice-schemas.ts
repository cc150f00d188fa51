// HTTP shapes of invoices (应收单), as in the API contract.
import { Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination';
import { CurrencyCode, IsoDate, MinorUnits } from '../../platform/http/schemas';
import { Nullable } from '../reference/reference-schemas';

const summaryFields = {
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityCode: Type.String(),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  number: Type.String(),
  issueDate: Type.String(),
  dueDate: Type.String(),
  currency: Type.String(),
  amount: MinorUnits,
  allocatedAmount: MinorUnits,
  openAmount: MinorUnits,
  daysPastDue: Type.Integer({ description: 'as of today in the business time zone; 0 when not due or paid' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('overdue'), Type.Literal('paid')]),
  disputed: Type.Boolean(),
  orderNumber: Nullable(Type.String()),
  description: Nullable(Type.String()),
};

export const InvoiceSummary = Type.Object(summaryFields);

export const InvoiceDetail = Type.Object({
  ...summaryFields,
  allocations: Type.Array(
    Type.Object({
      id: Type.Integer(),
      amount: MinorUnits,
      effectiveOn: Type.String(),
      reversedOn: Nullable(Type.String()),
      method: Type.String(),
      source: Type.Object({
        kind: Type.Union([Type.Literal('payment'), Type.Literal('credit_note'), Type.Literal('write_off')]),
        id: Type.Integer(),
        reference: Type.String(),
      }),
    }),
  ),
});

export const InvoicePage = Page(InvoiceSummary);

export const InvoiceListQuery = Type.Object({
  ...PageQuery,
  customerId: Type.Optional(Type.Integer({ minimum: 1 })),
  entityId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('overdue'), Type.Literal('paid'), Type.Literal('all')], {
      description: 'open = anything left to pay (overdue included); overdue = open and past due; default all',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'invoice number contains' })),
  dueFrom: Type.Optional(IsoDate),
  dueTo: Type.Optional(IsoDate),
  currency: Type.Optional(CurrencyCode),
  disputed: Type.Optional(Type.Boolean()),
  sort: Type.Optional(
    Type.String({
      description:
        'dueDate | issueDate | amount | openAmount | number, "-" prefix for descending (default dueDate)',
    }),
  ),
});

export const CreateInvoiceBody = Type.Object(
  {
    entityId: Type.Optional(Type.Integer({ minimum: 1 })),
    entityCode: Type.Optional(Type.String({ minLength: 1 })),
    customerId: Type.Optional(Type.Integer({ minimum: 1 })),
    customerCode: Type.Optional(Type.String({ minLength: 1 })),
    number: Type.String({ minLength: 1, maxLength: 100 }),
    issueDate: IsoDate,
    dueDate: Type.Optional(IsoDate),
    currency: CurrencyCode,
    amount: Type.Integer({ minimum: 1, description: 'minor units (分/cents)' }),
    orderNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    disputed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateInvoiceBody = Type.Object(
  {
    disputed: Type.Optional(Type.Boolean()),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    dueDate: Type.Optional(IsoDate),
    orderNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);
