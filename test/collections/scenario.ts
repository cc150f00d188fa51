// Random ledgers and event orders for the engine's property tests: a seeded scenario of customers,
// invoices and day-by-day events (payments, part payments, reversals, disputes raised and resolved,
// promises, new invoices), replayed with engine runs between events in a seeded order. Some days an event
// also comes after the daily cycle and a second full run follows it (`engine run` during the day). And one
// customer in strong collection always has its anchor invoice disputed for a day, so that its case leaves
// the stage and comes back to it.
import { sql } from 'kysely';
import { draw } from '../../src/collections/simulator/behaviour';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import type { Db } from '../../src/platform/db/store';
import { addDays } from '../../src/shared/dates';
import { activate, addCustomer, addEntity, addInvoice, addUser, pay, resetCollections } from './fixtures';

export const START = '2026-03-01';

export interface ScenarioDay {
  date: string;
  /** Events of the day, each followed (or not) by an incremental run, in this order. */
  events: Array<{ apply: (db: Db) => Promise<void>; thenIncremental: boolean }>;
  /** Events after the day's full run, followed by another full run. */
  afterFull: Array<(db: Db) => Promise<void>>;
}

export interface Scenario {
  days: ScenarioDay[];
}

const int = (u: number, min: number, max: number) => min + Math.floor(u * (max - min + 1));

