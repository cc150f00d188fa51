// The credit API's shapes (TypeBox): terms versions, what is in force, interest per invoice.
import { type Static, Type } from 'typebox';
import { CurrencyCode, IsoDate, MinorUnits } from '../platform/http/schemas';
import { RATE_PATTERN } from './interest-rules';

const Rate = Type.String({ pattern: RATE_PATTERN, description: 'exact decimal, e.g. 0.0005 (万分之五)' });
export const InterestKindSchema = Type.Union([
  Type.Literal('none'),
  Type.Literal('daily'),
  Type.Literal('annual'),
]);

export const TermsSchema = Type.Object({
  id: Type.Integer(),
  entityId: Type.Integer(),
  customerId: Type.Union([Type.Integer(), Type.Null()]),
  grade: Type.Union([Type.String(), Type.Null()]),
  validFrom: IsoDate,
  paymentTermsDays: Type.Integer(),
  creditLimit: Type.Union([MinorUnits, Type.Null()]),
  currency: CurrencyCode,
  interestKind: InterestKindSchema,
  interestRate: Type.Union([Type.String(), Type.Null()]),
  dayCountBasis: Type.Integer(),
  graceDays: Type.Integer(),
  interestCapPercent: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type TermsView = Static<typeof TermsSchema>;

export const TermsSourceSchema = Type.Union([
  Type.Literal('customer'),
  Type.Literal('entity'),
  Type.Literal('none'),
]);

export const CustomerTermsSchema = Type.Object({
  customerId: Type.Integer(),
  asOf: IsoDate,
  /** Per entity with terms for this customer or a default: the version in force on asOf. */
  inForce: Type.Array(
    Type.Object({ entityId: Type.Integer(), source: TermsSourceSchema, terms: TermsSchema }),
  ),
  /** The customer's own versions, every entity, oldest first. */
  history: Type.Array(TermsSchema),
});
export type CustomerTermsView = Static<typeof CustomerTermsSchema>;

export const EntityTermsSchema = Type.Object({
  entityId: Type.Integer(),
  asOf: IsoDate,
  inForce: Type.Union([TermsSchema, Type.Null()]),
  history: Type.Array(TermsSchema),
});
export type EntityTermsView = Static<typeof EntityTermsSchema>;

export const TermsBodySchema = Type.Object(
  {
    validFrom: IsoDate,
    paymentTermsDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    creditLimit: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    currency: CurrencyCode,
    interestKind: InterestKindSchema,
    interestRate: Type.Union([Rate, Type.Null()]),
    dayCountBasis: Type.Optional(Type.Union([Type.Literal(365), Type.Literal(360)])),
    graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    interestCapPercent: Type.Optional(Type.Union([Rate, Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type TermsBody = Static<typeof TermsBodySchema>;

export const CustomerTermsBodySchema = Type.Object(
  { entityId: Type.Integer({ minimum: 1 }), ...TermsBodySchema.properties },
  { additionalProperties: false },
);
export type CustomerTermsBody = Static<typeof CustomerTermsBodySchema>;

export const InvoiceInterestSchema = Type.Object({
  invoiceId: Type.Integer(),
  number: Type.String(),
  entityId: Type.Integer(),
  currency: CurrencyCode,
  amount: MinorUnits,
  openAmount: MinorUnits,
  dueDate: IsoDate,
  accruesFrom: Type.Union([IsoDate, Type.Null()]),
  days: Type.Integer(),
  interest: MinorUnits,
  capped: Type.Boolean(),
  termsSource: TermsSourceSchema,
  termsId: Type.Union([Type.Integer(), Type.Null()]),
  interestKind: InterestKindSchema,
  interestRate: Type.Union([Type.String(), Type.Null()]),
});

export const CustomerInterestSchema = Type.Object({
  customerId: Type.Integer(),
  asOf: IsoDate,
  invoices: Type.Array(InvoiceInterestSchema),
  totals: Type.Array(Type.Object({ currency: CurrencyCode, interest: MinorUnits })),
});
export type CustomerInterestView = Static<typeof CustomerInterestSchema>;
export type InvoiceInterestView = Static<typeof InvoiceInterestSchema>;
