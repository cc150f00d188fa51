// The demo's collections desk (issue 11: "the demo must show a live desk"): the shipped strategies switched
// on, and the engine run day by day over the last weeks of the demo's history with a collector working the
// worklist — calls and visits done with an outcome, promises to pay obtained on some calls, a payment plan
// agreed with some customers in difficulty. Whether a promise or an installment is kept is not drawn: the
// engine settles it from the demo ledger's real payments, so a prompt payer keeps its promise and a
// deadbeat breaks it. Everything goes through the collections module's use cases, as a person would.
// Deterministic: the same demo and seed give the same desk.

import { sql } from 'kysely';
import { selectCase, toCaseSummary } from '../collections/cases/case-queries';
import { createPlan } from '../collections/cases/create-plan';
import { createPromise } from '../collections/cases/create-promise';
import { listTasks } from '../collections/cases/list-tasks';
import { recordMessagesSent } from '../collections/cases/record-sent';
import { updateTask } from '../collections/cases/update-task';
import { runEngine } from '../collections/engine/run-engine';
import { draw } from '../collections/simulator/behaviour';
import { setStrategyActive } from '../collections/strategy/save-strategy';
import { ensureDefaultStrategies, listStrategyVersions } from '../collections/strategy/strategy-queries';
import { SYSTEM_ACTOR } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { addDays } from '../shared/dates';

/** Days of desk work replayed before the as-of date. */
export const DESK_DAYS = 30;
/**
 * The engine runs every few days of the replay, not every day, to keep `npm start` on an empty store quick:
 * within the strategies' catch-up days (3) a step still fires, at most two days late.
 */
export const DESK_STEP_DAYS = 3;

/**
 * Per payment profile: chance that a call obtains a promise, that a case in difficulty gets a plan, and
 * that the customer promises what it is really about to pay (otherwise it promises the whole overdue
 * amount in a few days, to end the call, and mostly breaks that promise).
 */
const HABITS: Record<string, { promise: number; plan: number; honest: number }> = {
  prompt: { promise: 0.7, plan: 0, honest: 0.9 },
  slow: { promise: 0.6, plan: 0.05, honest: 0.75 },
  seasonal: { promise: 0.5, plan: 0.05, honest: 0.8 },
  disputing: { promise: 0.35, plan: 0.05, honest: 0.6 },
  deteriorating: { promise: 0.45, plan: 0.25, honest: 0.35 },
  deadbeat: { promise: 0.4, plan: 0.2, honest: 0.1 },
};

/** Days ahead a customer looks when it names a payment date. */
const PROMISE_HORIZON = 21;

/** The outcome of a call with an honest customer that has no money coming. */
const NO_MONEY = '客户称资金紧张，暂无付款计划';

const OUTCOMES = ['承诺付款', '客户称已安排付款', '留言，待回电', '无人接听', '客户要求对账后付款'];

export interface DeskSummary {
  from: string;
  days: number;
  strategiesActive: string[];
  engineRuns: number;
  messagesSent: number;
  tasksDone: number;
  promises: number;
  plans: number;
  seconds: number;
}

/** Switches on the latest version of every shipped strategy (and any other name with no active version). */
async function activateStrategies(db: Db): Promise<string[]> {
  await ensureDefaultStrategies(db);
  const versions = await listStrategyVersions(db);
  const names = [...new Set(versions.map((v) => v.name))];
  for (const name of names) {
    const mine = versions.filter((v) => v.name === name);
    if (mine.some((v) => v.active)) continue;
    await setStrategyActive(db, SYSTEM_ACTOR, { id: mine[0].id, active: true }); // latest version first
  }
  return names;
}

/** The case's largest overdue amount (by currency), for a promise or plan; null when nothing is overdue. */
async function overdueOf(db: Db, caseId: number, today: string) {
  const row = await selectCase(db, SYSTEM_ACTOR, caseId);
  if (!row) return null;
  const kase = toCaseSummary(row, today);
  if (kase.closedOn || kase.status !== 'active') return null;
  const best = [...kase.totals].sort((a, b) => b.overdue - a.overdue)[0];
  return best && best.overdue > 0
    ? {
        currency: best.currency,
        amount: best.overdue,
        customerId: kase.customer.id,
        entityId: kase.entity.id,
      }
    : null;
}

/**
 * What the customer will pay on the case's invoices (entity and currency) from today to `until`, by day:
 * the demo's ledger already holds the payments of the replayed weeks, so a customer that means it can name
 * the date and amount it is about to pay. Counted as the engine counts a promise's payments.
 */
async function comingPayments(
  db: Db,
  owed: { customerId: number; entityId: number; currency: string },
  today: string,
  until: string,
): Promise<{ day: string; amount: number }[]> {
  const rows = await sql<{ day: string; amount: string }>`
    select a.effective_on::text as day, sum(a.amount)::text as amount
    from allocation a join invoice i on i.id = a.invoice_id
    where i.customer_id = ${owed.customerId} and i.entity_id = ${owed.entityId} and i.currency = ${owed.currency}
      and a.reversed_on is null and a.write_off_id is null
      and a.effective_on >= ${today}::date and a.effective_on <= ${until}::date
    group by a.effective_on order by a.effective_on`.execute(db);
  return rows.rows.map((r) => ({ day: r.day, amount: Number(r.amount) }));
}

