// One batch of cases in one transaction: claim, load, evaluate (pure) and render without the audit chain
// head; then take the head, lock and check the cases, and write (batch-claim.ts explains why). Either the
// whole batch is written or none of it, so a run killed anywhere leaves cases either done for the day or
// untouched for the next run. Messages are fitted into the case's outbox (consolidate-messages.ts): a second
// run of the day renders the day's queued message again rather than recording new steps against the old one.

import type { Tx } from '../../platform/db/store';
import { addDays } from '../../shared/dates';
import { totalIn } from '../../shared/money';
import { selectStrategyName } from '../strategy/select-strategy';
import { MESSAGE_ACTIONS, type Strategy } from '../strategy/strategy-schema';
import { claimCases, lockAndVerify } from './batch-claim';
import type { CaseSnapshot, DueStep } from './case-state';
import { consolidateMessages, type OutboxPlan } from './consolidate-messages';
import { type EngineContext, NO_STRATEGY } from './engine-context';
import { evaluateCase } from './evaluate';
import { type CaseFacts, type FiringRef, type PlannedTask, planActions } from './plan-actions';
import {
  type BatchScope,
  type CaseRow,
  loadCaseRows,
  loadCommitments,
  loadCurrencyTotals,
  loadMessageData,
  loadOutboxRows,
} from './snapshot-queries';
import {
  type CaseUpdate,
  cancelMessages,
  type FiringInsert,
  type FiringRow,
  firingKey,
  insertFirings,
  insertMessages,
  insertTasks,
  selectNewFirings,
  updateCases,
  updateMessages,
} from './write-actions';

export interface BatchCounts {
  /** Cases evaluated and written by the batch. */
  claimed: number;
  /** Due cases looked at (0: none left after `afterId`). */
  scanned: number;
  lastId: number;
  fired: number;
  messages: number;
  tasks: number;
}

export type Checkpoint = (label: string) => void | Promise<void>;

/** What the batch will write for one case, prepared before the head is taken. */
interface CasePlan {
  update: CaseUpdate;
  /** Its due firings, new or not (the new ones are recorded, with what they produced). */
  firings: FiringInsert[];
  messages: OutboxPlan;
  tasks: PlannedTask[];
  skipped: Array<FiringRef & { caseId: number; detail: string }>;
}

/** What the evaluation decided for a case of the batch. */
interface Evaluated {
  strategy: Strategy;
  due: DueStep[];
  stage: CaseUpdate['stage'];
}

function caseFacts(
  ctx: EngineContext,
  row: CaseRow,
  stage: CaseUpdate['stage'],
  data: Awaited<ReturnType<typeof loadMessageData>>,
): CaseFacts {
  return {
    caseId: row.id,
    customerId: row.customer_id,
    entityId: row.entity_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    language: row.language,
    collectorId: row.collector_id,
    entityName: ctx.entityNames.get(row.entity_id) ?? '',
    stage: stage as CaseFacts['stage'],
    invoices: data.invoices.get(row.id) ?? [],
    contacts: data.contacts.get(row.customer_id) ?? [],
  };
}

function strategyFor(ctx: EngineContext, row: CaseRow, amountIn: (c: string) => number | null): Strategy {
  if (ctx.forced) return ctx.forced;
  const name = selectStrategyName(
    { segment: row.segment, grade: row.grade, language: row.language, amountIn },
    ctx.rules,
    row.override,
    new Set(ctx.strategies.keys()),
    ctx.fallback,
  );
  return (name && ctx.strategies.get(name)) || NO_STRATEGY;
}

export async function evaluateBatch(
  tx: Tx,
  ctx: EngineContext,
  opts: { full: boolean; afterId: number; limit: number; runId: number; checkpoint?: Checkpoint },
): Promise<BatchCounts> {
  const { asOf, horizonDate } = ctx;
  const scope = {
    asOf,
    horizonDate,
    full: opts.full,
    generation: ctx.generation,
    afterId: opts.afterId,
    limit: opts.limit,
  };
  const claim = await claimCases(tx, scope);
  const counts: BatchCounts = {
    claimed: 0,
    scanned: claim.scanned,
    lastId: claim.scannedTo,
    fired: 0,
    messages: 0,
    tasks: 0,
  };
  if (claim.rows.length === 0) return counts;
  await opts.checkpoint?.('batch:claimed');
  const plans = await prepareCases(tx, ctx, scope, claim.rows, opts.checkpoint);
  const verdict = await lockAndVerify(tx, scope, claim.rows);
  for (const id of plans.keys()) if (!verdict.unchanged.has(id)) plans.delete(id);
  if (verdict.changed.length > 0) {
    // Changed by someone since they were read: read and evaluate them again, now under their row locks.
    const again = await prepareCases(tx, ctx, scope, await loadCaseRows(tx, verdict.changed, asOf));
    for (const [id, plan] of again) plans.set(id, plan);
  }
  counts.claimed = plans.size;
  await writeCases(tx, [...plans.values()], asOf, ctx.generation, opts.runId, counts, opts.checkpoint);
  return counts;
}

