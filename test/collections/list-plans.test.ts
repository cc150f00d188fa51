// The case list and the task worklist read a page from an index in the screen's order (migration 0024),
// rather than reading and sorting every open case or task, and plan their statements without parallel
// workers. Checked on the plans of the statements the use cases really run: they are recorded, replayed in
// a transaction and the list's SELECT is EXPLAINed with its parameters. The replay makes parallel plans as
// cheap as they can be, so that a plan without them is the list's own doing.
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { listCases } from '../../src/collections/cases/list-cases';
import { listTasks } from '../../src/collections/cases/list-tasks';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { type PlanNode, planOf as planOfStatements } from '../support/plans';
import { describeEachStore } from '../support/stores';

const CUSTOMERS = 20_000;
const TODAY = '2026-06-30';

/** The plan of the last statement `fn` runs, after the ones before it, on a server keen on parallel plans. */
function planOf(db: Db, fn: (db: Db) => Promise<unknown>): Promise<PlanNode[]> {
  return planOfStatements(db, fn, {
    settings: [
      'parallel_setup_cost = 0',
      'parallel_tuple_cost = 0',
      'min_parallel_table_scan_size = 0',
      'min_parallel_index_scan_size = 0',
    ],
  });
}

function expectIndexPage(plan: PlanNode[], index: string): void {
  const types = plan.map((n) => n['Node Type']);
  expect(plan.map((n) => n['Index Name']).filter(Boolean)).toContain(index);
  expect(types).not.toContain('Sort');
  expect(types).not.toContain('Gather');
  expect(types).not.toContain('Gather Merge');
}

describeEachStore('case list and worklist plans', (store) => {
  let assigneeId: number;

  beforeAll(async () => {
    const db = store().db;
    // Many open cases and tasks, a tenth closed or done: a page is a small part of either.
    await sql`insert into entity (code, name, base_currency) values ('E1', '华东制造有限公司', 'CNY')`.execute(
      db,
    );
    await sql`insert into app_user (username, display_name)
      select 'collector' || g, '催收员' || g from generate_series(1, 20) g`.execute(db);
    assigneeId = Number(
      (await sql<{ id: number }>`select min(id) as id from app_user`.execute(db)).rows[0].id,
    );
    await sql`insert into customer (code, name, collector_id)
      select 'C' || lpad(g::text, 6, '0'), '客户' || g, ${assigneeId}::bigint + g % 20
      from generate_series(1, ${CUSTOMERS}::int) g`.execute(db);
    await sql`insert into collection_case
        (customer_id, entity_id, stage_since, opened_on, closed_on, next_action_on, amount_cny, days_past_due)
      select c.id, e.id, date '2026-01-01', date '2026-01-01',
             case when c.id % 10 = 0 then date '2026-03-01' end,
             case when c.id % 7 <> 0 then date '2026-06-01' + (c.id % 90)::int end,
             (c.id * 7919) % 100000000, case when c.id % 5 <> 0 then (c.id % 400)::int - 30 end
      from customer c cross join entity e`.execute(db);
    await sql`insert into task (case_id, customer_id, entity_id, type, title, due_on, assignee_id, status)
      select k.id, k.customer_id, k.entity_id, 'call', '电话催收', date '2026-06-01' + (k.id % 60)::int,
             ${assigneeId}::bigint + k.id % 20, case when k.id % 10 = 3 then 'done' else 'open' end
      from collection_case k`.execute(db);
    await sql`analyze customer, collection_case, task`.execute(db);
  });

  it.each([
    ['next action (the default)', 'nextActionOn', 'collection_case_open_next_action'],
    ['open amount, largest first', '-amount', 'collection_case_open_amount'],
    ['days past due, most first', '-daysPastDue', 'collection_case_open_dpd'],
  ])('the case list by %s reads a page from its index', async (_name, sort, index) => {
    const plan = await planOf(store().db, (db) =>
      listCases(db, SYSTEM_ACTOR, { sort, limit: 50, today: TODAY }),
    );
    expectIndexPage(plan, index);
  });

  it('the cases due today read their range of the next-action index', async () => {
    const plan = await planOf(store().db, (db) =>
      listCases(db, SYSTEM_ACTOR, { dueBy: '2026-06-05', limit: 50, today: TODAY }),
    );
    expectIndexPage(plan, 'collection_case_open_next_action');
  });

  it('the worklist of open tasks, and of one assignee, reads a page from an index', async () => {
    expectIndexPage(
      await planOf(store().db, (db) => listTasks(db, SYSTEM_ACTOR, { limit: 50 })),
      'task_open_due',
    );
    expectIndexPage(
      await planOf(store().db, (db) => listTasks(db, SYSTEM_ACTOR, { assigneeId, limit: 50 })),
      'task_open_assignee_due',
    );
  });

  it('a case search the indexes cannot answer still runs without parallel workers', async () => {
    const plan = await planOf(store().db, (db) =>
      listCases(db, SYSTEM_ACTOR, { q: '客户1999', limit: 50, today: TODAY }),
    );
    const types = plan.map((n) => n['Node Type']);
    expect(types).not.toContain('Gather');
    expect(types).not.toContain('Gather Merge');
  });

  it('pages still follow the sort order across cursors', async () => {
    const db = store().db;
    const first = await listCases(db, SYSTEM_ACTOR, { sort: '-amount', limit: 50, today: TODAY });
    const second = await listCases(db, SYSTEM_ACTOR, {
      sort: '-amount',
      limit: 50,
      today: TODAY,
      cursor: first.nextCursor ?? undefined,
    });
    const amounts = [...first.items, ...second.items].map((c) => c.amountCny ?? 0);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const due = await listCases(db, SYSTEM_ACTOR, { dueBy: '2026-06-05', limit: 500, today: TODAY });
    expect(due.items.length).toBeGreaterThan(0);
    expect(due.items.every((c) => c.nextActionOn !== null && c.nextActionOn <= '2026-06-05')).toBe(true);
  });
});
