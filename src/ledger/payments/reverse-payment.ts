// Reverses a bounced or returned payment (退票 / 退款): every active allocation of it is reversed on the
// reversal date, so its invoices are open again from that date; the rows stay, for history.
import { type Actor, assertCan, SYSTEM_ACTOR } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { lockInvoices, lockPayments } from '../allocations/allocation-queries';
import { mappingRaces } from '../allocations/conflicts';
import { findPayment, loadPaymentDetail, type PaymentDetail } from './payment-queries';

export interface ReversePaymentInput {
  paymentId: number;
  reversedOn: string;
  reason: string;
}

export async function reversePayment(
  db: Db,
  actor: Actor,
  input: ReversePaymentInput,
): Promise<PaymentDetail> {
  assertCan(actor, 'payments:write');
  const reason = input.reason?.trim() ?? '';
  const problems = [];
  if (!isValidIsoDate(input.reversedOn)) {
    problems.push({ field: 'reversedOn', value: input.reversedOn, reason: 'must be a real date YYYY-MM-DD' });
  }
  if (!reason) problems.push({ field: 'reason', reason: 'say why the payment is reversed' });
  if (problems.length > 0) throw invalid(msg('reversalInvalid'), problems);

  return mappingRaces(() =>
    inTransaction(db, actor, async (tx) => {
      const payment = await findPayment(tx, actor, input.paymentId);
      if (!payment) throw notFound('Payment', input.paymentId);
      // Lock order: the invoices it pays (by id), then the payment — as every allocating writer does.
      const active = await tx
        .selectFrom('allocation')
        .select(['invoice_id'])
        .where('payment_id', '=', payment.id)
        .where('reversed_on', 'is', null)
        .execute();
      // The invoices were visible through the payment's customer; lock them all whatever the scope.
      await lockInvoices(
        tx,
        SYSTEM_ACTOR,
        [...new Set(active.map((a) => a.invoice_id))].sort((a, b) => a - b),
      );
      const [locked] = await lockPayments(tx, actor, [payment.id]);
      if (locked.reversed_on)
        throw conflict(
          msg('paymentAlreadyReversed', { reference: payment.reference, date: String(locked.reversed_on) }),
        );
      if (input.reversedOn < locked.received_date) {
        throw invalid(msg('reversalBeforeReceipt'), [
          {
            field: 'reversedOn',
            value: input.reversedOn,
            reason: `must be on or after ${locked.received_date}`,
            code: 'onOrAfter',
            params: { date: locked.received_date },
          },
        ]);
      }
      const latest = await tx
        .selectFrom('allocation')
        .select((eb) => eb.fn.max('effective_on').as('last'))
        .where('payment_id', '=', payment.id)
        .where('reversed_on', 'is', null)
        .executeTakeFirst();
      if (latest?.last && input.reversedOn < latest.last) {
        throw invalid(msg('reversalBeforeAllocations'), [
          {
            field: 'reversedOn',
            value: input.reversedOn,
            reason: `must be on or after ${latest.last}`,
            code: 'onOrAfter',
            params: { date: latest.last },
          },
        ]);
      }
      await tx
        .updateTable('allocation')
        .set({ reversed_on: input.reversedOn })
        .where('payment_id', '=', payment.id)
        .where('reversed_on', 'is', null)
        .execute();
      await tx
        .updateTable('payment')
        .set({ reversed_on: input.reversedOn, reversal_reason: reason, updated_at: new Date() })
        .where('id', '=', payment.id)
        .execute();
      return loadPaymentDetail(tx, actor, payment.id);
    }),
  );
}
