// The collections part of the simulator's snapshot (snapshot.ts): strategies and their rules, and the
// collection work under way at the start date, so that the copy's first day goes on from it rather than
// starting every case afresh (a first day then fired every step of the last catch-up days again, a burst
// the real customers never saw): the cases open on that date, the steps they fired before it (no message or
// task: only the keys, which stop a step firing twice), and their promises and plans. All of it as it stood
// on that date, not as it is now (start-state.ts): the case rows say where the cases are today, so a case's
// anchor, stage, floor, clock and status are worked out again from the ledger and the steps fired by then;
// a promise or installment settled later is open again, for what was still owed. The ledger's side (the
// invoices and receipts as of the date) is read through the ledger's snapshot queries.
import { sql } from 'kysely';
import {
  type InvoiceWithAllocations,
  selectInvoicesOpenWithin,
  selectReceiptsWithin,
} from '../../ledger/snapshot/snapshot-queries';
import type { CaseStage, CaseStatus } from '../../platform/db/schema';
import type { Db } from '../../platform/db/store';
import { addDays } from '../../shared/dates';
import type { StageClock } from '../engine/case-state';
import { NO_STRATEGY } from '../engine/engine-context';
import { FALLBACK_STRATEGY } from '../strategy/default-strategies';
import { reminderHorizon, type Stage, type Strategy, strategyFromRow } from '../strategy/strategy-schema';
import { type CopiedTable, copied } from './copied-table';
import {
  type CaseNow,
  caseStartState,
  type FiredStep,
  type HoldSpanNow,
  holdSpansOn,
  type InvoiceHistory,
  type PlanNow,
  type PromiseNow,
  planOn,
  promiseOn,
  statusOn,
} from './start-state';

export type StrategyCopy = Parameters<typeof strategyFromRow>[0] & {
  description: string | null;
  stages: unknown;
  settings: unknown;
  steps: unknown;
};

export interface StrategyRuleCopy {
  id: number;
  priority: number;
  strategy_name: string;
  segment: string | null;
  grade: string | null;
  language: string | null;
  min_amount: number | null;
  max_amount: number | null;
  amount_currency: string;
}

export interface CustomerStrategyCopy {
  customer_id: number;
  strategy_name: string;
}

interface CaseNowRow {
  id: number;
  customer_id: number;
  entity_id: number;
  stage: CaseStage;
  stage_since: string;
  stage_clock: StageClock | null;
  manual_status: CaseNow['manualStatus'];
  paused_until: string | null;
  collector_id: number | null;
  strategy_id: number | null;
  opened_on: string;
  hold_spans: HoldSpanNow[] | null;
  strategy_name: string | null;
  strategy_since: string | null;
}

export interface CaseCopy extends Omit<CaseNowRow, 'stage_clock'> {
  stage_clock: StageClock;
  stage_floor: 'early' | 'strong' | null;
  status: CaseStatus;
  anchor_due_on: string | null;
  days_past_due: number | null;
}

export interface StepFiringCopy {
  id: number;
  case_id: number;
  step_key: string;
  occurrence_key: string;
  strategy_id: number;
  stage: string;
  action: string;
  fired_on: string;
  outcome: string;
  detail: string | null;
}

export interface PromiseCopy {
  id: number;
  case_id: number;
  customer_id: number;
  entity_id: number;
  currency: string;
  amount: number;
  promised_on: string;
  due_on: string;
  status: PromiseNow['status'];
  paid_amount: number;
  resolved_on: string | null;
}

export interface PaymentPlanCopy {
  id: number;
  case_id: number;
  customer_id: number;
  entity_id: number;
  currency: string;
  created_on: string;
  status: PlanNow['status'];
}

export interface InstallmentCopy {
  plan_id: number;
  seq: number;
  due_on: string;
  amount: number;
  status: 'open' | 'paid' | 'missed';
  resolved_on: string | null;
}

export async function selectStrategies(db: Db): Promise<StrategyCopy[]> {
  const { rows } = await sql<StrategyCopy>`
    select id, name, version, locale, label, description, stages, settings, steps, active
      from strategy order by id`.execute(db);
  return rows;
}

