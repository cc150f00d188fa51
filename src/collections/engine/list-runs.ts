// Use case: the engine runs (cycles), newest first (keyset on id), with their outcome: done, running, or
// failed with the error — a run whose process was killed shows as failed with that reason
// (src/jobs/abandoned-work.ts), not as running for ever. Runs are company-wide bookkeeping.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination';

export interface EngineRunView {
  id: number;
  kind: 'full' | 'incremental' | 'customer';
  asOf: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  casesOpened: number;
  casesClosed: number;
  casesEvaluated: number;
  stepsFired: number;
  messages: number;
  tasks: number;
  error: string | null;
}

export async function listEngineRuns(
  db: Db,
  actor: Actor,
  input: { limit?: number; cursor?: string; status?: EngineRunView['status'] },
): Promise<{ items: EngineRunView[]; nextCursor: string | null }> {
  assertCan(actor, 'collections:read');
  const limit = input.limit ?? 50;
  const beforeId = input.cursor ? Number(decodeCursor(input.cursor, 1)[0]) : undefined;
  let query = db
    .selectFrom('engine_run')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (beforeId !== undefined) query = query.where('id', '<', beforeId);
  if (input.status) query = query.where('status', '=', input.status);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      asOf: row.as_of,
      status: row.status,
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
      casesOpened: row.cases_opened,
      casesClosed: row.cases_closed,
      casesEvaluated: row.cases_evaluated,
      stepsFired: row.steps_fired,
      messages: row.messages,
      tasks: row.tasks,
      error: row.error,
    })),
    nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}
