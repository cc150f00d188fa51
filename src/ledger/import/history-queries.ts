// Paid-invoice history (kind "history"): each settled row becomes, beside its invoice, a payment (HIST-<number>
// unless the file names one) allocated to the invoice on the settlement date with method 'history'. Rows
// sharing a payment reference are one payment of their total. Re-importing changes nothing; a changed
// settlement reverses the old history allocation (on its own effective date, so it never counted) and
// makes a new one — allocations are never deleted. A payment that no history import made (method other than
// 'history', which nothing else may use) is never taken over: naming its reference is a row error.
import type { RawConnection } from '../../platform/db/connection';
import type { ProblemLog } from './report';
import { collectProblems, STAGE } from './stage-queries';

const SETTLEMENTS = 'import_settlement';

export async function checkSettlements(raw: RawConnection, log: ProblemLog): Promise<void> {
  await collectProblems(
    raw,
    log,
    `with firsts as (
       select distinct on (entity_id, payment_reference) entity_id, payment_reference, line,
              customer_code, currency, settled_date
         from ${STAGE} where settled_date is not null
        order by entity_id, payment_reference, line)
     select s.line, 'payment_reference' as field, s.payment_reference as value,
            'payment ' || s.payment_reference || ' is also on line ' || f.line ||
            ' with another customer, currency or settlement date' as reason
       from ${STAGE} s join firsts f on f.entity_id = s.entity_id and f.payment_reference = s.payment_reference
      where s.settled_date is not null and s.line <> f.line
        and (f.customer_code, f.currency, f.settled_date) is distinct from (s.customer_code, s.currency, s.settled_date)`,
  );
  await collectProblems(
    raw,
    log,
    `select s.line, 'payment_reference' as field, s.payment_reference as value,
            'payment ' || s.payment_reference || ' already exists and was not made by a history import; ' ||
            'give this settlement its own payment reference' as reason
       from ${STAGE} s join payment p on p.entity_id = s.entity_id and p.reference = s.payment_reference
      where s.settled_date is not null and p.method is distinct from 'history'`,
  );
}

/** One row per settling payment: its customer, date, currency, total and invoice numbers. */
export async function stageSettlements(raw: RawConnection): Promise<void> {
  await raw.exec(
    `create temp table ${SETTLEMENTS} on commit drop as
     select s.entity_id, s.payment_reference as reference, min(c.id) as customer_id,
            min(s.settled_date) as settled_date, min(s.currency) as currency, sum(s.amount)::bigint as amount,
            array_agg(s.number order by s.line) as numbers
       from ${STAGE} s join customer c on c.code = s.customer_code
      where s.settled_date is not null
      group by s.entity_id, s.payment_reference`,
  );
}

/**
 * Reverses history allocations of the file's invoices that no longer match the file (settlement removed,
 * moved, or the invoice's amount, currency or customer changed), and voids payments left settling nothing.
 */
export async function reverseStaleSettlements(raw: RawConnection): Promise<void> {
  await raw.query(
    `with stale as (
       update allocation a set reversed_on = a.effective_on
         from payment p, ${STAGE} s
         join invoice i on i.entity_id = s.entity_id and i.number = s.number
         join customer c on c.code = s.customer_code
         left join ${SETTLEMENTS} t on t.entity_id = s.entity_id and t.reference = s.payment_reference
        where a.invoice_id = i.id and p.id = a.payment_id and a.method = 'history' and a.reversed_on is null
          and (t.reference is null or p.entity_id <> t.entity_id or p.reference <> t.reference
               or p.amount <> t.amount or p.received_date <> t.settled_date or p.currency <> t.currency
               or p.customer_id <> t.customer_id
               or i.amount <> s.amount or i.currency <> s.currency or i.customer_id <> c.id)
        returning s.line)
     insert into import_changed (line, inserted) select line, false from stale on conflict (line) do nothing`,
  );
  // A history payment whose invoices are no longer settled in the file is void from its own date.
  await raw.query(
    `update payment p set reversed_on = p.received_date, reversal_reason = 'settlement removed by history import',
            updated_at = now()
      where p.method = 'history' and p.reversed_on is null and p.allocated_amount = 0
        and p.id in (select a.payment_id from allocation a
                      join invoice i on i.id = a.invoice_id
                      join ${STAGE} s on s.entity_id = i.entity_id and s.number = i.number
                     where a.method = 'history' and a.payment_id is not null)
        and not exists (select 1 from ${SETTLEMENTS} t where t.entity_id = p.entity_id and t.reference = p.reference)`,
  );
}

