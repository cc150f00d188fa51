// TypeBox schemas of the legal module's API (the limitation report).
import { Type } from 'typebox';
import { CurrencyCode, IsoDate, MinorUnits } from '../platform/http/schemas';

const EventKind = Type.Union(
  ['due', 'payment', 'promise', 'plan', 'acknowledgement', 'demand', 'suit'].map((k) => Type.Literal(k)),
);
const Band = Type.Union(['ok', '180', '90', '30', 'expired'].map((k) => Type.Literal(k)));

export const LimitationEventSchema = Type.Object({
  kind: EventKind,
  on: IsoDate,
  ref: Type.Union([Type.String(), Type.Null()], {
    description: 'source row, e.g. payment:12, promise:3, outbox:9',
  }),
  evidence: Type.Union([Type.String(), Type.Null()], {
    description: 'what proves it; null: nothing on file',
  }),
  proven: Type.Boolean(),
});

export const LimitationLineSchema = Type.Object({
  invoiceId: Type.Integer(),
  number: Type.String(),
  entityId: Type.Integer(),
  entityCode: Type.String(),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  currency: CurrencyCode,
  openAmount: MinorUnits,
  dueDate: IsoDate,
  jurisdiction: Type.String(),
  periodYears: Type.Integer(),
  start: IsoDate,
  expiry: IsoDate,
  expiryWithWeak: IsoDate,
  setBy: LimitationEventSchema,
  setByWithWeak: LimitationEventSchema,
  weakRestarts: Type.Array(LimitationEventSchema),
  waivedBy: Type.Union([LimitationEventSchema, Type.Null()]),
  daysLeft: Type.Integer(),
  band: Band,
  action: Type.Union(['none', 'sendConfirmation', 'seekPromise'].map((k) => Type.Literal(k))),
  actionText: Type.String(),
  calendarFallback: Type.Boolean(),
});

export const LimitationReportSchema = Type.Object({
  asOf: IsoDate,
  invoices: Type.Array(LimitationLineSchema),
  bands: Type.Object({
    ok: Type.Integer(),
    '180': Type.Integer(),
    '90': Type.Integer(),
    '30': Type.Integer(),
    expired: Type.Integer(),
  }),
});
