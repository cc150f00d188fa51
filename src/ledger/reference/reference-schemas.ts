// HTTP shapes of the reference data, and small helpers the ledger's route schemas share.
import { type TSchema, Type } from 'typebox';
import { CurrencyCode, IsoDate } from '../../platform/http/schemas';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Entity = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  baseCurrency: Type.String(),
  country: Type.String(),
  timeZone: Type.String(),
});

export const CreateEntityBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 50 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    baseCurrency: CurrencyCode,
    country: Type.Optional(Type.String({ description: 'ISO 3166 alpha-2, default CN' })),
    timeZone: Type.Optional(Type.String({ description: 'IANA zone, default Asia/Shanghai' })),
  },
  { additionalProperties: false },
);

export const Currency = Type.Object({ code: Type.String(), minorUnits: Type.Integer(), name: Type.String() });

export const ExchangeRate = Type.Object({
  fromCurrency: Type.String(),
  toCurrency: Type.String(),
  rateDate: Type.String(),
  rate: Type.String({ description: 'decimal: 1 fromCurrency = rate toCurrency' }),
});

export const RatesQuery = Type.Object({
  from: Type.Optional(CurrencyCode),
  to: Type.Optional(CurrencyCode),
  date: Type.Optional(IsoDate),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});

export const UpsertRatesBody = Type.Object({
  items: Type.Array(
    Type.Object({
      fromCurrency: CurrencyCode,
      toCurrency: CurrencyCode,
      rateDate: IsoDate,
      rate: Type.Union([Type.String(), Type.Number()], { description: 'decimal string preferred' }),
    }),
    { minItems: 1, maxItems: 50_000 },
  ),
});

export const StaffMember = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  roles: Type.Array(Type.Union([Type.Literal('collector'), Type.Literal('salesperson')])),
});
