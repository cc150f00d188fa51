// One error type for the whole application. Use cases throw AppError with a code; the HTTP layer maps
// codes to statuses in one place, the CLI prints the message and exits non-zero.
//
// The message is always `msg(messageCode, params)` from the shared catalog (src/shared/messages), never plain
// text (the types refuse it; src/shared/messages/catalog.test.ts scans for it): it reaches the client as
// `messageCode` + `params` beside the English `message`, so the web and the CLI show it in their user's
// language.
import { formatMessage, type MessageCode, type MessageLocale, type MessageParams } from '../shared/messages';

export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A PGlite data folder already open in another process (src/platform/db/data-dir-lock.ts). */
  DATA_DIR_LOCKED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_REJECTED: 422,
  /** Another import holds the import lock (src/ledger/import/import-lock.ts). */
  IMPORT_BUSY: 409,
  RATE_LIMITED: 429,
  MIGRATION_CHANGED: 500,
  MIGRATION_FAILED: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  /** 1-based line in the source file, for imports. */
  line?: number;
  field?: string | null;
  value?: string | null;
  reason: string;
  /** A stable code for the reason, with its parameters, for translated messages. */
  code?: string;
  params?: Record<string, string | number>;
}

/** A message from the catalog: its code and named params. */
export interface CodedMessage {
  messageCode: MessageCode;
  params: MessageParams;
}

export const msg = (messageCode: MessageCode, params: MessageParams = {}): CodedMessage => ({
  messageCode,
  params,
});

/** The `error` object of an HTTP error body and of the CLI's --json output. */
export interface ErrorPayload {
  code: string;
  message: string;
  messageCode?: MessageCode;
  params?: MessageParams;
  problems?: FieldProblem[];
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly messageCode?: MessageCode;
  readonly params?: MessageParams;

  constructor(
    readonly code: ErrorCode,
    message: CodedMessage,
    readonly details?: { problems?: FieldProblem[]; [key: string]: unknown },
  ) {
    super(formatMessage('en', message.messageCode, message.params));
    this.name = 'AppError';
    this.messageCode = message.messageCode;
    this.params = message.params;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The message in a locale: translated when coded, else the English text. */
  localized(locale: MessageLocale): string {
    return this.messageCode ? formatMessage(locale, this.messageCode, this.params) : this.message;
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.messageCode ? { messageCode: this.messageCode, params: this.params ?? {} } : {}),
      ...(this.details ?? {}),
    };
  }
}

export const notFound = (what: string, key: string | number) =>
  new AppError('NOT_FOUND', msg('notFound', { what, key: String(key) }));
export const invalid = (message: CodedMessage, problems?: FieldProblem[]) =>
  new AppError('INVALID_INPUT', message, problems ? { problems } : undefined);
export const conflict = (message: CodedMessage) => new AppError('CONFLICT', message);
export const forbidden = (message: CodedMessage) => new AppError('FORBIDDEN', message);

/** `Key (entity_id, number)=(1, I-1) already exists.` → the columns and the values. */
function keyOf(detail: string | undefined): { field: string; value: string } | null {
  const match = /Key \((.+?)\)=\((.*)\)/.exec(detail ?? '');
  return match ? { field: match[1], value: match[2] } : null;
}

/** PostgreSQL errors that are the user's, not ours: constraint violations become clear 4xx errors. */
export function fromDatabaseError(error: unknown): AppError | null {
  const pgError = error as { code?: string; constraint?: string; detail?: string; message?: string };
  if (!pgError || typeof pgError.code !== 'string') return null;
  const rule = pgError.constraint ?? pgError.detail ?? pgError.message ?? '';
  switch (pgError.code) {
    case '23505': {
      // A unique key: say which field and value are taken ("username alice already exists").
      const key = keyOf(pgError.detail);
      return conflict(key ? msg('alreadyExists', key) : msg('alreadyExistsRule', { rule }));
    }
    case '23503': {
      const key = keyOf(pgError.detail);
      if (/is still referenced/.test(pgError.detail ?? '')) return invalid(msg('stillReferenced', { rule }));
      return invalid(key ? msg('refersToMissing', key) : msg('refersToMissingRule', { rule }));
    }
    case '23514':
      if (pgError.constraint?.endsWith('_not_over_allocated')) {
        return conflict(
          msg('overAllocated', { document: pgError.constraint.replace('_not_over_allocated', '') }),
        );
      }
      return invalid(msg('breaksRule', { rule }));
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return invalid(msg('invalidValue', { detail: pgError.message ?? 'Invalid value' }));
    default:
      return null;
  }
}