/** Inserts or updates the settling payments; returns how many were created. */
export async function upsertSettlementPayments(raw: RawConnection): Promise<number> {
  const { rows } = await raw.query<{ created: number }>(
    `with up as (
       insert into payment as p (entity_id, customer_id, reference, received_date, currency, amount, method,
                                 remittance_invoice_numbers)
       select entity_id, customer_id, reference, settled_date, currency, amount, 'history', numbers
         from ${SETTLEMENTS}
       on conflict (entity_id, reference) do update
          set customer_id = excluded.customer_id, received_date = excluded.received_date,
              currency = excluded.currency, amount = excluded.amount,
              remittance_invoice_numbers = excluded.remittance_invoice_numbers,
              reversed_on = null, reversal_reason = null, updated_at = now()
        -- checkSettlements refuses the others; this only keeps a payment recorded meanwhile safe.
        where p.method = 'history'
          and (p.customer_id, p.received_date, p.currency, p.amount, p.remittance_invoice_numbers, p.reversed_on)
              is distinct from (excluded.customer_id, excluded.received_date, excluded.currency, excluded.amount,
                                excluded.remittance_invoice_numbers, null::date)
       returning p.entity_id, p.reference, (p.xmax = 0) as inserted),
     marked as (
       insert into import_changed (line, inserted)
       select s.line, false from up join ${STAGE} s on s.entity_id = up.entity_id and s.payment_reference = up.reference
       on conflict (line) do nothing)
     select (count(*) filter (where inserted))::int as created from up`,
  );
  return rows[0]?.created ?? 0;
}

/** Allocates each settling payment to its invoices on their settlement dates (method 'history'). */
export async function allocateSettlements(raw: RawConnection, userId: number | null) {
  const { rows } = await raw.query<{ count: number; amount: string | number | null }>(
    `with wanted as (
       select i.id as invoice_id, p.id as payment_id, s.line,
              -- Never before a reversal on either side (allocation-rules.ts earliestEffectiveOn): otherwise
              -- the invoice or payment would be allocated twice over on the days in between.
              greatest(s.settled_date, i.issue_date,
                       (select max(a.reversed_on) from allocation a
                         where a.invoice_id = i.id and a.reversed_on > a.effective_on),
                       (select max(a.reversed_on) from allocation a
                         where a.payment_id = p.id and a.reversed_on > a.effective_on)) as effective_on,
              least(s.amount, i.amount - i.allocated_amount) as amount,
              sum(least(s.amount, i.amount - i.allocated_amount))
                over (partition by p.id order by s.line) as running,
              p.amount - p.allocated_amount as available
         from ${STAGE} s
         join invoice i on i.entity_id = s.entity_id and i.number = s.number
         join payment p on p.entity_id = s.entity_id and p.reference = s.payment_reference
        where s.settled_date is not null and p.method = 'history' and p.reversed_on is null
          and not exists (select 1 from allocation a
                           where a.invoice_id = i.id and a.payment_id = p.id and a.reversed_on is null)),
     made as (
       insert into allocation (invoice_id, payment_id, amount, effective_on, method, created_by)
       select invoice_id, payment_id, amount, effective_on, 'history', $1::bigint
         from wanted where amount > 0 and running <= available
       returning invoice_id, amount),
     marked as (
       insert into import_changed (line, inserted)
       select w.line, false from wanted w join made m on m.invoice_id = w.invoice_id
       on conflict (line) do nothing)
     select count(*)::int as count, sum(amount) as amount from made`,
    [userId],
  );
  return { count: rows[0]?.count ?? 0, amount: Number(rows[0]?.amount ?? 0) };
}
