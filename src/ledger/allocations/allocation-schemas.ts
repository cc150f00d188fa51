// HTTP shapes for manual allocation, un-allocation, open items and write-offs.
import { Type } from 'typebox';
import { IsoDate, MinorUnits } from '../../platform/http/schemas';

const Nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.Integer({ minimum: 1 });

export const AllocationSchema = Type.Object({
  id: Type.Integer(),
  invoiceId: Type.Integer(),
  invoiceNumber: Type.String(),
  customerId: Type.Integer(),
  currency: Type.String(),
  paymentId: Nullable(Type.Integer()),
  creditNoteId: Nullable(Type.Integer()),
  writeOffId: Nullable(Type.Integer()),
  amount: MinorUnits,
  effectiveOn: IsoDate,
  reversedOn: Nullable(IsoDate),
  method: Type.String(),
  invoiceOpenAmount: MinorUnits,
  sourceUnappliedAmount: Nullable(MinorUnits),
});

export const CreateAllocationBody = Type.Object(
  {
    invoiceId: Id,
    paymentId: Type.Optional(Id),
    creditNoteId: Type.Optional(Id),
    amount: Type.Integer({ minimum: 1, description: 'minor units (分/cents)' }),
    effectiveOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const ReverseAllocationBody = Type.Object(
  { reversedOn: Type.Optional(IsoDate) },
  { additionalProperties: false },
);

const OpenInvoiceSchema = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityCode: Type.String(),
  number: Type.String(),
  issueDate: IsoDate,
  dueDate: IsoDate,
  currency: Type.String(),
  amount: MinorUnits,
  allocatedAmount: MinorUnits,
  openAmount: MinorUnits,
  daysPastDue: Type.Integer(),
  status: Type.Union([Type.Literal('open'), Type.Literal('overdue')]),
  disputed: Type.Boolean(),
});

const UnappliedSchema = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  entityCode: Type.String(),
  reference: Type.String(),
  date: IsoDate,
  currency: Type.String(),
  amount: MinorUnits,
  unappliedAmount: MinorUnits,
  invoiceNumbers: Type.Array(Type.String()),
});

export const OpenItemsSchema = Type.Object({
  invoices: Type.Array(OpenInvoiceSchema),
  payments: Type.Array(UnappliedSchema),
  creditNotes: Type.Array(UnappliedSchema),
});

export const CreateWriteOffBody = Type.Object(
  {
    invoiceId: Id,
    amount: Type.Integer({ minimum: 1, description: 'minor units (分/cents)' }),
    writtenOffOn: IsoDate,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const WriteOffSchema = Type.Object({
  id: Type.Integer(),
  invoiceId: Type.Integer(),
  invoiceNumber: Type.String(),
  customerId: Type.Integer(),
  currency: Type.String(),
  amount: MinorUnits,
  writtenOffOn: IsoDate,
  reason: Type.String(),
  allocationId: Type.Integer(),
  invoiceOpenAmount: MinorUnits,
});
