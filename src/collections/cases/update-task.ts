// Completes or cancels a worklist task (the collector's workbench adds call outcomes and follow-ups).
import { sql } from 'kysely';
import { type Actor, assertCan, rowVisible } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { invalid, msg, notFound } from '../../platform/errors';
import type { TaskView } from './case-dto';
import { TASK_SELECT, type TaskRow, toTaskView } from './list-tasks';

export async function updateTask(
  db: Db,
  actor: Actor,
  input: { id: number; today: string; status: 'open' | 'done' | 'cancelled'; outcome?: string | null },
): Promise<TaskView> {
  assertCan(actor, 'collections:write');
  return inTransaction(db, actor, async (tx) => {
    const found = await sql<TaskRow>`${TASK_SELECT} where t.id = ${input.id}
      and ${rowVisible(actor, { customer: 't.customer_id', entity: 't.entity_id' })} for update of t`.execute(
      tx,
    );
    const task = found.rows[0];
    if (!task) throw notFound('Task', input.id);
    if (task.status !== 'open' && input.status !== 'open')
      throw invalid(msg('taskAlreadyDone', { id: input.id, status: task.status }));
    await tx
      .updateTable('task')
      .set({
        status: input.status,
        outcome: input.outcome ?? null,
        completed_on: input.status === 'open' ? null : input.today,
        cancel_reason: null, // a person's decision now: the engine's reason no longer applies
        updated_at: new Date(),
      })
      .where('id', '=', input.id)
      .execute();
    return toTaskView({
      ...task,
      status: input.status,
      outcome: input.outcome ?? null,
      completed_on: input.status === 'open' ? null : input.today,
      cancel_reason: null,
    });
  });
}
