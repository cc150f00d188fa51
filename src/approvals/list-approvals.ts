// The approvals inbox: what the caller may decide now, what the caller asked for, or every visible request.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { notFound } from '../platform/errors';
import { rolesByEntity } from './approval-context';
import type { ApprovalView } from './approval-dto';
import { selectRequests } from './approval-queries';
import { toViews } from './approval-view';

export type ApprovalScope = 'todo' | 'mine' | 'all';

export interface ListApprovalsInput {
  scope?: ApprovalScope;
  status?: ApprovalView['status'];
  kind?: string;
  limit?: number;
  today: string;
}

export async function listApprovals(db: Db, actor: Actor, input: ListApprovalsInput) {
  const scope = input.scope ?? 'todo';
  const limit = input.limit ?? 100;
  const rolesIn = await rolesByEntity(db, actor.userId);
  // 'expired' is a pending request past its date until a decision attempt records it.
  const stored = scope === 'todo' || input.status === 'expired' ? 'pending' : input.status;
  const rows = await selectRequests(db, actor, {
    status: stored,
    kind: input.kind,
    requestedBy: scope === 'mine' ? (actor.userId ?? -1) : undefined,
    limit: 1000,
  });
  let views = await toViews(db, actor, rows, rolesIn, input.today);
  if (scope === 'todo') views = views.filter((v) => v.canDecide);
  if (input.status) views = views.filter((v) => v.status === input.status);
  return { items: views.slice(0, limit), total: views.length };
}

export async function countApprovals(db: Db, actor: Actor, today: string) {
  const [todo, mine] = await Promise.all([
    listApprovals(db, actor, { scope: 'todo', today, limit: 0 }),
    listApprovals(db, actor, { scope: 'mine', status: 'pending', today, limit: 0 }),
  ]);
  return { toDecide: todo.total, mine: mine.total };
}

export async function getApproval(db: Db, actor: Actor, input: { id: number; today: string }) {
  const rows = await selectRequests(db, actor, { id: input.id });
  if (rows.length === 0) throw notFound('Approval', input.id);
  const [view] = await toViews(db, actor, rows, await rolesByEntity(db, actor.userId), input.today);
  return view;
}
