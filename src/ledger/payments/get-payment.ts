// One payment with its allocations (active and reversed, oldest first).
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { loadPaymentDetail, type PaymentDetail } from './payment-queries';

export async function getPayment(db: Db, actor: Actor, paymentId: number): Promise<PaymentDetail> {
  return loadPaymentDetail(db, actor, paymentId);
}
