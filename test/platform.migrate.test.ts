import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate, readMigrations } from '../src/platform/db/migrate';
import { describeEachStore } from './support/stores';

describeEachStore('migrations', (store) => {
  it('are recorded and not applied twice', async () => {
    const outcome = await migrate(store());
    expect(outcome.applied).toEqual([]);
    expect(outcome.alreadyApplied).toBe(readMigrations().length);
  });

  it('refuse an applied migration whose file changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huikuan-mig-'));
    const files = readMigrations();
    for (const file of files) writeFileSync(join(dir, `${file.version}_${file.name}.sql`), file.sql);
    writeFileSync(join(dir, `${files[0].version}_${files[0].name}.sql`), `${files[0].sql}\n-- edited`);
    await expect(migrate(store(), readMigrations(dir))).rejects.toThrow(/changed after it was applied/);
  });

  it('keep open amounts derived from allocations and refuse over-allocation', async () => {
    const db = store().db;
    const entity = await db
      .insertInto('entity')
      .values({ code: 'MIG', name: 'x', base_currency: 'CNY' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const customer = await db
      .insertInto('customer')
      .values({ code: 'MIG-C', name: '客户', attributes: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const invoice = await db
      .insertInto('invoice')
      .values({
        entity_id: entity.id,
        customer_id: customer.id,
        number: 'I1',
        issue_date: '2026-01-06',
        due_date: '2026-02-05',
        currency: 'CNY',
        amount: 10_000,
      })
      .returning(['id', 'due_date'])
      .executeTakeFirstOrThrow();
    expect(invoice.due_date).toBe('2026-02-05');
    const payment = await db
      .insertInto('payment')
      .values({
        entity_id: entity.id,
        customer_id: customer.id,
        reference: 'P1',
        received_date: '2026-02-01',
        currency: 'CNY',
        amount: 6_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('allocation')
      .values({
        invoice_id: invoice.id,
        payment_id: payment.id,
        amount: 6_000,
        effective_on: '2026-02-01',
        method: 'manual',
      })
      .execute();
    const after = await db
      .selectFrom('invoice')
      .select(['open_amount', 'allocated_amount'])
      .where('id', '=', invoice.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ open_amount: 4_000, allocated_amount: 6_000 });
    await expect(
      db
        .insertInto('allocation')
        .values({
          invoice_id: invoice.id,
          payment_id: payment.id,
          amount: 1,
          effective_on: '2026-02-01',
          method: 'manual',
        })
        .execute(),
    ).rejects.toMatchObject({ constraint: 'payment_not_over_allocated' });
    await db
      .updateTable('allocation')
      .set({ reversed_on: '2026-02-03' })
      .where('invoice_id', '=', invoice.id)
      .execute();
    const reopened = await db
      .selectFrom('invoice')
      .select('open_amount')
      .where('id', '=', invoice.id)
      .executeTakeFirstOrThrow();
    expect(reopened.open_amount).toBe(10_000);
    const { rows } = await sql<{ n: number }>`select count(*) as n from allocation`.execute(db);
    expect(rows[0].n).toBe(1);
  });
});
