// Worklist tasks created by strategies (calls, visits, escalations, legal review, ...), oldest due first.
import { type RawBuilder, sql } from 'kysely';
import { type Actor, assertCan, rowVisible } from '../../platform/auth/actor';
import { shortRead } from '../../platform/db/short-read';
import type { Db } from '../../platform/db/store';
import { encodeCursor, type PageResult, readKeysetCursor } from '../../platform/http/pagination';
import type { TaskView } from './case-dto';

export interface TaskFilter {
  caseId?: number;
  assigneeId?: number;
  assigneeRole?: string;
  type?: string;
  /** open (default), done, cancelled or all. */
  status?: string;
  dueBy?: string;
  limit?: number;
  cursor?: string;
}

export interface TaskRow {
  id: number;
  case_id: number;
  customer_id: number;
  customer_code: string;
  customer_name: string;
  type: string;
  title: string;
  instructions: string | null;
  due_on: string;
  assignee_id: number | null;
  assignee_name: string | null;
  assignee_role: string;
  status: string;
  step_key: string | null;
  completed_on: string | null;
  outcome: string | null;
  cancel_reason: string | null;
}

export function toTaskView(r: TaskRow): TaskView {
  return {
    id: r.id,
    caseId: r.case_id,
    customer: { id: r.customer_id, code: r.customer_code, name: r.customer_name },
    type: r.type,
    title: r.title,
    instructions: r.instructions,
    dueOn: r.due_on,
    assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
    assigneeRole: r.assignee_role,
    status: r.status,
    stepKey: r.step_key,
    completedOn: r.completed_on,
    outcome: r.outcome,
    cancelReason: r.cancel_reason,
  };
}

export const TASK_SELECT = sql`
  select t.id, t.case_id, t.customer_id, c.code as customer_code, c.name as customer_name, t.type, t.title,
         t.instructions, t.due_on, t.assignee_id, u.display_name as assignee_name, t.assignee_role, t.status,
         t.step_key, t.completed_on, t.outcome, t.cancel_reason
  from task t join customer c on c.id = t.customer_id left join app_user u on u.id = t.assignee_id`;

export async function listTasks(db: Db, actor: Actor, f: TaskFilter): Promise<PageResult<TaskView>> {
  assertCan(actor, 'collections:read');
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const where: RawBuilder<unknown>[] = [
    rowVisible(actor, { customer: 't.customer_id', entity: 't.entity_id' }),
  ];
  const status = f.status ?? 'open';
  if (status !== 'all') where.push(sql<boolean>`t.status = ${status}`);
  if (f.caseId) where.push(sql<boolean>`t.case_id = ${f.caseId}`);
  if (f.assigneeId) where.push(sql<boolean>`t.assignee_id = ${f.assigneeId}`);
  if (f.assigneeRole) where.push(sql<boolean>`t.assignee_role = ${f.assigneeRole}`);
  if (f.type) where.push(sql<boolean>`t.type = ${f.type}`);
  if (f.dueBy) where.push(sql<boolean>`t.due_on <= ${f.dueBy}::date`);
  if (f.cursor) {
    const [due, id] = readKeysetCursor(f.cursor, 'date');
    where.push(sql<boolean>`(t.due_on, t.id) > (${due}::date, ${id})`);
  }
  // Open tasks in this order: index task_open_due, or task_open_assignee_due for one assignee (0024).
  const rows = await shortRead(db, (tx) =>
    sql<TaskRow>`${TASK_SELECT} where ${sql.join(where, sql` and `)}
    order by t.due_on, t.id limit ${limit + 1}`.execute(tx),
  );
  const page = rows.rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toTaskView),
    nextCursor: rows.rows.length > limit && last ? encodeCursor([last.due_on, last.id]) : null,
  };
}
