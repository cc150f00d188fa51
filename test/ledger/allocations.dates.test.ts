// Allocations are dated so that on every past date the allocations then in effect were a valid state: no
// invoice allocated beyond its amount (open below zero), no payment or credit note spent beyond its amount.
// An allocation reversed later still counts on the days before its reversal, so a new one must not start
// before that reversal (see earliestEffectiveOn).
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { allocateManually } from '../../src/ledger/allocations/allocate-manually';
import { autoAllocate } from '../../src/ledger/allocations/auto-allocate';
import { reverseAllocation } from '../../src/ledger/allocations/reverse-allocation';
import { reversePayment } from '../../src/ledger/payments/reverse-payment';
import { writeOffInvoice } from '../../src/ledger/write-offs/write-off-invoice';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { inTransaction } from '../../src/platform/db/transaction';
import { AppError } from '../../src/platform/errors';
import { addDays } from '../../src/shared/dates';
import { seededChoices } from '../support/random';
import { describeEachStore } from '../support/stores';
import { makeCreditNote, makeInvoice, makeParty, makePayment, type Party } from './allocations.fixtures';

const actor = SYSTEM_ACTOR;

/** Every (document, day) from `from` to `to` on which the allocations in effect exceed the document. */
async function overAllocatedDays(db: Db, party: Party, from: string, to: string) {
  const { rows } = await sql<{ what: string; day: string; allocated: number; amount: number }>`
    with days as (select d::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') d),
    docs as (
      select 'invoice ' || i.number as what, i.amount, a.amount as part, a.effective_on, a.reversed_on
        from invoice i join allocation a on a.invoice_id = i.id where i.customer_id = ${party.customerId}
      union all
      select 'payment ' || p.reference, p.amount, a.amount, a.effective_on, a.reversed_on
        from payment p join allocation a on a.payment_id = p.id where p.customer_id = ${party.customerId}
      union all
      select 'credit note ' || c.number, c.amount, a.amount, a.effective_on, a.reversed_on
        from credit_note c join allocation a on a.credit_note_id = c.id where c.customer_id = ${party.customerId})
    select what, day::text, sum(part)::bigint as allocated, min(amount)::bigint as amount
      from docs join days on effective_on <= day and (reversed_on is null or reversed_on > day)
     group by what, day having sum(part) > min(amount)
     order by what, day`.execute(db);
  return rows;
}

const openOn = async (db: Db, invoiceId: number, day: string) => {
  const { rows } = await sql<{ open: number }>`
    select (i.amount - coalesce(sum(a.amount), 0))::bigint as open from invoice i
      left join allocation a on a.invoice_id = i.id and a.effective_on <= ${day}::date
                            and (a.reversed_on is null or a.reversed_on > ${day}::date)
     where i.id = ${invoiceId} group by i.id, i.amount`.execute(db);
  return rows[0].open;
};

