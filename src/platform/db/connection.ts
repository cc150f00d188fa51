// One interface over the two stores: a raw connection that can run SQL and bulk-load with COPY, and a
// Kysely instance bound to it. PostgreSQL hands out pooled clients; PGlite is a single in-process backend,
// so its "pool" is one connection guarded by a mutex (a transaction holds it until commit).

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface RawConnection {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * COPY ... FROM STDIN with the given text chunks (CSV or text format, as the statement says).
   * Returns the number of rows copied.
   */
  copyFrom(copySql: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<number>;
}

export const MAX_SAFE_BIGINT = BigInt(Number.MAX_SAFE_INTEGER);

/** int8 arrives as text; money and ids must stay exact, so refuse what a JS number cannot hold. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`bigint ${text} is beyond the exact integer range of this application`);
  }
  return value;
}

/** A FIFO mutex: PGlite has one backend, so one logical connection at a time. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}