/** Builds the ledger in `db` (after a reset) and returns the events to replay. */
export async function buildScenario(db: Db, seed: number): Promise<Scenario> {
  await resetCollections(db);
  await ensureDefaultStrategies(db);
  await db.updateTable('strategy').set({ active: false }).execute();
  await activate(db, 'standard', 'high-risk');
  const entities = [await addEntity(db, '华东制造'), await addEntity(db, '华南贸易')];
  const collector = await addUser(db);
  const customers: number[] = [];
  const invoices: Array<{ id: number; customerId: number; entityId: number; amount: number }> = [];
  const nCustomers = int(draw(seed, 1), 3, 7);
  for (let c = 0; c < nCustomers; c++) {
    const grade = draw(seed, 2, c) < 0.3 ? 'C' : 'A';
    const id = await addCustomer(db, {
      collectorId: collector,
      attributes: { grade },
      contact: draw(seed, 3, c) > 0.15,
    });
    customers.push(id);
    const nInvoices = int(draw(seed, 4, c), 1, 5);
    for (let i = 0; i < nInvoices; i++) {
      const entityId = entities[draw(seed, 5, c, i) < 0.7 ? 0 : 1];
      const amount = int(draw(seed, 6, c, i), 1, 90) * 100_000;
      const dueDate = addDays(START, int(draw(seed, 7, c, i), -45, 25));
      const disputed = draw(seed, 8, c, i) < 0.1;
      const invoiceId = await addInvoice(db, {
        entityId,
        customerId: id,
        dueDate,
        amount,
        issueDate: addDays(dueDate, -30),
        disputed,
      });
      invoices.push({ id: invoiceId, customerId: id, entityId, amount });
    }
  }
  // 40 days overdue on the first day (strong collection under either strategy), with a younger invoice:
  // disputing the old one makes the young one the anchor, in early overdue; withdrawing it, strong again.
  const flipper = await addCustomer(db, { collectorId: collector, attributes: { grade: 'A' } });
  const anchor = await addInvoice(db, {
    entityId: entities[0],
    customerId: flipper,
    dueDate: addDays(START, -40),
    amount: 700_000,
    issueDate: addDays(START, -70),
  });
  await addInvoice(db, {
    entityId: entities[0],
    customerId: flipper,
    dueDate: addDays(START, -5),
    amount: 200_000,
    issueDate: addDays(START, -35),
  });
  const setDisputed = (disputed: boolean) => async (db: Db) => {
    await sql`update invoice set disputed = ${disputed} where id = ${anchor}`.execute(db);
  };

  const days: ScenarioDay[] = [];
  let date = START;
  for (let d = 0; d < 14; d++) {
    const events: ScenarioDay['events'] = [];
    if (d === 2 || d === 3)
      events.push({ apply: setDisputed(d === 2), thenIncremental: draw(seed, 18, d) < 0.5 });
    const nEvents = int(draw(seed, 10, d), 0, 3);
    for (let e = 0; e < nEvents; e++) {
      const u = draw(seed, 11, d, e);
      const inv = invoices[int(draw(seed, 12, d, e), 0, invoices.length - 1)];
      const thenIncremental = draw(seed, 13, d, e) < 0.5;
      const on = date;
      if (u < 0.35) {
        // A payment of all or part of what is open, allocated to one invoice.
        const share = draw(seed, 14, d, e) < 0.6 ? 1 : 0.5;
        events.push({
          thenIncremental,
          apply: async (db) => {
            const row = await db
              .selectFrom('invoice')
              .select(['open_amount'])
              .where('id', '=', inv.id)
              .executeTakeFirstOrThrow();
            const amount = Math.floor(row.open_amount * share);
            if (amount > 0)
              await pay(db, {
                entityId: inv.entityId,
                customerId: inv.customerId,
                invoiceId: inv.id,
                amount,
                date: on,
              });
          },
        });
      } else if (u < 0.45) {
        // A bounced payment: the invoice's latest allocation is reversed and it opens again.
        events.push({
          thenIncremental,
          apply: async (db) => {
            await sql`update allocation set reversed_on = greatest(${on}::date, effective_on)
                      where id = (select max(id) from allocation where invoice_id = ${inv.id} and reversed_on is null)`.execute(
              db,
            );
          },
        });
      } else if (u < 0.6) {
        events.push({
          thenIncremental,
          apply: async (db) => {
            await sql`update invoice set disputed = not disputed where id = ${inv.id}`.execute(db);
          },
        });
      } else if (u < 0.8) {
        // A promise to pay on the customer's open case, due in a few days.
        const dueIn = int(draw(seed, 15, d, e), 1, 6);
        events.push({
          thenIncremental,
          apply: async (db) => {
            await sql`insert into promise (case_id, customer_id, entity_id, currency, amount, promised_on, due_on)
                      select k.id, k.customer_id, k.entity_id, 'CNY', ${inv.amount}, ${on}::date, ${addDays(on, dueIn)}::date
                      from collection_case k where k.customer_id = ${inv.customerId} and k.entity_id = ${inv.entityId}
                        and k.closed_on is null`.execute(db);
          },
        });
      } else {
        const dueDate = addDays(on, int(draw(seed, 16, d, e), -10, 10));
        events.push({
          thenIncremental,
          apply: async (db) => {
            await addInvoice(db, {
              entityId: inv.entityId,
              customerId: inv.customerId,
              dueDate,
              amount: 300_000,
              issueDate: [on, addDays(dueDate, -30)].sort()[0], // never issued after the day it appears
            });
          },
        });
      }
    }
    // During the day, after the daily cycle: a payment of what is left of an invoice, then `engine run`.
    const afterFull: ScenarioDay['afterFull'] = [];
    if (draw(seed, 19, d) < 0.4) {
      const inv = invoices[int(draw(seed, 20, d), 0, invoices.length - 1)];
      const on = date;
      afterFull.push(async (db) => {
        const row = await db
          .selectFrom('invoice')
          .select(['open_amount'])
          .where('id', '=', inv.id)
          .executeTakeFirstOrThrow();
        if (row.open_amount > 0)
          await pay(db, {
            entityId: inv.entityId,
            customerId: inv.customerId,
            invoiceId: inv.id,
            amount: row.open_amount,
            date: on,
          });
      });
    }
    days.push({ date, events, afterFull });
    date = addDays(date, int(draw(seed, 17, d), 1, 3));
  }
  return { days };
}

/** Every open invoice due by the horizon is in exactly one open case; every open case has such an invoice. */
export async function caseInvariantViolations(db: Db, asOf: string, horizonDays: number): Promise<string[]> {
  const horizon = addDays(asOf, horizonDays);
  const orphans = await sql<{ id: number; cases: number }>`
    select i.id, (select count(*)::int from collection_case k where k.customer_id = i.customer_id
                  and k.entity_id = i.entity_id and k.closed_on is null) as cases
    from invoice i where i.allocated_amount < i.amount and i.due_date <= ${horizon}::date and i.issue_date <= ${asOf}::date`.execute(
    db,
  );
  const empty = await sql<{ id: number }>`
    select k.id from collection_case k where k.closed_on is null and not exists (
      select 1 from invoice i where i.customer_id = k.customer_id and i.entity_id = k.entity_id
        and i.allocated_amount < i.amount and i.due_date <= ${horizon}::date and i.issue_date <= ${asOf}::date)`.execute(
    db,
  );
  return [
    ...orphans.rows
      .filter((r) => r.cases !== 1)
      .map((r) => `invoice ${r.id} is in ${r.cases} open cases on ${asOf}`),
    ...empty.rows.map((r) => `case ${r.id} is open without invoices on ${asOf}`),
  ];
}