describeEachStore('allocation dates', (store) => {
  const auto = (input: { paymentIds?: number[]; creditNoteIds?: number[] }) =>
    inTransaction(store().db, actor, (tx) => autoAllocate(tx, actor, input));

  it('dates a payment allocated after an earlier one was reversed on the reversal date', async () => {
    const db = store().db;
    const party = await makeParty(db);
    // The auditor's case: P2 pays I3 from 3/10 and is reversed on 3/25; P4, received 3/12, pays I3 after.
    const i3 = await makeInvoice(db, party, 'R-I3', 800_00, '2025-10-31', { issueDate: '2025-10-01' });
    const p2 = await makePayment(db, party, 'R-P2', 800_00, '2026-03-10');
    await auto({ paymentIds: [p2] });
    await reversePayment(db, actor, { paymentId: p2, reversedOn: '2026-03-25', reason: 'bounced' });
    const p4 = await makePayment(db, party, 'R-P4', 800_00, '2026-03-12');
    const manual = await allocateManually(db, actor, { invoiceId: i3, paymentId: p4, amount: 800_00 });
    expect(manual.effectiveOn).toBe('2026-03-25');
    expect(await openOn(db, i3, '2026-03-15')).toBe(0);
    expect(await openOn(db, i3, '2026-03-25')).toBe(0);

    // The same through automatic allocation, and a date asked for before the reversal is refused.
    const i6 = await makeInvoice(db, party, 'R-I6', 300_00, '2026-02-28', { issueDate: '2026-01-01' });
    const first = await makePayment(db, party, 'R-P5', 300_00, '2026-02-01');
    await auto({ paymentIds: [first] });
    const [a] = await db.selectFrom('allocation').select('id').where('payment_id', '=', first).execute();
    await reverseAllocation(db, actor, { allocationId: a.id, reversedOn: '2026-03-20', today: '2026-03-20' });
    const second = await makePayment(db, party, 'R-P6', 300_00, '2026-02-15');
    await expect(
      allocateManually(db, actor, { invoiceId: i6, paymentId: second, amount: 1, effectiveOn: '2026-03-19' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: {
        problems: [
          {
            field: 'effectiveOn',
            reason: 'must be on or after 2026-03-20: an earlier allocation of the invoice was reversed then',
          },
        ],
      },
    });
    await auto({ paymentIds: [second] });
    const rows = await db
      .selectFrom('allocation')
      .select(['invoice_id', 'effective_on'])
      .where('payment_id', '=', second)
      .execute();
    expect(rows).toEqual([{ invoice_id: i6, effective_on: '2026-03-20' }]);
    expect(await overAllocatedDays(db, party, '2025-10-01', '2026-04-30')).toEqual([]);
  });

  it('dates a re-applied credit note after its own reversal, and refuses an earlier write-off', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const x = await makeInvoice(db, party, 'R-X', 100_00, '2026-02-01');
    const y = await makeInvoice(db, party, 'R-Y', 100_00, '2026-02-01');
    const cn = await makeCreditNote(db, party, 'R-CN', 100_00, '2026-03-01');
    const onX = await allocateManually(db, actor, { invoiceId: x, creditNoteId: cn, amount: 100_00 });
    await reverseAllocation(db, actor, {
      allocationId: onX.id,
      reversedOn: '2026-03-20',
      today: '2026-03-20',
    });
    // Applied to y from 3/1 it would have been spent twice from 3/1 to 3/19.
    const onY = await allocateManually(db, actor, { invoiceId: y, creditNoteId: cn, amount: 100_00 });
    expect(onY.effectiveOn).toBe('2026-03-20');

    await expect(
      writeOffInvoice(db, actor, {
        invoiceId: x,
        amount: 100_00,
        writtenOffOn: '2026-03-10',
        reason: '破产',
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { problems: [{ field: 'writtenOffOn', reason: expect.stringContaining('2026-03-20') }] },
    });
    await writeOffInvoice(db, actor, {
      invoiceId: x,
      amount: 100_00,
      writtenOffOn: '2026-03-20',
      reason: '破产',
    });

    // An allocation reversed on its own effective date was never in effect: it does not hold others back.
    const z = await makeInvoice(db, party, 'R-Z', 100_00, '2026-02-01');
    const p = await makePayment(db, party, 'R-PZ', 100_00, '2026-02-10');
    const undone = await allocateManually(db, actor, { invoiceId: z, paymentId: p, amount: 100_00 });
    await reverseAllocation(db, actor, {
      allocationId: undone.id,
      reversedOn: '2026-02-10',
      today: '2026-03-01',
    });
    const again = await allocateManually(db, actor, { invoiceId: z, paymentId: p, amount: 100_00 });
    expect(again.effectiveOn).toBe('2026-02-10');
    expect(await overAllocatedDays(db, party, '2026-01-01', '2026-04-30')).toEqual([]);
  });

  it('keeps every open amount within [0, amount] on every date after random allocations and reversals', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const { random, pick, day } = seededChoices(20260315);
    const invoices: number[] = [];
    for (let k = 0; k < 8; k++) {
      const issue = day('2026-01-01', 60);
      invoices.push(
        await makeInvoice(
          db,
          party,
          `RR-I${k}`,
          100_00 * (1 + Math.floor(random() * 5)),
          addDays(issue, 30),
          {
            issueDate: issue,
          },
        ),
      );
    }
    const payments: number[] = [];
    for (let k = 0; k < 12; k++) {
      payments.push(
        await makePayment(
          db,
          party,
          `RR-P${k}`,
          50_00 * (1 + Math.floor(random() * 6)),
          day('2026-01-01', 90),
        ),
      );
    }
    const notes: number[] = [];
    for (let k = 0; k < 3; k++)
      notes.push(await makeCreditNote(db, party, `RR-CN${k}`, 80_00, day('2026-01-15', 60)));

    // Refusals (the amount or date does not fit) are expected; anything else is a failure.
    const attempt = async (op: () => Promise<unknown>) => {
      try {
        await op();
      } catch (error) {
        if (!(error instanceof AppError) || !['INVALID_INPUT', 'CONFLICT'].includes(error.code)) throw error;
      }
    };
    const active = () =>
      db
        .selectFrom('allocation')
        .innerJoin('invoice', 'invoice.id', 'allocation.invoice_id')
        .select(['allocation.id', 'allocation.effective_on', 'allocation.payment_id'])
        .where('invoice.customer_id', '=', party.customerId)
        .where('allocation.reversed_on', 'is', null)
        .execute();
    for (let step = 0; step < 80; step++) {
      const r = random();
      if (r < 0.3) {
        const invoiceId = pick(invoices);
        const source = random() < 0.75 ? { paymentId: pick(payments) } : { creditNoteId: pick(notes) };
        await attempt(() =>
          allocateManually(db, actor, {
            invoiceId,
            ...source,
            amount: 10_00 * (1 + Math.floor(random() * 10)),
          }),
        );
      } else if (r < 0.5) {
        await attempt(() =>
          auto(random() < 0.8 ? { paymentIds: [pick(payments)] } : { creditNoteIds: [pick(notes)] }),
        );
      } else if (r < 0.8) {
        const list = await active();
        if (list.length === 0) continue;
        const a = pick(list);
        const reversedOn = day(a.effective_on, 45);
        await attempt(() =>
          reverseAllocation(db, actor, { allocationId: a.id, reversedOn, today: reversedOn }),
        );
      } else if (r < 0.9) {
        await attempt(() =>
          writeOffInvoice(db, actor, {
            invoiceId: pick(invoices),
            amount: 20_00,
            writtenOffOn: day('2026-01-15', 120),
            reason: 'x',
          }),
        );
      } else {
        const list = (await active()).filter((a) => a.payment_id !== null);
        if (list.length === 0) continue;
        const a = pick(list);
        const reversedOn = day(a.effective_on, 60);
        await attempt(() =>
          reversePayment(db, actor, { paymentId: a.payment_id!, reversedOn, reason: 'bounced' }),
        );
      }
    }
    const { count } = await db
      .selectFrom('allocation')
      .innerJoin('invoice', 'invoice.id', 'allocation.invoice_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('invoice.customer_id', '=', party.customerId)
      .where('allocation.reversed_on', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBeGreaterThan(10);
    expect(await overAllocatedDays(db, party, '2026-01-01', '2026-12-31')).toEqual([]);
  });
});
