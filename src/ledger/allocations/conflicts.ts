// Two writers racing for the same invoice or payment: the loser's error becomes a clear CONFLICT. The
// statement triggers on `allocation` take row locks on the documents; when a concurrent allocation got there
// first the document's CHECK (`*_not_over_allocated`) fails, and a lock cycle that slipped past our lock
// order is a deadlock — both mean "someone else changed it, look again and retry".
import { AppError, msg } from '../../platform/errors';

const RACE_CODES = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

export function raceToConflict(error: unknown): unknown {
  const pg = error as { code?: string; constraint?: string };
  if (pg && typeof pg.code === 'string') {
    if (RACE_CODES.has(pg.code)) {
      return new AppError('CONFLICT', msg('raceRetry'));
    }
    if (pg.code === '23514' && pg.constraint?.endsWith('_not_over_allocated')) {
      const document = pg.constraint.replace('_not_over_allocated', '').replace('_', ' ');
      return new AppError('CONFLICT', msg('raceOverAllocated', { document }));
    }
  }
  return error;
}

/** Runs a write and maps race errors (see above) to CONFLICT. */
export async function mappingRaces<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw raceToConflict(error);
  }
}
