// Roll-rate cohorts of the provision matrix, kept for a while. They come from a heavier query, change only
// with history, and are company statistics rather than customer data, so the dashboard reuses them per
// store, date, entity, scope and settings; the provisions page always recomputes them and refreshes the
// copy, so that the dashboard shows what the page last showed.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { selectRollCohorts } from './provision-queries';
import type { ReportFilter } from './scope-sql';

type Cohorts = Awaited<ReturnType<typeof selectRollCohorts>>;

const TTL_MS = 10 * 60 * 1000;
const cache = new WeakMap<Db, Map<string, { at: number; cohorts: Cohorts }>>();

export async function rollCohorts(
  db: Db,
  actor: Actor,
  params: { asOf: string; windowStart: string; edges: readonly number[]; filter: ReportFilter },
  options: { reuse: boolean },
): Promise<Cohorts> {
  const key = JSON.stringify([
    params.asOf,
    params.windowStart,
    params.edges,
    params.filter,
    actor.entityIds,
    actor.customerScope,
  ]);
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const hit = perDb.get(key);
  if (options.reuse && hit && Date.now() - hit.at < TTL_MS) return hit.cohorts;
  const cohorts = await selectRollCohorts(db, actor, params);
  perDb.set(key, { at: Date.now(), cohorts });
  return cohorts;
}
