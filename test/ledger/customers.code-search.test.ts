// The customer search by code prefix reads the customers of that prefix from an index, whatever the
// statistics: on a worked database (after VACUUM ANALYZE) the planner used to walk the code index from the
// first customer and filter, reading half the table for a prefix in the middle of the codes.
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { listCustomers } from '../../src/ledger/customers/list-customers';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { planOf } from '../support/plans';
import { describeEachStore } from '../support/stores';

const CUSTOMERS = 20_000;
const TODAY = '2026-06-30';

describeEachStore('customer search by code prefix', (store) => {
  beforeAll(async () => {
    const db = store().db;
    await sql`insert into customer (code, name, tax_id)
      select 'C' || lpad(g::text, 6, '0'), (array['苏州', '无锡', '杭州', '宁波'])[1 + g % 4] || '恒达五金有限公司' || g,
             '91320500' || lpad(g::text, 10, '0')
      from generate_series(1, ${CUSTOMERS}::int) g`.execute(db);
    await sql`vacuum analyze customer`.execute(db);
  });

  it('reads only the customers of a prefix in the middle of the codes', async () => {
    const plan = await planOf(
      store().db,
      (db) => listCustomers(db, SYSTEM_ACTOR, { q: 'C0100', limit: 50, today: TODAY }),
      { analyze: true, pick: () => 0 },
    );
    const customerRowsRead = plan
      .filter((n) => n['Relation Name'] === 'customer')
      .reduce(
        (sum, n) =>
          sum +
          (n['Actual Rows'] ?? 0) +
          (n['Rows Removed by Filter'] ?? 0) +
          (n['Rows Removed by Index Recheck'] ?? 0),
        0,
      );
    // The prefix matches 100 customers (C010000–C010099); reading a few hundred rows is fine, ten thousand is not.
    expect(customerRowsRead).toBeLessThan(500);
  });

  it('still finds by code prefix, name and tax id, in code order, page after page', async () => {
    const db = store().db;
    const first = await listCustomers(db, SYSTEM_ACTOR, { q: 'c0100', limit: 50, today: TODAY });
    const second = await listCustomers(db, SYSTEM_ACTOR, {
      q: 'c0100',
      limit: 50,
      today: TODAY,
      cursor: first.nextCursor ?? undefined,
    });
    const codes = [...first.items, ...second.items].map((c) => c.code);
    expect(codes).toEqual(Array.from({ length: 100 }, (_, k) => `C0100${String(k).padStart(2, '0')}`));
    expect(second.nextCursor).toBeNull();
    await sql`insert into customer (code, name) values ('c777abc', '小写代码'), ('C777ABD', '大写代码')`.execute(
      db,
    );
    const mixed = await listCustomers(db, SYSTEM_ACTOR, { q: 'C777', limit: 50, today: TODAY });
    expect(mixed.items.map((c) => c.code)).toEqual(['C777ABD', 'c777abc']);
    const byName = await listCustomers(db, SYSTEM_ACTOR, { q: '五金有限公司1999', limit: 50, today: TODAY });
    expect(byName.items.map((c) => c.code)).toEqual([
      'C001999',
      ...Array.from({ length: 10 }, (_, k) => `C01999${k}`),
    ]);
    const byTaxId = await listCustomers(db, SYSTEM_ACTOR, {
      q: '913205000000012345',
      limit: 50,
      today: TODAY,
    });
    expect(byTaxId.items.map((c) => c.code)).toEqual(['C012345']);
    const byName2 = await listCustomers(db, SYSTEM_ACTOR, {
      q: '五金',
      sort: '-name',
      limit: 3,
      today: TODAY,
    });
    expect(byName2.items.map((c) => c.name)).toEqual([...byName2.items.map((c) => c.name)].sort().reverse());
  });
});
