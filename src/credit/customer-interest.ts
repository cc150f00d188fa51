// Late interest on a customer's open invoices as of a date (应收违约金): each invoice under the terms in force
// on its issue date (credit-terms.ts), computed by interest-rules.ts. Scoped like the ledger: an invoice the
// actor may not see is not listed, a customer the actor may not see is "not found".
import { selectCustomerById } from '../ledger/customers/customer-queries';
import { selectInterestBasis } from '../ledger/invoices/interest-basis-queries';
import { type Actor, assertCan, can } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/store';
import { notFound } from '../platform/errors';
import type { CustomerInterestView } from './credit-dto';
import { assertDate, interestTermsOf, termsResolver } from './credit-terms';
import { accruedInterest } from './interest-rules';

export async function getCustomerInterest(
  db: Db | Tx,
  actor: Actor,
  input: { customerId: number; asOf: string; entityId?: number },
): Promise<CustomerInterestView> {
  assertCan(actor, 'ledger:read');
  assertDate(input.asOf, 'asOf');
  if (!(await selectCustomerById(db, actor, input.customerId))) throw notFound('Customer', input.customerId);
  const [invoices, resolve] = await Promise.all([
    selectInterestBasis(db, actor, input),
    termsResolver(db, actor, input.customerId),
  ]);
  const { rows, totals } = interestOf(invoices, resolve, input.asOf);
  return {
    customerId: input.customerId,
    asOf: input.asOf,
    invoices: rows,
    totals,
  };
}

function interestOf(
  invoices: Awaited<ReturnType<typeof selectInterestBasis>>,
  resolve: Awaited<ReturnType<typeof termsResolver>>,
  asOf: string,
) {
  const sums = new Map<string, number>();
  const rows = invoices.map((invoice) => {
    const { source, terms } = resolve(invoice.entityId, invoice.issueDate);
    const result = accruedInterest(invoice, interestTermsOf(terms), asOf);
    sums.set(invoice.currency, (sums.get(invoice.currency) ?? 0) + result.interest);
    return {
      invoiceId: invoice.id,
      number: invoice.number,
      entityId: invoice.entityId,
      currency: invoice.currency,
      amount: invoice.amount,
      openAmount: invoice.openAmount,
      dueDate: invoice.dueDate,
      accruesFrom: result.accruesFrom,
      days: result.days,
      interest: result.interest,
      capped: result.capped,
      termsSource: source,
      termsId: terms?.id ?? null,
      interestKind: terms?.interestKind ?? ('none' as const),
      interestRate: terms?.interestRate ?? null,
    };
  });
  const totals = [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, interest]) => ({ currency, interest }));
  return { rows, totals };
}

/** The case view's figure (plugged into collections by src/app): one customer in one entity, or null for
 * an actor who may not read the ledger. */
export async function caseLateInterest(
  db: Db | Tx,
  actor: Actor,
  input: { customerId: number; entityId: number; asOf: string },
) {
  if (!can(actor, 'ledger:read')) return null;
  // The case is already scoped to the actor: the terms first, and the invoices only where interest is charged.
  const resolve = await termsResolver(db, actor, input.customerId);
  if (!resolve.chargesInterestIn(input.entityId)) return { asOf: input.asOf, totals: [], invoices: [] };
  const view = interestOf(await selectInterestBasis(db, actor, input), resolve, input.asOf);
  return {
    asOf: input.asOf,
    totals: view.totals,
    invoices: view.rows.map(({ invoiceId, interest, days, accruesFrom }) => ({
      invoiceId,
      interest,
      days,
      accruesFrom,
    })),
  };
}