/** Loads, evaluates and renders: what to write for each case (nothing written yet). */
async function prepareCases(
  tx: Tx,
  ctx: EngineContext,
  scope: BatchScope,
  rows: CaseRow[],
  checkpoint?: Checkpoint,
): Promise<Map<number, CasePlan>> {
  const { asOf, horizonDate } = ctx;
  const plans = new Map<number, CasePlan>();
  if (rows.length === 0) return plans;
  const ids = rows.map((r) => r.id);
  const totals = await loadCurrencyTotals(tx, ids, scope);
  const { promises, plans: paymentPlans } = await loadCommitments(tx, ids, addDays(asOf, -31));

  const firings: FiringInsert[] = [];
  const evaluated = new Map<number, Evaluated>();
  const totalsByCase = new Map<number, typeof totals>();
  for (const t of totals) {
    const list = totalsByCase.get(t.case_id);
    if (list) list.push(t);
    else totalsByCase.set(t.case_id, [t]);
  }
  const noMessages = (): OutboxPlan => ({ inserts: [], updates: [], cancels: [], placed: [] });
  for (const row of rows) {
    const mine = totalsByCase.get(row.id) ?? [];
    const amounts = mine.map((t) => ({ currency: t.currency, amount: t.open }));
    // Memoised: rules, steps and the CNY sort key all ask, and conversion is exact BigInt arithmetic.
    const converted = new Map<string, number | null>();
    const amountIn = (currency: string) => {
      if (!converted.has(currency)) converted.set(currency, totalIn(amounts, currency, ctx.rates));
      return converted.get(currency) ?? null;
    };
    const anchors = mine.map((t) => t.anchor).filter((a): a is string => a !== null);
    const snapshot: CaseSnapshot = {
      caseId: row.id,
      openedOn: row.opened_on,
      stage: row.stage,
      stageSince: row.stage_since,
      stageClock: row.stage_clock ?? {},
      holdSpans: row.hold_spans ?? [],
      stageFloor: row.stage_floor,
      manualStatus: row.manual_status,
      pausedUntil: row.paused_until,
      anchorDueOn: anchors.length > 0 ? anchors.sort()[0] : null,
      amountIn,
      grade: row.grade,
      promises: promises.get(row.id) ?? [],
      plans: paymentPlans.get(row.id) ?? [],
      strategyName: row.strategy_name,
      strategySince: row.strategy_since,
      seenOn: row.seen_on,
    };
    const strategy = strategyFor(ctx, row, amountIn);
    const ev = evaluateCase(snapshot, strategy, asOf);
    const caseFirings = ev.due.map(
      (due): FiringInsert => ({
        case_id: row.id,
        step_key: due.step.key,
        occurrence_key: due.occurrenceKey,
        strategy_id: strategy.id,
        stage: ev.stage,
        action: due.step.action,
        outcome: MESSAGE_ACTIONS.has(due.step.action) ? 'message' : 'task',
        detail: due.detail ?? null,
      }),
    );
    firings.push(...caseFirings);
    evaluated.set(row.id, { strategy, due: ev.due, stage: ev.stage });
    plans.set(row.id, {
      firings: caseFirings,
      messages: noMessages(),
      tasks: [],
      skipped: [],
      update: {
        id: row.id,
        stage: ev.stage,
        stage_since: ev.stageSince,
        stage_clock: ev.stageClock,
        hold_spans: ev.holdSpans,
        stage_floor: ev.stageFloor,
        status: ev.status,
        manual_status: ev.manualStatus,
        paused_until: ev.pausedUntil,
        strategy_id: strategy.id || null,
        strategy_name: strategy.id ? strategy.name : null,
        strategy_version: strategy.id ? strategy.version : null,
        strategy_since: ev.strategySince,
        anchor_due_on: snapshot.anchorDueOn,
        days_past_due: ev.daysPastDue,
        totals: mine.map((t) => ({
          currency: t.currency,
          open: t.open,
          overdue: t.overdue,
          dueSoon: t.due_soon,
          disputed: t.disputed,
        })),
        amount_cny: amountIn('CNY') ?? 0,
        // Unknown, not 0: the rates it lacks, named (a rate added later re-evaluates, migration 0037).
        missing_rates:
          amountIn('CNY') === null
            ? [...new Set(amounts.map((a) => a.currency))]
                .filter(
                  (c) => c !== 'CNY' && totalIn([{ currency: c, amount: 1 }], 'CNY', ctx.rates) === null,
                )
                .sort()
                .map((c) => `${c}→CNY`)
            : null,
        next_action_on: ev.nextActionOn,
        next_step_key: ev.nextStepKey,
      },
    });
  }

  const fresh = await selectNewFirings(tx, firings);
  await checkpoint?.('batch:firings');
  const isFresh = (caseId: number, d: DueStep) => fresh.has(firingKey(caseId, d.step.key, d.occurrenceKey));
  // The outbox rows a message may join or that may have gone stale: of cases with a new message step, or
  // whose ledger changed since they were last evaluated (nothing else makes a queued message stale).
  const messaging = rows.filter(
    (r) =>
      r.changed ||
      evaluated.get(r.id)!.due.some((d) => MESSAGE_ACTIONS.has(d.step.action) && isFresh(r.id, d)),
  );
  const outbox = await loadOutboxRows(
    tx,
    messaging.map((r) => r.id),
    asOf,
  );
  // Cases with something to write: steps that newly fired, or a queued message that went stale.
  const busy = rows.filter(
    (r) => evaluated.get(r.id)!.due.some((d) => isFresh(r.id, d)) || outbox.get(r.id)?.some((m) => m.stale),
  );
  if (busy.length === 0) return plans;
  const data = await loadMessageData(
    tx,
    busy.map((r) => r.id),
    asOf,
  );
  for (const row of busy) {
    const { strategy, due, stage } = evaluated.get(row.id)!;
    const plan = plans.get(row.id)!;
    const facts = caseFacts(ctx, row, stage, data);
    const newDue = due.filter((d) => isFresh(row.id, d));
    const planned = planActions(facts, strategy, newDue, asOf, horizonDate);
    plan.messages = consolidateMessages({
      facts,
      strategy,
      asOf,
      horizonDate,
      fresh: planned.messages,
      outbox: outbox.get(row.id) ?? [],
      commitments: { promises: promises.get(row.id) ?? [], plans: paymentPlans.get(row.id) ?? [] },
    });
    plan.tasks = planned.tasks;
    plan.skipped = planned.skipped.map((s) => ({ ...s, caseId: row.id }));
  }
  return plans;
}

