// The approval tables' SQL (0038_approvals.sql): the only file of src/approvals that speaks Kysely.
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../platform/auth/actor';
import type { ApprovalStatus } from '../platform/db/schema';
import type { Db, Tx } from '../platform/db/store';

export interface RequestRow {
  id: number;
  kind: string;
  status: ApprovalStatus;
  entity_id: number;
  entity_code: string;
  customer_id: number;
  customer_code: string;
  customer_name: string;
  subject_id: number | null;
  subject_label: string;
  amount: number;
  currency: string;
  payload: Record<string, unknown>;
  reason: string;
  steps: string[][];
  requested_by: number | null;
  requester_name: string | null;
  requested_at: Date;
  requested_on: string;
  expires_on: string;
  resolved_at: Date | null;
}

export interface DecisionRow {
  request_id: number;
  step: number;
  decision: 'approved' | 'rejected' | 'cancelled';
  decided_by: number | null;
  decider_name: string | null;
  decided_at: Date;
  comment: string | null;
}

export interface RequestFilter {
  id?: number;
  status?: ApprovalStatus;
  requestedBy?: number;
  kind?: string;
  subjectId?: number;
  limit?: number;
}

function requestQuery(db: Db | Tx, actor: Actor, filter: RequestFilter) {
  let query = db
    .selectFrom('approval_request as r')
    .innerJoin('entity as e', 'e.id', 'r.entity_id')
    .innerJoin('customer as c', 'c.id', 'r.customer_id')
    .leftJoin('app_user as u', 'u.id', 'r.requested_by')
    .where(rowVisible(actor, { customer: 'r.customer_id', entity: 'r.entity_id' }));
  if (filter.id !== undefined) query = query.where('r.id', '=', filter.id);
  if (filter.status !== undefined) query = query.where('r.status', '=', filter.status);
  if (filter.requestedBy !== undefined) query = query.where('r.requested_by', '=', filter.requestedBy);
  if (filter.kind !== undefined) query = query.where('r.kind', '=', filter.kind);
  if (filter.subjectId !== undefined) query = query.where('r.subject_id', '=', filter.subjectId);
  return query;
}

const requestColumns = [
  'r.id',
  'r.kind',
  'r.status',
  'r.entity_id',
  'e.code as entity_code',
  'r.customer_id',
  'c.code as customer_code',
  'c.name as customer_name',
  'r.subject_id',
  'r.subject_label',
  'r.amount',
  'r.currency',
  'r.payload',
  'r.reason',
  'r.steps',
  'r.requested_by',
  'u.display_name as requester_name',
  'r.requested_at',
  'r.requested_on',
  'r.expires_on',
  'r.resolved_at',
] as const;

/** Requests the actor may see (rowVisible on the customer and entity), newest first. */
export async function selectRequests(
  db: Db | Tx,
  actor: Actor,
  filter: RequestFilter,
): Promise<RequestRow[]> {
  const rows = await requestQuery(db, actor, filter)
    .select(requestColumns)
    .orderBy('r.id', 'desc')
    .limit(filter.limit ?? 500)
    .execute();
  return rows as RequestRow[];
}

export async function countRequests(db: Db | Tx, actor: Actor, filter: RequestFilter): Promise<number> {
  const row = await requestQuery(db, actor, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Locks one visible request for a decision; undefined when the actor may not see it. */
export async function lockRequest(tx: Tx, actor: Actor, id: number): Promise<RequestRow | undefined> {
  const row = await requestQuery(tx, actor, { id }).select(requestColumns).forUpdate('r').executeTakeFirst();
  return row as RequestRow | undefined;
}

export async function selectDecisions(db: Db | Tx, requestIds: number[]): Promise<DecisionRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('approval_decision as d')
    .leftJoin('app_user as u', 'u.id', 'd.decided_by')
    .select([
      'd.request_id',
      'd.step',
      'd.decision',
      'd.decided_by',
      'u.display_name as decider_name',
      'd.decided_at',
      'd.comment',
    ])
    .where('d.request_id', 'in', requestIds)
    .orderBy('d.id')
    .execute();
}

export interface NewRequest {
  kind: string;
  entityId: number;
  customerId: number;
  subjectId: number | null;
  subjectLabel: string;
  amount: number;
  currency: string;
  payload: Record<string, unknown>;
  reason: string;
  steps: string[][];
  requestedBy: number | null;
  requestedOn: string;
  expiresOn: string;
}

export async function insertRequest(tx: Tx, r: NewRequest): Promise<number> {
  const row = await tx
    .insertInto('approval_request')
    .values({
      kind: r.kind,
      entity_id: r.entityId,
      customer_id: r.customerId,
      subject_id: r.subjectId,
      subject_label: r.subjectLabel,
      amount: r.amount,
      currency: r.currency,
      payload: JSON.stringify(r.payload),
      reason: r.reason,
      steps: JSON.stringify(r.steps),
      requested_by: r.requestedBy,
      requested_on: r.requestedOn,
      expires_on: r.expiresOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDecision(
  tx: Tx,
  d: {
    requestId: number;
    step: number;
    decision: DecisionRow['decision'];
    decidedBy: number | null;
    comment: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('approval_decision')
    .values({
      request_id: d.requestId,
      step: d.step,
      decision: d.decision,
      decided_by: d.decidedBy,
      comment: d.comment,
    })
    .execute();
}

export async function setRequestStatus(tx: Tx, id: number, status: ApprovalStatus): Promise<void> {
  await tx
    .updateTable('approval_request')
    .set({ status, resolved_at: status === 'pending' ? null : sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** The configured rules of a kind for an entity: the entity's own and the company's (entity_id null). */
export function selectRuleRows(db: Db | Tx, kind: string, entityId: number | null) {
  return db
    .selectFrom('approval_rule')
    .select(['entity_id', 'rule'])
    .where('kind', '=', kind)
    .where((eb) =>
      entityId === null
        ? eb('entity_id', 'is', null)
        : eb.or([eb('entity_id', 'is', null), eb('entity_id', '=', entityId)]),
    )
    .execute();
}

export async function upsertRule(
  tx: Tx,
  r: { kind: string; entityId: number | null; rule: unknown; userId: number | null },
): Promise<void> {
  const updated = await tx
    .updateTable('approval_rule')
    .set({ rule: JSON.stringify(r.rule), updated_by: r.userId, updated_at: sql<Date>`now()` })
    .where('kind', '=', r.kind)
    .where((eb) => (r.entityId === null ? eb('entity_id', 'is', null) : eb('entity_id', '=', r.entityId)))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await tx
    .insertInto('approval_rule')
    .values({ kind: r.kind, entity_id: r.entityId, rule: JSON.stringify(r.rule), updated_by: r.userId })
    .execute();
}
