// A gateway records the messages it handed over: recordMessagesSent marks those queued for a day up to the
// given one as sent on their day (09:00 business time); later ones stay queued, cancelled ones cancelled.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { recordMessagesSent } from '../../src/collections/cases/record-sent';
import { runEngine } from '../../src/collections/engine/run-engine';
import { addDays } from '../../src/shared/dates';
import { describeEachStore } from '../support/stores';
import { addCustomer, addInvoice, startWithStandardStrategy } from './fixtures';

describeEachStore('recording messages sent', (store) => {
  it('marks the queued messages of days up to the given one sent on their day, and nothing else', async () => {
    const db = store().db;
    const { entityId } = await startWithStandardStrategy(db);
    const customerId = await addCustomer(db);
    await addInvoice(db, {
      entityId,
      customerId,
      issueDate: '2026-01-10',
      dueDate: '2026-03-10',
      amount: 500_000,
    });
    for (let d = '2026-03-01'; d <= '2026-04-10'; d = addDays(d, 1))
      await runEngine(db, { asOf: d, kind: 'full' });
    const before = await sql<{ id: number; scheduled_on: string; status: string }>`
      select id, scheduled_on::text, status from outbox order by scheduled_on, id`.execute(db);
    const days = [...new Set(before.rows.filter((r) => r.status === 'queued').map((r) => r.scheduled_on))];
    expect(days.length).toBeGreaterThanOrEqual(2);
    const upTo = days[days.length - 2];
    await sql`update outbox set status = 'cancelled', error = 'test' where id = ${before.rows[0].id}`.execute(
      db,
    );

    const sent = await recordMessagesSent(db, { upTo });

    const after = await sql<{ id: number; scheduled_on: string; status: string; sent_at: string | null }>`
      select id, scheduled_on::text, status, to_char(sent_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as sent_at
      from outbox order by scheduled_on, id`.execute(db);
    const expected = before.rows.filter((r, k) => k > 0 && r.status === 'queued' && r.scheduled_on <= upTo);
    expect(sent).toBe(expected.length);
    for (const row of after.rows) {
      const was = before.rows.find((r) => r.id === row.id)!;
      if (row.id === before.rows[0].id) expect(row.status).toBe('cancelled');
      else if (was.status === 'queued' && was.scheduled_on <= upTo) {
        expect(row.status).toBe('sent');
        expect(row.sent_at).toBe(`${row.scheduled_on} 01:00`); // 09:00 in Beijing
      } else expect(row.status).toBe(was.status);
    }
    expect(after.rows.some((r) => r.status === 'queued')).toBe(true);
  });
});
