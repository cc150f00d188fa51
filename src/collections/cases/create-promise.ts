// Records a promise to pay (承诺还款) on a case. While it is open the engine holds escalation until its date
// plus grace; then it becomes kept (payments reached the amount) or broken, and a broken one escalates.
// Recording it cancels the case's messages still queued (hold-messages.ts).
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { CURRENCY_MINOR_UNITS } from '../../shared/money';
import type { PromiseView } from './case-dto';
import { selectCase } from './case-queries';
import { holdBackMessages } from './hold-messages';
import { markCustomerChanged } from './mark-changed';

export interface CreatePromiseInput {
  caseId: number;
  today: string;
  amount: number;
  currency: string;
  dueOn: string;
  note?: string | null;
}

export async function createPromise(db: Db, actor: Actor, input: CreatePromiseInput): Promise<PromiseView> {
  assertCan(actor, 'collections:write');
  const problems = [];
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    problems.push({ field: 'amount', reason: 'a positive amount in minor units' });
  if (CURRENCY_MINOR_UNITS[input.currency] === undefined)
    problems.push({ field: 'currency', value: input.currency, reason: 'unknown currency' });
  if (!isValidIsoDate(input.dueOn) || input.dueOn < input.today)
    problems.push({ field: 'dueOn', value: input.dueOn, reason: 'a date from today on' });
  if (problems.length) throw invalid(msg('promiseInvalid'), problems);
  return inTransaction(db, actor, async (tx) => {
    const kase = await selectCase(tx, actor, input.caseId);
    if (!kase) throw notFound('Case', input.caseId);
    if (kase.closed_on) throw invalid(msg('caseClosed', { id: input.caseId }));
    return recordPromise(tx, actor, { ...input, customerId: kase.customer_id, entityId: kase.entity_id });
  });
}

/**
 * Writes a checked promise on an open case, promised on `today`, inside the caller's transaction (the
 * use case above; the promises import, src/collections/import-kinds.ts).
 */
export async function recordPromise(
  tx: Tx,
  actor: Actor,
  input: CreatePromiseInput & { customerId: number; entityId: number },
): Promise<PromiseView> {
  const row = await tx
    .insertInto('promise')
    .values({
      case_id: input.caseId,
      customer_id: input.customerId,
      entity_id: input.entityId,
      currency: input.currency,
      amount: input.amount,
      promised_on: input.today,
      due_on: input.dueOn,
      note: input.note ?? null,
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // The reminder queued this morning must not reach a customer who has just promised (hold-messages.ts).
  await holdBackMessages(tx, input.caseId, 'promise');
  await markCustomerChanged(tx, input.customerId);
  return {
    id: row.id,
    caseId: row.case_id,
    currency: row.currency,
    amount: row.amount,
    promisedOn: row.promised_on,
    dueOn: row.due_on,
    status: row.status,
    paidAmount: row.paid_amount,
    resolvedOn: row.resolved_on,
    note: row.note,
  };
}
