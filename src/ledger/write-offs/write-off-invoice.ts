// Write-off (坏账核销): an approved loss closes (part of) an invoice. It is a write_off row plus an
// allocation of method 'write_off', so the invoice's open amount stays derived from allocations and a
// write-off can be undone like any allocation (e.g. when the debt is recovered after all).
// Beyond the requester's own authority (approval rule `write_off`: finance up to ¥10,000 by default) the
// write-off is proposed instead: an approval request, applied by `applyApprovedWriteOff` when approved.
import type { ApprovalView } from '../../approvals/approval-dto';
import { getApproval } from '../../approvals/list-approvals';
import { approvalNeeded, requestApproval } from '../../approvals/request-approval';
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { AppError, invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { insertAllocations, lockInvoices, selectLastReversals } from '../allocations/allocation-queries';
import { earliestEffectiveOn, exceedProblems } from '../allocations/allocation-rules';
import { mappingRaces } from '../allocations/conflicts';

export interface WriteOffInput {
  invoiceId: number;
  amount: number;
  writtenOffOn: string;
  reason: string;
}

export interface WriteOffView {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  customerId: number;
  currency: string;
  amount: number;
  writtenOffOn: string;
  reason: string;
  allocationId: number;
  invoiceOpenAmount: number;
}

function checkInput(input: WriteOffInput): string {
  const reason = input.reason?.trim() ?? '';
  const problems = [];
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    problems.push({
      field: 'amount',
      value: String(input.amount),
      reason: 'must be a positive integer of minor units',
    });
  }
  if (!isValidIsoDate(input.writtenOffOn)) {
    problems.push({
      field: 'writtenOffOn',
      value: input.writtenOffOn,
      reason: 'must be a real date YYYY-MM-DD',
    });
  }
  if (!reason) problems.push({ field: 'reason', reason: 'a write-off needs a reason' });
  if (problems.length > 0) throw invalid(msg('writeOffInvalid'), problems);
  return reason;
}

/** Locks the invoice and checks the write-off could be made on it now (date, open amount). */
async function lockWriteOffInvoice(tx: Tx, actor: Actor, input: WriteOffInput) {
  const [invoice] = await lockInvoices(tx, actor, [input.invoiceId]);
  if (!invoice) throw notFound('Invoice', input.invoiceId);
  // The write-off is an allocation dated by the user: refused where an allocation could not start.
  const reversals = await selectLastReversals(tx, { invoiceIds: [invoice.id] });
  const earliest = earliestEffectiveOn(invoice, null, reversals);
  if (input.writtenOffOn < earliest.date) {
    throw invalid(msg('writeOffDate'), [
      {
        field: 'writtenOffOn',
        value: input.writtenOffOn,
        reason: `must be on or after ${earliest.date}: ${earliest.reason}`,
        code: 'onOrAfterBecause',
        params: { date: earliest.date, because: earliest.reason },
      },
    ]);
  }
  const exceeded = exceedProblems(input.amount, invoice.open_amount, null, invoice.currency);
  if (exceeded.length > 0) {
    const money = (value: number) => `${invoice.currency} ${formatMoney(value, invoice.currency)}`;
    throw new AppError(
      'CONFLICT',
      msg('writeOffExceeds', {
        invoice: invoice.number,
        amount: money(input.amount),
        open: money(invoice.open_amount),
      }),
      { problems: exceeded },
    );
  }
  return invoice;
}

type LockedWriteOffInvoice = Awaited<ReturnType<typeof lockWriteOffInvoice>>;

async function insertWriteOff(
  tx: Tx,
  invoice: LockedWriteOffInvoice,
  input: WriteOffInput,
  reason: string,
  createdBy: number | null,
): Promise<WriteOffView> {
  const writeOff = await tx
    .insertInto('write_off')
    .values({
      invoice_id: invoice.id,
      amount: input.amount,
      written_off_on: input.writtenOffOn,
      reason,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [allocationId] = await insertAllocations(tx, [
    {
      invoice_id: invoice.id,
      write_off_id: writeOff.id,
      amount: input.amount,
      effective_on: input.writtenOffOn,
      method: 'write_off',
      created_by: createdBy,
    },
  ]);
  return {
    id: writeOff.id,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    customerId: invoice.customer_id,
    currency: invoice.currency,
    amount: input.amount,
    writtenOffOn: input.writtenOffOn,
    reason,
    allocationId,
    invoiceOpenAmount: invoice.open_amount - input.amount,
  };
}

/** Writes off within the actor's authority; beyond it, refused (use `proposeWriteOff`). */
export async function writeOffInvoice(db: Db, actor: Actor, input: WriteOffInput): Promise<WriteOffView> {
  const outcome = await proposeWriteOff(db, actor, input, { allowRequest: false });
  if (outcome.status !== 'written_off') throw new Error('unreachable: a request was not allowed');
  return outcome.writeOff;
}

export type WriteOffOutcome =
  | { status: 'written_off'; writeOff: WriteOffView }
  | { status: 'pending_approval'; approval: ApprovalView };

/**
 * Writes off now when within the actor's authority, else records an approval request (the write-off is
 * made when the last approver agrees). The invoice is checked either way: a request that could not be
 * carried out is not made.
 */
export async function proposeWriteOff(
  db: Db,
  actor: Actor,
  input: WriteOffInput & { today?: string },
  options: { allowRequest?: boolean } = {},
): Promise<WriteOffOutcome> {
  assertCan(actor, 'payments:write');
  const reason = checkInput(input);
  const result = await mappingRaces(() =>
    inTransaction(db, actor, async (tx): Promise<{ writeOff: WriteOffView } | { approvalId: number }> => {
      const invoice = await lockWriteOffInvoice(tx, actor, input);
      const question = {
        kind: 'write_off',
        entityId: invoice.entity_id,
        amount: input.amount,
        currency: invoice.currency,
      };
      if (!(await approvalNeeded(tx, actor, question))) {
        return { writeOff: await insertWriteOff(tx, invoice, input, reason, actor.userId) };
      }
      if (options.allowRequest === false) {
        throw new AppError('FORBIDDEN', msg('approvalRequired', { kind: 'write_off', amount: input.amount }));
      }
      const approvalId = await requestApproval(tx, actor, {
        ...question,
        customerId: invoice.customer_id,
        subjectId: invoice.id,
        subjectLabel: `${invoice.number} · ${input.writtenOffOn}`,
        payload: { invoiceId: invoice.id, amount: input.amount, writtenOffOn: input.writtenOffOn, reason },
        reason,
        today: input.today ?? input.writtenOffOn,
      });
      return { approvalId };
    }),
  );
  if ('writeOff' in result) return { status: 'written_off', writeOff: result.writeOff };
  const today = input.today ?? input.writtenOffOn;
  return {
    status: 'pending_approval',
    approval: await getApproval(db, actor, { id: result.approvalId, today }),
  };
}

/** The approvals kind `write_off`: makes the approved write-off, attributed to its requester. */
export async function applyApprovedWriteOff(
  tx: Tx,
  decider: Actor,
  request: { payload: Record<string, unknown>; requestedBy: number | null },
): Promise<void> {
  const input: WriteOffInput = {
    invoiceId: Number(request.payload.invoiceId),
    amount: Number(request.payload.amount),
    writtenOffOn: String(request.payload.writtenOffOn),
    reason: String(request.payload.reason),
  };
  const reason = checkInput(input);
  const invoice = await lockWriteOffInvoice(tx, decider, input);
  await insertWriteOff(tx, invoice, input, reason, request.requestedBy);
}
