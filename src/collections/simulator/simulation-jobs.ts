// Simulations requested from the web app run as background jobs: the request stores the parameters and
// queues a job; the worker runs the simulation (minutes on a large ledger) and stores the result.

import { enqueueJob } from '../../jobs/job-queries';
import type { AppContext } from '../../platform/app';
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { type FieldProblem, invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { isKnownCurrency } from '../../shared/money';
import { ensureDefaultStrategies } from '../strategy/strategy-queries';
import { type SimulationParams, type SimulationResult, simulate } from './simulate';

export interface SimulationView {
  id: number;
  status: string;
  params: SimulationParams;
  result: SimulationResult | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export function validateSimulationParams(p: SimulationParams): SimulationParams {
  const problems: FieldProblem[] = [];
  if (!isValidIsoDate(p.from)) problems.push({ field: 'from', value: p.from, reason: 'YYYY-MM-DD' });
  if (!Number.isInteger(p.days) || p.days < 1 || p.days > 366)
    problems.push({ field: 'days', value: String(p.days), reason: '1 to 366' });
  if (p.strategies.length < 1 || p.strategies.length > 6)
    problems.push({ field: 'strategies', reason: '1 to 6 strategies' });
  if (p.reportCurrency !== undefined && !isKnownCurrency(p.reportCurrency))
    problems.push({ field: 'reportCurrency', value: p.reportCurrency, reason: 'unknown currency' });
  if (problems.length) throw invalid(msg('simulationInvalid'), problems);
  return p;
}

export async function createSimulation(
  db: Db,
  actor: Actor,
  params: SimulationParams,
): Promise<SimulationView> {
  assertCan(actor, 'strategies:write');
  validateSimulationParams(params);
  await ensureDefaultStrategies(db); // a fresh store (right after `demo`) has the shipped strategies too
  const names = new Set(
    (await db.selectFrom('strategy').select('name').distinct().execute()).map((r) => r.name),
  );
  const unknown = params.strategies.filter((s) => s !== 'none' && !names.has(s));
  if (unknown.length)
    throw invalid(
      msg('unknownStrategies'),
      unknown.map((value) => ({
        field: 'strategies',
        value,
        reason: 'no such strategy',
        code: 'noSuchStrategyReason',
      })),
    );
  const id = await inTransaction(db, actor, async (tx) => {
    const row = await tx
      .insertInto('simulation')
      .values({ params: JSON.stringify(params), created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueJob(tx, { kind: 'collections.simulate', payload: { simulationId: row.id }, maxAttempts: 1 });
    return row.id;
  });
  return getSimulation(db, actor, id);
}

// Results are the whole company's AR, DSO and collections, whoever's portfolio: managers only.
export async function getSimulation(db: Db, actor: Actor, id: number): Promise<SimulationView> {
  assertCan(actor, 'simulations:read');
  const row = await db.selectFrom('simulation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Simulation', id);
  return toView(row);
}

export async function listSimulations(db: Db, actor: Actor): Promise<SimulationView[]> {
  assertCan(actor, 'simulations:read');
  const rows = await db.selectFrom('simulation').selectAll().orderBy('id', 'desc').limit(50).execute();
  return rows.map((r) => ({ ...toView(r), result: null }));
}

function toView(row: {
  id: number;
  status: string;
  params: unknown;
  result: unknown;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}): SimulationView {
  return {
    id: row.id,
    status: row.status,
    params: row.params as SimulationParams,
    result: (row.result as SimulationResult | null) ?? null,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/** Job handler: runs a queued simulation and stores its result (or its error). */
export async function runSimulationJob(
  app: AppContext,
  simulationId: number,
): Promise<{ simulationId: number }> {
  const db = app.store.db;
  const row = await db.selectFrom('simulation').selectAll().where('id', '=', simulationId).executeTakeFirst();
  if (!row || row.status === 'done') return { simulationId };
  await db.updateTable('simulation').set({ status: 'running' }).where('id', '=', simulationId).execute();
  try {
    const result = await simulate(db, row.params as SimulationParams);
    await db
      .updateTable('simulation')
      .set({ status: 'done', result: JSON.stringify(result), finished_at: new Date() })
      .where('id', '=', simulationId)
      .execute();
  } catch (error) {
    await db
      .updateTable('simulation')
      .set({ status: 'failed', error: String((error as Error)?.message ?? error), finished_at: new Date() })
      .where('id', '=', simulationId)
      .execute();
    throw error;
  }
  return { simulationId };
}
