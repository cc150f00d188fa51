// HTTP shapes for payments, credit notes, allocations and write-offs (API.md, owner ledger-core-B).
import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination';
import { CurrencyCode, IsoDate, MinorUnits } from '../../platform/http/schemas';

const Nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.Integer({ minimum: 1 });

export const AllocationLineSchema = Type.Object({
  id: Type.Integer(),
  invoiceId: Type.Integer(),
  invoiceNumber: Type.String(),
  amount: MinorUnits,
  effectiveOn: IsoDate,
  reversedOn: Nullable(IsoDate),
  method: Type.String(),
});

export const PaymentSchema = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityCode: Type.String(),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  reference: Type.String(),
  receivedDate: IsoDate,
  currency: Type.String(),
  amount: MinorUnits,
  allocatedAmount: MinorUnits,
  unappliedAmount: MinorUnits,
  method: Nullable(Type.String()),
  remittanceInvoiceNumbers: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  reversedOn: Nullable(IsoDate),
  reversalReason: Nullable(Type.String()),
});

export const PaymentDetailSchema = Type.Object({
  ...PaymentSchema.properties,
  allocations: Type.Array(AllocationLineSchema),
});

export const PaymentListQuery = Type.Object({
  ...PageQuery,
  customerId: Type.Optional(Id),
  entityId: Type.Optional(Id),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.Union(['unapplied', 'applied', 'reversed', 'all'].map((s) => Type.Literal(s)))),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  sort: Type.Optional(Type.String({ maxLength: 40 })),
});

const PartyFields = {
  entityId: Type.Optional(Id),
  entityCode: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  customerId: Type.Optional(Id),
  customerCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
};

export const CreatePaymentBody = Type.Object(
  {
    ...PartyFields,
    reference: Type.String({ minLength: 1, maxLength: 100 }),
    receivedDate: IsoDate,
    currency: CurrencyCode,
    amount: Type.Integer({ minimum: 1, description: 'minor units (分/cents)' }),
    method: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    remittanceInvoiceNumbers: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    autoAllocate: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const ReversePaymentBody = Type.Object(
  { reversedOn: IsoDate, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const CreditNoteSchema = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityCode: Type.String(),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  number: Type.String(),
  issueDate: IsoDate,
  currency: Type.String(),
  amount: MinorUnits,
  allocatedAmount: MinorUnits,
  unappliedAmount: MinorUnits,
  invoiceNumber: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});

export const CreditNoteDetailSchema = Type.Object({
  ...CreditNoteSchema.properties,
  allocations: Type.Array(AllocationLineSchema),
});

export const CreditNoteListQuery = Type.Object({
  ...PageQuery,
  customerId: Type.Optional(Id),
  entityId: Type.Optional(Id),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.Union(['unapplied', 'applied', 'all'].map((s) => Type.Literal(s)))),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  sort: Type.Optional(Type.String({ maxLength: 40 })),
});

export const CreateCreditNoteBody = Type.Object(
  {
    ...PartyFields,
    number: Type.String({ minLength: 1, maxLength: 100 }),
    issueDate: IsoDate,
    currency: CurrencyCode,
    amount: Type.Integer({ minimum: 1, description: 'minor units (分/cents)' }),
    invoiceNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    autoAllocate: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
