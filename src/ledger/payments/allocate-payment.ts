// Runs automatic allocation (by reference, then FIFO) for one payment on demand, e.g. after the invoices
// it pays were imported later than the payment.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, msg, notFound } from '../../platform/errors';
import { autoAllocate } from '../allocations/auto-allocate';
import { mappingRaces } from '../allocations/conflicts';
import { findPayment, loadPaymentDetail, type PaymentDetail } from './payment-queries';

export async function allocatePayment(db: Db, actor: Actor, paymentId: number): Promise<PaymentDetail> {
  assertCan(actor, 'payments:write');
  return mappingRaces(() =>
    inTransaction(db, actor, async (tx) => {
      const payment = await findPayment(tx, actor, paymentId);
      if (!payment) throw notFound('Payment', paymentId);
      if (payment.reversedOn)
        throw conflict(
          msg('paymentReversed', { reference: payment.reference, date: String(payment.reversedOn) }),
        );
      await autoAllocate(tx, actor, { paymentIds: [paymentId] });
      return loadPaymentDetail(tx, actor, paymentId);
    }),
  );
}