/**
 * Every open case was evaluated on what its ledger is now: its anchor (the oldest due date of its
 * undisputed open invoices due by the horizon) is the one the ledger gives. A change the engine took the
 * mark of without evaluating the case again would leave an anchor behind.
 */
export async function staleCases(db: Db, asOf: string, horizonDays: number): Promise<string[]> {
  const horizon = addDays(asOf, horizonDays);
  const rows = await sql<{ id: number; stored: string | null; actual: string | null }>`
    select k.id, k.anchor_due_on as stored, (
      select min(i.due_date) from invoice i
      where i.customer_id = k.customer_id and i.entity_id = k.entity_id and i.allocated_amount < i.amount
        and not i.disputed and i.due_date <= ${horizon}::date and i.issue_date <= ${asOf}::date) as actual
    from collection_case k where k.closed_on is null order by k.id`.execute(db);
  return rows.rows
    .filter((r) => r.stored !== r.actual)
    .map((r) => `case ${r.id} anchored on ${r.stored}, its ledger on ${r.actual} (${asOf})`);
}

/**
 * Firings that break "a step fires at most once per case and trigger": the same days-in-stage occurrence
 * (stage and repetition) of a step fired twice for one case, whatever day its name carries — the stage
 * entered a second time must not start its steps again.
 */
export async function refiredSteps(db: Db): Promise<string[]> {
  const rows = await sql<{ line: string }>`
    select concat_ws(' ', case_id, step_key, string_agg(occurrence_key || '@' || fired_on, ', ' order by id)) as line
    from step_firing where occurrence_key like 's:%'
    group by case_id, step_key, split_part(occurrence_key, ':', 2), split_part(occurrence_key, ':', 4)
    having count(*) > 1`.execute(db);
  return rows.rows.map((r) => r.line);
}

/** Message firings recorded against a message that does not name their step (so never said it). */
export async function unsaidSteps(db: Db): Promise<string[]> {
  const rows = await sql<{ line: string }>`
    select concat_ws(' ', f.case_id, f.step_key, f.fired_on, o.id, o.payload->>'steps') as line
    from step_firing f left join outbox o on o.id = f.outbox_id
    where f.outcome = 'message' and (o.id is null or not (o.payload->'steps' ? f.step_key))`.execute(db);
  return rows.rows.map((r) => r.line);
}

/** What the engine produced, independent of generated ids: comparable across runs. */
export async function engineOutput(
  db: Db,
): Promise<{ outbox: string[]; tasks: string[]; firings: string[] }> {
  const outbox = await sql<{ line: string }>`
    select concat_ws(' | ', k.customer_id, k.entity_id, k.opened_on, o.channel, o.scheduled_on, o.template_key, o.locale,
                     o.status, o.subject, md5(o.body), md5(o.payload::text), md5(o.recipients::text)) as line
    from outbox o join collection_case k on k.id = o.case_id order by line`.execute(db);
  const tasks = await sql<{ line: string }>`
    select concat_ws(' | ', k.customer_id, k.entity_id, k.opened_on, t.type, t.due_on, t.status, t.step_key, md5(t.instructions)) as line
    from task t join collection_case k on k.id = t.case_id order by line`.execute(db);
  const firings = await sql<{ line: string }>`
    select concat_ws(' | ', k.customer_id, k.entity_id, k.opened_on, f.step_key, f.occurrence_key, f.fired_on, f.outcome) as line
    from step_firing f join collection_case k on k.id = f.case_id order by line`.execute(db);
  return {
    outbox: outbox.rows.map((r) => r.line),
    tasks: tasks.rows.map((r) => r.line),
    firings: firings.rows.map((r) => r.line),
  };
}