/**
 * The promise a customer makes on a call: an honest one names its next payment (date and amount, the
 * amount rounded down to whole hundreds), which it keeps, or promises nothing when it has no money coming;
 * another promises the whole overdue amount in 3–12 days to end the call. Null: no promise.
 */
async function promiseFor(
  db: Db,
  owed: { customerId: number; entityId: number; currency: string; amount: number },
  today: string,
  lastDay: string,
  roll: (k: number) => number,
  honest: number,
): Promise<{ amount: number; dueOn: string } | null> {
  if (roll(5) >= honest) return { amount: owed.amount, dueOn: addDays(today, 3 + Math.floor(roll(4) * 10)) };
  const until = addDays(today, PROMISE_HORIZON) < lastDay ? addDays(today, PROMISE_HORIZON) : lastDay;
  const coming = await comingPayments(db, owed, today, until);
  if (coming.length === 0) return null;
  const amount = Math.min(owed.amount, coming[0].amount);
  const rounded = amount >= 1_000_000 ? Math.floor(amount / 10_000) * 10_000 : amount;
  return { amount: rounded, dueOn: addDays(coming[0].day, Math.floor(roll(6) * 3)) };
}

/** The collector's day: the tasks due by today are done; calls sometimes end with a promise or a plan. */
async function workTheDesk(db: Db, seed: number, today: string, asOf: string, profiles: Map<number, string>) {
  let done = 0;
  let promises = 0;
  let plans = 0;
  for (;;) {
    const page = await listTasks(db, SYSTEM_ACTOR, { status: 'open', dueBy: today, limit: 500 });
    if (page.items.length === 0) break;
    for (const task of page.items) {
      const roll = draw(seed, task.id, 1);
      const habit = HABITS[profiles.get(task.customer.id) ?? 'slow'] ?? HABITS.slow;
      let outcome = task.type === 'call' ? OUTCOMES[Math.floor(roll * OUTCOMES.length)] : '已处理';
      if (task.type === 'call' || task.type === 'visit') {
        const owed = await overdueOf(db, task.caseId, today);
        if (owed && draw(seed, task.id, 2) < habit.plan) {
          const part = Math.floor(owed.amount / 3);
          await createPlan(db, SYSTEM_ACTOR, {
            caseId: task.caseId,
            today,
            currency: owed.currency,
            installments: [1, 2, 3].map((k) => ({
              dueOn: addDays(today, 30 * k),
              amount: k < 3 ? part : owed.amount - 2 * part,
            })),
            note: '演示：分期还款计划',
          });
          outcome = '同意分期还款';
          plans++;
        } else if (owed && draw(seed, task.id, 3) < habit.promise) {
          const roll = (k: number) => draw(seed, task.id, k);
          const promise = await promiseFor(db, owed, today, asOf, roll, habit.honest);
          if (promise) {
            await createPromise(db, SYSTEM_ACTOR, {
              caseId: task.caseId,
              today,
              currency: owed.currency,
              amount: promise.amount,
              dueOn: promise.dueOn,
              note: '演示：电话中承诺付款',
            });
            outcome = '承诺付款';
            promises++;
          } else outcome = NO_MONEY;
        }
      }
      await updateTask(db, SYSTEM_ACTOR, { id: task.id, today, status: 'done', outcome });
      done++;
    }
  }
  return { done, promises, plans };
}

/**
 * Switches the strategies on and replays `days` days of the desk up to `asOf`: each day the engine runs
 * (the first run catches every case up to where its strategy says it should be), then the collector works
 * the tasks due — except on the last day, whose worklist is left for the user.
 */
export async function runDemoDesk(
  db: Db,
  input: { asOf: string; seed: number; days?: number },
): Promise<DeskSummary> {
  const started = performance.now();
  const days = input.days ?? DESK_DAYS;
  const from = addDays(input.asOf, -days);
  const strategiesActive = await activateStrategies(db);
  const customers = await db.selectFrom('customer').select(['id', 'attributes']).execute();
  const profiles = new Map(
    customers.map((c) => {
      const demo = (c.attributes as { demoProfile?: { profile?: string } } | null)?.demoProfile;
      return [c.id, demo?.profile ?? 'slow'] as const;
    }),
  );
  const summary: DeskSummary = {
    from,
    days,
    strategiesActive,
    engineRuns: 0,
    messagesSent: 0,
    tasksDone: 0,
    promises: 0,
    plans: 0,
    seconds: 0,
  };
  for (let day = from; ; day = addDays(day, DESK_STEP_DAYS)) {
    if (day > input.asOf) day = input.asOf;
    await runEngine(db, { asOf: day, kind: 'full' });
    summary.engineRuns++;
    if (day === input.asOf) break; // today's messages and worklist are left for the user
    // The day's messages went out in the morning, before the collector's calls.
    summary.messagesSent += await recordMessagesSent(db, { upTo: day });
    const work = await workTheDesk(db, input.seed, day, input.asOf, profiles);
    summary.tasksDone += work.done;
    summary.promises += work.promises;
    summary.plans += work.plans;
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
