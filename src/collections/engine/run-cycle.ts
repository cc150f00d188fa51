// Use case behind `huikuan engine run` and POST /api/collections/engine/run: a full cycle, or one for named
// customers, as of a date (default today in the business time zone). A run reaches every customer and may
// be dated at will, so it needs collections:manage (managers), and who asked for it goes on the audit log.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { bumpGeneration } from '../strategy/generation';
import { type EngineResult, runEngine } from './run-engine';

export async function runCycle(
  db: Db,
  actor: Actor,
  input: { asOf: string; customerCodes?: string[]; customerIds?: number[]; concurrency?: number },
): Promise<EngineResult> {
  assertCan(actor, 'collections:manage');
  if (!isValidIsoDate(input.asOf))
    throw invalid(msg('asOfDate'), [{ field: 'asOf', value: input.asOf, reason: 'YYYY-MM-DD' }]);
  let ids = input.customerIds ?? [];
  if (input.customerCodes?.length) {
    const rows = await db
      .selectFrom('customer')
      .select(['id', 'code'])
      .where('code', 'in', input.customerCodes)
      .execute();
    const missing = input.customerCodes.filter((code) => !rows.some((r) => r.code === code));
    if (missing.length) throw notFound('Customer', missing.join(', '));
    ids = [...ids, ...rows.map((r) => r.id)];
  }
  const common = { asOf: input.asOf, concurrency: input.concurrency, requestedBy: actor };
  if (ids.length > 0) return runEngine(db, { ...common, kind: 'customer', customerIds: ids });
  // "Run now" means every open case, those evaluated today included: a new generation makes them all due
  // (this run does it, so no job is queued; a run killed half-way leaves the rest due for the next).
  await inTransaction(db, actor, (tx) => bumpGeneration(tx, { queue: false }));
  return runEngine(db, { ...common, kind: 'full' });
}