/** Writes the prepared cases: outbox, tasks, firings with what they produced, then the cases themselves. */
async function writeCases(
  tx: Tx,
  plans: CasePlan[],
  asOf: string,
  generation: number,
  runId: number,
  counts: BatchCounts,
  checkpoint?: Checkpoint,
): Promise<void> {
  const messages = plans.map((p) => p.messages);
  const tasks = plans.flatMap((p) => p.tasks);
  const results = new Map<string, FiringRow>();
  await updateMessages(
    tx,
    messages.flatMap((m) => m.updates),
  );
  await cancelMessages(
    tx,
    messages.flatMap((m) => m.cancels),
  );
  const outboxIds = await insertMessages(
    tx,
    messages.flatMap((m) => m.inserts),
  );
  await checkpoint?.('batch:outbox');
  const taskIds = await insertTasks(tx, tasks, asOf);
  await checkpoint?.('batch:tasks');
  const byKey = new Map(
    plans.flatMap((p) => p.firings).map((f) => [firingKey(f.case_id, f.step_key, f.occurrence_key), f]),
  );
  const record = (key: string, outcome: FiringRow['outcome'], extra: Partial<FiringRow>) =>
    results.set(key, {
      ...byKey.get(key)!,
      outcome,
      detail: byKey.get(key)!.detail ?? null,
      outbox_id: null,
      task_id: null,
      ...extra,
    });
  for (const m of messages.flatMap((p) => p.placed)) {
    const outboxId = m.outboxId ?? outboxIds.get(m.dedupeKey!) ?? null;
    for (const f of m.firings)
      record(firingKey(m.caseId, f.stepKey, f.occurrenceKey), 'message', { outbox_id: outboxId });
  }
  for (const t of tasks) {
    const key = firingKey(t.caseId, t.firing.stepKey, t.firing.occurrenceKey);
    record(key, 'task', { task_id: taskIds.get(key) ?? null });
  }
  for (const s of plans.flatMap((p) => p.skipped))
    record(firingKey(s.caseId, s.stepKey, s.occurrenceKey), 'skipped', { detail: s.detail });
  counts.messages = outboxIds.size;
  counts.tasks = taskIds.size;
  counts.fired = await insertFirings(tx, [...results.values()], asOf, runId);
  await checkpoint?.('batch:recorded');
  await updateCases(
    tx,
    plans.map((p) => p.update),
    asOf,
    generation,
  );
  await checkpoint?.('batch:cases');
}
