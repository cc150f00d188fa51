// One error type for the whole application. Use cases throw AppError with a code; the HTTP layer maps
// codes to statuses in one place, the CLI prints the message and exits non-zero.

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
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { problems?: FieldProblem[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string, key: string | number) =>
  new AppError('NOT_FOUND', `${what} ${key} not found`);
export const invalid = (message: string, problems?: FieldProblem[]) =>
  new AppError('INVALID_INPUT', message, problems ? { problems } : undefined);
export const conflict = (message: string) => new AppError('CONFLICT', message);

/** PostgreSQL errors that are the user's, not ours: constraint violations become clear 4xx errors. */
export function fromDatabaseError(error: unknown): AppError | null {
  const pgError = error as { code?: string; constraint?: string; detail?: string; message?: string };
  if (!pgError || typeof pgError.code !== 'string') return null;
  switch (pgError.code) {
    case '23505':
      return conflict(`Already exists: ${pgError.detail ?? pgError.constraint ?? pgError.message}`);
    case '23503':
      return invalid(`Refers to something that does not exist: ${pgError.detail ?? pgError.constraint}`);
    case '23514':
      if (pgError.constraint?.endsWith('_not_over_allocated')) {
        return conflict(
          `Allocation would exceed the open amount (${pgError.constraint.replace('_not_over_allocated', '')})`,
        );
      }
      return invalid(`Value breaks rule ${pgError.constraint ?? pgError.message}`);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return invalid(pgError.message ?? 'Invalid value');
    default:
      return null;
  }
}