/** Strategies, their rules and the customers' strategy choices (of the copied customers). */
export async function strategyTables(db: Db, customerIds: number[], strategies: StrategyCopy[]) {
  const rules = await sql<StrategyRuleCopy>`
    select id, priority, strategy_name, segment, grade, language, min_amount, max_amount, amount_currency
      from strategy_rule order by id`.execute(db);
  const chosen = await sql<CustomerStrategyCopy>`
    select customer_id, strategy_name from customer_strategy
     where customer_id = any(${customerIds}::bigint[]) order by customer_id`.execute(db);
  return {
    strategy: copied(strategies, [
      'id',
      'name',
      'version',
      'locale',
      'label',
      'description',
      'stages',
      'settings',
      'steps',
      'active',
    ]),
    strategy_rule: copied(rules.rows, [
      'id',
      'priority',
      'strategy_name',
      'segment',
      'grade',
      'language',
      'min_amount',
      'max_amount',
      'amount_currency',
    ]),
    customer_strategy: copied(chosen.rows, ['customer_id', 'strategy_name']),
  };
}

export interface CollectionTables {
  collection_case: CopiedTable<CaseCopy>;
  step_firing: CopiedTable<StepFiringCopy>;
  promise: CopiedTable<PromiseCopy>;
  payment_plan: CopiedTable<PaymentPlanCopy>;
  payment_plan_installment: CopiedTable<InstallmentCopy>;
}

