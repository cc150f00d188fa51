// Shapes shared by many routes.
import { Type } from 'typebox';

export const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'calendar date YYYY-MM-DD',
});
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
export const MinorUnits = Type.Integer({ description: 'amount in the currency minor unit (分/cents)' });
export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Params of a catalog message (src/shared/messages): text, numbers, or a message inside the message (the
 * holder of a lock, what a file problem is), formatted in the same locale. */
export const MessageParamsSchema = Type.Record(
  Type.String(),
  Type.Union([
    Type.String(),
    Type.Number(),
    Type.Object({
      messageCode: Type.String(),
      params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  ]),
);

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'the kind of error, mapped to the HTTP status' }),
    message: Type.String({ description: 'in English, for logs and scripts' }),
    messageCode: Type.Optional(
      Type.String({ description: 'the message in the shared catalog (src/shared/messages), to translate' }),
    ),
    params: Type.Optional(MessageParamsSchema),
    problems: Type.Optional(
      Type.Array(
        Type.Object({
          line: Type.Optional(Type.Integer()),
          field: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          value: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          reason: Type.String(),
          code: Type.Optional(Type.String({ description: 'stable code of the reason, for translation' })),
          params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
        }),
      ),
    ),
  }),
});
