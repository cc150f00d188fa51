// Records a payment received (收款单 / 回款) and, unless told not to, allocates it at once (自动核销).
// Idempotent by (entity, reference): a repeat with the same data returns the stored payment (created:
// false), a repeat with different data is a CONFLICT — a bank reference is never reused for other money.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { AppError, invalid, msg } from '../../platform/errors';
import { autoAllocate } from '../allocations/auto-allocate';
import { mappingRaces } from '../allocations/conflicts';
import { assertCurrency, type PartyRef, resolveCustomer, resolveEntity } from './party-queries';
import { loadPaymentDetail, type PaymentDetail } from './payment-queries';
import { normalizePayment, paymentDifferences, type RawPaymentFields } from './payment-rules';

export interface RecordPaymentInput extends PartyRef, RawPaymentFields {
  /** Allocate by reference, then FIFO, right away (default true). */
  autoAllocate?: boolean;
}

export interface RecordPaymentResult {
  created: boolean;
  payment: PaymentDetail;
}

export async function recordPayment(
  db: Db,
  actor: Actor,
  input: RecordPaymentInput,
): Promise<RecordPaymentResult> {
  assertCan(actor, 'payments:write');
  const { fields, problems } = normalizePayment(input);
  if (problems.length > 0) throw invalid(msg('paymentInvalid'), problems);

  return mappingRaces(() =>
    inTransaction(db, actor, async (tx) => {
      const customer = await resolveCustomer(tx, actor, input);
      const entity = await resolveEntity(tx, actor, input, customer.id);
      await assertCurrency(tx, fields.currency);
      // ON CONFLICT DO NOTHING waits for a concurrent insert of the same reference to finish, so two
      // identical requests racing both end here with one stored payment.
      const inserted = await tx
        .insertInto('payment')
        .values({
          entity_id: entity.id,
          customer_id: customer.id,
          reference: fields.reference,
          received_date: fields.receivedDate,
          currency: fields.currency,
          amount: fields.amount,
          method: fields.method,
          remittance_invoice_numbers: fields.remittanceInvoiceNumbers,
          note: fields.note,
        })
        .onConflict((oc) => oc.columns(['entity_id', 'reference']).doNothing())
        .returning('id')
        .executeTakeFirst();

      if (!inserted) {
        const stored = await tx
          .selectFrom('payment')
          .selectAll()
          .where('entity_id', '=', entity.id)
          .where('reference', '=', fields.reference)
          .executeTakeFirstOrThrow();
        const differences = paymentDifferences(stored, customer.id, fields);
        if (differences.length > 0) {
          throw new AppError(
            'CONFLICT',
            msg('paymentDiffers', {
              reference: fields.reference,
              entity: entity.code,
              fields: differences.join(', '),
            }),
            { problems: differences.map((field) => ({ field, reason: 'differs from the stored payment' })) },
          );
        }
        return { created: false, payment: await loadPaymentDetail(tx, actor, stored.id) };
      }

      if (input.autoAllocate !== false) await autoAllocate(tx, actor, { paymentIds: [inserted.id] });
      return { created: true, payment: await loadPaymentDetail(tx, actor, inserted.id) };
    }),
  );
}