/** The collection work under way on `from` as it stood then (see the head of this file). */
export async function collectionState(
  db: Db,
  customerIds: number[],
  from: string,
  strategyRows: StrategyCopy[],
): Promise<CollectionTables> {
  const cases = (
    await sql<CaseNowRow>`
      select k.id, k.customer_id, k.entity_id, k.stage, k.stage_since, k.stage_clock, k.manual_status,
             k.paused_until, k.collector_id, k.strategy_id, k.opened_on, to_jsonb(k)->'hold_spans' as hold_spans,
             k.strategy_name, case when k.strategy_since <= ${from}::date then k.strategy_since end as strategy_since
      from collection_case k
      where k.customer_id = any(${customerIds}::bigint[]) and k.opened_on <= ${from}::date
        and (k.closed_on is null or k.closed_on > ${from}::date)
      order by k.id`.execute(db)
  ).rows;
  const caseIds = cases.map((k) => Number(k.id));
  const firings = (
    await sql<StepFiringCopy>`
      select id, case_id, step_key, occurrence_key, strategy_id, stage, action, fired_on, outcome, detail
      from step_firing where case_id = any(${caseIds}::bigint[]) and fired_on < ${from}::date order by id`.execute(
      db,
    )
  ).rows;
  // The invoices of the cases that were open on some day from the case's opening to the date, with their
  // allocations as of the date: the cases' stages are replayed from them (start-state.ts).
  const history = await selectInvoicesOpenWithin(
    db,
    cases.map((k) => ({
      customerId: Number(k.customer_id),
      entityId: Number(k.entity_id),
      since: k.opened_on,
    })),
    from,
  );
  // Hand-overs (legal, agency) that steps made from the date on: not yet made then.
  const laterStatuses = (
    await sql<{ case_id: number; status: string }>`
      select distinct f.case_id, st->>'setStatus' as status
      from step_firing f join strategy s on s.id = f.strategy_id
      cross join lateral jsonb_array_elements(s.steps) st
      where f.case_id = any(${caseIds}::bigint[]) and f.fired_on >= ${from}::date
        and st->>'key' = f.step_key and st->>'setStatus' is not null`.execute(db)
  ).rows;
  // Receipts towards a commitment, as the sync counts them, but as the ledger stood on the date: a
  // promise's up to its due date and grace days (not after the date), a plan's up to the date.
  const promiseRows = (
    await sql<PromiseCopy & { until: string }>`
      select p.id, p.case_id, p.customer_id, p.entity_id, p.currency, p.amount, p.promised_on, p.due_on,
             p.status, p.paid_amount, p.resolved_on,
             least(${from}::date, p.due_on + coalesce((st.settings->>'promiseGraceDays')::int, 2)) as until
      from promise p join collection_case k on k.id = p.case_id left join strategy st on st.id = k.strategy_id
      where p.case_id = any(${caseIds}::bigint[]) and p.promised_on <= ${from}::date order by p.id`.execute(
      db,
    )
  ).rows;
  const promisePaid = await selectReceiptsWithin(
    db,
    promiseRows.map((p) => ({
      customerId: Number(p.customer_id),
      entityId: Number(p.entity_id),
      currency: p.currency,
      since: p.promised_on,
      until: p.until,
    })),
    from,
  );
  const planRows = (
    await sql<PaymentPlanCopy & { replaced_then: boolean }>`
      select pp.id, pp.case_id, pp.customer_id, pp.entity_id, pp.currency, pp.created_on, pp.status,
             exists (select 1 from payment_plan n where n.case_id = pp.case_id and n.id > pp.id
                     and n.created_on <= ${from}::date
                     -- a proposal waiting for or refused approval never replaced the active plan
                     and n.status not in ('pending', 'rejected')) as replaced_then
      from payment_plan pp where pp.case_id = any(${caseIds}::bigint[]) and pp.created_on <= ${from}::date
      order by pp.id`.execute(db)
  ).rows;
  const planPaid = await selectReceiptsWithin(
    db,
    planRows.map((p) => ({
      customerId: Number(p.customer_id),
      entityId: Number(p.entity_id),
      currency: p.currency,
      since: p.created_on,
      until: from,
    })),
    from,
  );
  const installments = (
    await sql<InstallmentCopy>`
      select pi.plan_id, pi.seq, pi.due_on, pi.amount, pi.status, pi.resolved_on
      from payment_plan_installment pi join payment_plan pp on pp.id = pi.plan_id
      where pp.case_id = any(${caseIds}::bigint[]) and pp.created_on <= ${from}::date
      order by pi.plan_id, pi.seq`.execute(db)
  ).rows;

  const installmentsOf = groupBy(installments, (i) => i.plan_id);
  const plansThen: PaymentPlanCopy[] = [];
  const installmentsThen: InstallmentCopy[] = [];
  const planHold = new Set<number>();
  planRows.forEach(({ replaced_then, ...plan }, n) => {
    const then = planOn(
      {
        status: plan.status,
        replacedThen: Boolean(replaced_then),
        paidThen: planPaid[n],
        installments: (installmentsOf.get(Number(plan.id)) ?? []).map((i) => ({
          seq: Number(i.seq),
          dueOn: String(i.due_on),
          amount: Number(i.amount),
          status: i.status,
          resolvedOn: i.resolved_on === null ? null : String(i.resolved_on),
        })),
      },
      from,
    );
    plansThen.push({ ...plan, status: then.status });
    for (const i of then.installments) {
      installmentsThen.push({
        plan_id: plan.id,
        seq: i.seq,
        due_on: i.dueOn,
        amount: i.amount,
        status: i.status,
        resolved_on: i.resolvedOn,
      });
    }
    if (then.status === 'active') planHold.add(Number(plan.case_id));
  });

  // The cases: anchor, stage and status on the date.
  const strategies = new Map<number, Strategy>();
  for (const row of strategyRows) {
    const strategy = strategyFromRow(row);
    strategies.set(strategy.id, strategy);
  }
  const active = [...strategies.values()].filter((s) => s.active);
  const fallback = active.find((s) => s.name === FALLBACK_STRATEGY) ?? NO_STRATEGY;
  const horizonDays = reminderHorizon(active);
  const invoicesOf = groupBy(history, (i) => `${i.customer_id}:${i.entity_id}`);
  const firedBy = groupBy(firings, (f) => Number(f.case_id));
  const promisesOf = groupBy(
    promiseRows.map(({ until: _until, ...p }, n) => ({ ...p, paid_then: promisePaid[n] })),
    (p) => Number(p.case_id),
  );
  const laterStatusesOf = groupBy(laterStatuses, (l) => Number(l.case_id));
  const casesThen: CaseCopy[] = [];
  const promisesThen: PromiseCopy[] = [];
  for (const k of cases) {
    const id = Number(k.id);
    const state = caseStartState({
      kase: {
        stage: k.stage as Stage,
        stageSince: String(k.stage_since),
        stageClock: (k.stage_clock ?? {}) as StageClock,
        manualStatus: k.manual_status,
        pausedUntil: k.paused_until === null ? null : String(k.paused_until),
        openedOn: String(k.opened_on),
        strategyId: k.strategy_id === null ? null : Number(k.strategy_id),
      },
      from,
      horizonDays,
      invoices: (invoicesOf.get(`${k.customer_id}:${k.entity_id}`) ?? []).map(invoiceHistory),
      fired: (firedBy.get(id) ?? []).map(
        (f): FiredStep => ({
          id: Number(f.id),
          stepKey: String(f.step_key),
          occurrenceKey: String(f.occurrence_key),
          strategyId: Number(f.strategy_id),
          stage: f.stage as Stage,
          firedOn: String(f.fired_on),
        }),
      ),
      laterStatuses: new Set((laterStatusesOf.get(id) ?? []).map((l) => String(l.status))),
      strategies,
      fallback,
    });
    let promiseHold = false;
    for (const { paid_then, ...p } of promisesOf.get(id) ?? []) {
      const then = promiseOn(
        {
          amount: Number(p.amount),
          status: p.status,
          paidAmount: Number(p.paid_amount),
          resolvedOn: p.resolved_on === null ? null : String(p.resolved_on),
          paidThen: paid_then,
        },
        from,
      );
      promisesThen.push({
        ...p,
        amount: then.amount,
        status: then.status,
        paid_amount: then.paidAmount,
        resolved_on: then.resolvedOn,
      });
      if (
        then.status === 'open' &&
        addDays(String(p.due_on), state.strategy.settings.promiseGraceDays) >= from
      )
        promiseHold = true;
    }
    casesThen.push({
      ...k,
      hold_spans: k.hold_spans ? holdSpansOn(k.hold_spans, from) : null,
      stage: state.stage,
      stage_since: state.stageSince,
      stage_clock: state.stageClock,
      stage_floor: state.stageFloor,
      manual_status: state.manualStatus,
      paused_until: state.pausedUntil,
      anchor_due_on: state.anchorDueOn,
      days_past_due: state.daysPastDue,
      status: statusOn(state, from, promiseHold ? 'promise' : planHold.has(id) ? 'plan' : null),
    });
  }

  // Pauses and all-disputed periods the engine recorded (a column newer than the copy code's first version:
  // carried when the store has it).
  const spanColumn: Array<'hold_spans'> = cases.some(
    (k) => k.hold_spans !== null && k.hold_spans !== undefined,
  )
    ? ['hold_spans']
    : [];
  return {
    collection_case: copied(casesThen, [
      ...spanColumn,
      'id',
      'customer_id',
      'entity_id',
      'stage',
      'stage_since',
      'stage_clock',
      'stage_floor',
      'status',
      'manual_status',
      'paused_until',
      'collector_id',
      'strategy_id',
      // The strategy that had reached the case by the date, and since when: no catch-up in the copy for
      // what the real engine did under it (a simulated other strategy reaches the case on the date).
      'strategy_name',
      'strategy_since',
      'anchor_due_on',
      'days_past_due',
      'opened_on',
    ]),
    step_firing: copied(firings, [
      'id',
      'case_id',
      'step_key',
      'occurrence_key',
      'strategy_id',
      'stage',
      'action',
      'fired_on',
      'outcome',
      'detail',
    ]),
    promise: copied(promisesThen, [
      'id',
      'case_id',
      'customer_id',
      'entity_id',
      'currency',
      'amount',
      'promised_on',
      'due_on',
      'status',
      'paid_amount',
      'resolved_on',
    ]),
    payment_plan: copied(plansThen, [
      'id',
      'case_id',
      'customer_id',
      'entity_id',
      'currency',
      'created_on',
      'status',
    ]),
    payment_plan_installment: copied(installmentsThen, [
      'plan_id',
      'seq',
      'due_on',
      'amount',
      'status',
      'resolved_on',
    ]),
  };
}

function invoiceHistory(i: InvoiceWithAllocations): InvoiceHistory {
  return {
    issueDate: String(i.issue_date),
    dueDate: String(i.due_date),
    disputed: Boolean(i.disputed),
    amount: Number(i.amount),
    allocations: i.allocations.map(([e, r, amount]) => [e, r, Number(amount)]),
  };
}

function groupBy<R, K>(data: R[], key: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of data) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
