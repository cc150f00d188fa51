// Shapes of a structured dispute (异议) for the API and the CLI.
import { type Static, type TSchema, Type } from 'typebox';
import { IsoDate } from '../../platform/http/schemas';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DISPUTE_REASONS = [
  'price',
  'quantity',
  'quality',
  'not_delivered',
  'duplicate',
  'already_paid',
  'other',
] as const;
export const DISPUTE_RESOLUTIONS = ['credit_note', 'rejected', 'partly', 'other'] as const;

const ReasonSchema = Type.Union([
  Type.Literal('price'),
  Type.Literal('quantity'),
  Type.Literal('quality'),
  Type.Literal('not_delivered'),
  Type.Literal('duplicate'),
  Type.Literal('already_paid'),
  Type.Literal('other'),
]);
const ResolutionSchema = Type.Union([
  Type.Literal('credit_note'),
  Type.Literal('rejected'),
  Type.Literal('partly'),
  Type.Literal('other'),
]);
const StatusSchema = Type.Union([Type.Literal('open'), Type.Literal('in_review'), Type.Literal('resolved')]);

export const DisputeSchema = Type.Object({
  id: Type.Integer(),
  invoiceId: Type.Integer(),
  invoiceNumber: Type.String(),
  customerId: Type.Integer(),
  entityId: Type.Integer(),
  amount: Type.Integer({ description: 'disputed amount, minor units' }),
  currency: Type.String(),
  reasonCode: ReasonSchema,
  note: Nullable(Type.String()),
  ownerDepartment: Nullable(Type.String()),
  ownerUserId: Nullable(Type.Integer()),
  ownerName: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  status: StatusSchema,
  resolutionCode: Nullable(ResolutionSchema),
  resolutionNote: Nullable(Type.String()),
  creditNoteId: Nullable(Type.Integer()),
  raisedOn: Type.String(),
  raisedBy: Nullable(Type.Integer()),
  resolvedOn: Nullable(Type.String()),
  /** Days open: from raising to resolution, or to today while open (ageing of open disputes). */
  ageDays: Type.Integer(),
  overdue: Type.Boolean({ description: 'still open after its due date' }),
});
export type DisputeView = Static<typeof DisputeSchema>;

export const OpenDisputeBody = Type.Object(
  {
    invoiceId: Type.Integer({ minimum: 1 }),
    amount: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the invoice’s open amount' })),
    reasonCode: ReasonSchema,
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    ownerDepartment: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    ownerUserId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    dueOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type OpenDisputeInput = Static<typeof OpenDisputeBody>;

export const UpdateDisputeBody = Type.Object(
  {
    status: Type.Optional(StatusSchema),
    resolutionCode: Type.Optional(ResolutionSchema),
    resolutionNote: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    creditNoteId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    ownerDepartment: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    ownerUserId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    dueOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type UpdateDisputeInput = Static<typeof UpdateDisputeBody>;
