// The simulator reports in the entity's currency (or the one asked for) and, like the reports, leaves an
// amount it cannot convert unknown and names the missing rate — it never counts it as 0.
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { simulate } from '../../src/collections/simulator/simulate';
import { validateSimulationParams } from '../../src/collections/simulator/simulation-jobs';
import { describeEachStore } from '../support/stores';
import { addCustomer, addEntity, addInvoice, resetCollections } from './fixtures';

const FROM = '2026-03-10';
// Pays 60 to 90 days late: nothing is paid within the simulated days, so the figures are known in advance.
const LATE_PAYER = { demoProfile: { profile: 'slow', lateDays: [60, 90] } };

describeEachStore('simulator currencies', (store) => {
  beforeEach(async () => {
    const db = store().db;
    await resetCollections(db);
    await sql`delete from exchange_rate`.execute(db);
  });

  it('leaves amounts without an exchange rate unknown and lists the rate, in the entity currency', {
    timeout: 240_000,
  }, async () => {
    const db = store().db;
    const entityId = await addEntity(db);
    await sql`update entity set base_currency = 'EUR' where id = ${entityId}`.execute(db);
    const customerId = await addCustomer(db, { attributes: LATE_PAYER });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-02-01', amount: 100_000, currency: 'CNY' });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-02-01', amount: 50_000, currency: 'USD' });
    await db
      .insertInto('exchange_rate')
      .values({ from_currency: 'EUR', to_currency: 'CNY', rate_date: '2026-01-01', rate: '8' })
      .execute();
    const result = await simulate(db, { from: FROM, days: 2, strategies: ['none'] });
    expect(result.reportCurrency).toBe('EUR');
    expect(result.missingRates).toEqual(['USD/EUR']);
    const none = result.strategies[0];
    // The USD invoice is overdue and has no rate to EUR: overdue and open AR are unknown, not CNY 1,000 / 8.
    expect([none.overdueStart, none.overdueEnd, none.openEnd, none.dso]).toEqual([null, null, null, null]);
    expect(none.daily.map((d) => d.overdue)).toEqual([null, null]);
    expect(none.collected).toBe(0);

    // With the rate, the same run is known: CNY 1,000.00 / 8 + USD 500.00 × 0.9 = EUR 125.00 + 450.00.
    await db
      .insertInto('exchange_rate')
      .values({ from_currency: 'USD', to_currency: 'EUR', rate_date: '2026-01-01', rate: '0.9' })
      .execute();
    const known = await simulate(db, { from: FROM, days: 2, strategies: ['none'] });
    expect(known.missingRates).toEqual([]);
    expect(known.strategies[0]).toMatchObject({ overdueEnd: 57_500, openEnd: 57_500 });

    // A report currency asked for: amounts in CNY at the reverse of EUR→CNY and no USD→CNY rate.
    const inCny = await simulate(db, { from: FROM, days: 2, strategies: ['none'], reportCurrency: 'CNY' });
    expect(inCny.reportCurrency).toBe('CNY');
    expect(inCny.missingRates).toEqual(['USD/CNY']);
  });

  it('refuses an unknown report currency', () => {
    expect(() =>
      validateSimulationParams({ from: FROM, days: 2, strategies: ['none'], reportCurrency: 'XYZ' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
