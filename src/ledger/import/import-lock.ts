// One import at a time. Two loads running together fight over the invoice table: the first loads of a big
// file both drop its indexes (bulk-load-queries.ts), and each waits for the other's lock until PostgreSQL
// kills one with "deadlock detected"; two ordinary loads of the same customers wait on each other's rows.
// So a load takes this transaction-level advisory lock before it touches anything, and a second load is
// refused at once with a clear message rather than queued behind a load that may take minutes. (On PGlite
// the one connection already runs loads one after the other; the lock is then always free.)
import type { RawConnection } from '../../platform/db/connection';
import { AppError, msg } from '../../platform/errors';

export const IMPORT_LOCK = 'ledger:import';

export function importBusy(): AppError {
  return new AppError('IMPORT_BUSY', msg('importBusy'));
}

/** Takes the import lock until the transaction ends, or throws IMPORT_BUSY when another load holds it. */
export async function lockImports(raw: RawConnection): Promise<void> {
  const { rows } = await raw.query<{ locked: boolean }>(
    'select pg_try_advisory_xact_lock(hashtext($1)) as locked',
    [IMPORT_LOCK],
  );
  if (!rows[0]?.locked) throw importBusy();
}
