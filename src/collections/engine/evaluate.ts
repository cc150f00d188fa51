// Pure step evaluation: given a case snapshot, its strategy and the as-of date, which steps are due, in which
// stage and status the case is, and when its next action falls. No I/O: the engine, the strategy preview
// and the simulator all call this one function, so what the preview shows is what the engine does.
//
// Rules (DOMAIN.md, collection strategy):
// - Days past due count from the oldest undisputed open invoice (the anchor); disputed invoices never drive
//   dunning, and a case with only disputed invoices is in status `dispute`.
// - Stage = by days past due (strategy thresholds), raised by a floor that event steps set (a broken promise
//   escalates at once).
// - An open promise, or a payment plan in good standing, holds every time-based step until its date; a
//   broken promise or missed installment fires its event steps at once. So do a pause (停催) and a period
//   when every open invoice was disputed, which the case remembers as hold spans (they leave no dates
//   behind otherwise). A hold postpones, it does not waive: a time step that fell due while the case was
//   held falls due on the day the hold ended (still only the latest of its stage and action).
// - The stage goes on by days past due while a promise, plan or pause holds the case (a dispute of
//   everything freezes it: there are no days past due). The steps of a stage it went through while held,
//   and has left when the hold ends, are recorded as skipped, not carried out:
//   their moment has passed (an overdue notice or a "why haven't you paid" call makes no sense beside the
//   final demand of strong collection, and the promise itself was the answer early overdue looks for); the
//   credit manager sees in the history what the hold passed over, and the stage the case is in speaks, in
//   its own tone (DOMAIN: a tone per stage).
// - State triggers (amount at or above a threshold, credit grade) fire once per case and trigger, on the
//   first evaluation that finds the case meeting them in the step's stage, unless the case is held then
//   (they wait for the hold to end, if still met). A threshold or grade list edited into another trigger
//   fires once more: it is a different trigger.
// - A time step is due on its occurrence date. If the engine missed that day it still fires up to
//   `catchUpDays` later; of several due steps with the same stage and action only the latest fires (one
//   follow-up call, not three, for a case that opened late).
// - Catch-up: the days before the strategy reached the case (strategy_since: an old debt imported, a
//   strategy activated late, the case moved to another strategy) hold its time steps like a pause: what fell
//   due then falls due on the day the strategy reached it, so the latest step of each action of the stage
//   the case is in fires then, once, however old (a 458-day case gets its day-90 legal review), with the
//   day it was due in the history. The steps that day makes obsolete — earlier steps of that stage's
//   actions, the steps of the stages the case was past — are recorded as skipped with the reason, never
//   silently dropped.
// - Days in stage run on a clock per stage that survives leaving the stage: a case that re-enters a stage
//   (its anchor moved away and back) goes on where it stopped, and its occurrences keep their names, so
//   nothing that fired fires again (a step fires at most once per case and trigger).
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../shared/dates';
import { codedReason } from '../reasons';
import {
  MAX_CATCH_UP_DAYS,
  STAGES,
  type Stage,
  type StepTriggerT,
  type Strategy,
  type StrategyStepT,
} from '../strategy/strategy-schema';
import {
  type CaseSnapshot,
  type DueStep,
  type Evaluation,
  type HoldSpan,
  maxStage,
  type PlanState,
  STAGE_RANK,
  type StageClock,
} from './case-state';

// Time steps are worked out on UTC day numbers (the evaluation runs for every case every day, and parsing
// ISO strings dominated it); ISO dates appear only in what is returned.
interface TimeState {
  day: number;
  anchor: number;
  stage: Stage;
  /** Where the stage's clock starts: the day of entry less the days spent in the stage before. */
  since: number;
}

interface Occurrence {
  step: StrategyStepT;
  due: number;
  n: number;
}

/**
 * Names an occurrence for the idempotency key (with the case and the step key). Days from due belong to the
 * anchor's due date; days in stage to the stage's first entry in this case (`episode`), never to the day of
 * the current stay, which a stage re-entry would reset.
 */
const occurrenceKey = (o: Occurrence, st: TimeState, episode: string) =>
  o.step.trigger.type === 'daysFromDue'
    ? `d:${fromDayNumber(st.anchor)}:${o.n}`
    : `s:${st.stage}:${episode}:${o.n}`;

/** The stage clock after the case goes from its current stage to `stage` on `date` (kept if it stays). */
export function moveClock(snap: CaseSnapshot, stage: Stage, date: string): StageClock {
  if (stage === snap.stage) return snap.stageClock;
  const before = snap.stageClock[snap.stage];
  const spent = Math.max(0, daysBetween(snap.stageSince, date));
  return {
    ...snap.stageClock,
    [snap.stage]: { first: before?.first ?? snap.stageSince, days: (before?.days ?? 0) + spent },
  };
}

/** Days spent in a stage before its current stay (0 for a stage never left). */
const spentIn = (clock: StageClock, stage: Stage) => clock[stage]?.days ?? 0;

/** A span of days during which something held the case: [from, to), `to` being the first free day. */
interface Hold {
  from: number;
  to: number;
}

/** The day a plan stopped holding: its first missed installment, or its last paid one once complete. */
function planHoldEnd(plan: PlanState): string | null {
  const missed = plan.installments.filter((i) => i.status === 'missed' && i.resolvedOn);
  if (missed.length > 0) return missed.map((i) => i.resolvedOn!).sort()[0];
  if (plan.status === 'cancelled' || plan.installments.some((i) => i.status === 'open')) return null;
  const paid = plan.installments.map((i) => i.resolvedOn).filter((d): d is string => d !== null);
  return paid.length > 0 ? paid.sort().at(-1)! : null;
}

/** The promises' and plans' holds, ended or not (a plan still in good standing: without end). */
function commitmentHolds(snap: CaseSnapshot, strategy: Strategy): Hold[] {
  const holds: Hold[] = [];
  for (const p of snap.promises) {
    const end = p.status === 'open' ? addDays(p.dueOn, strategy.settings.promiseGraceDays + 1) : p.resolvedOn;
    if (end !== null) holds.push({ from: toDayNumber(p.promisedOn), to: toDayNumber(end) });
  }
  for (const plan of snap.plans) {
    const end = planHoldEnd(plan);
    if (end !== null) holds.push({ from: toDayNumber(plan.createdOn), to: toDayNumber(end) });
    else if (plan.status === 'active') holds.push({ from: toDayNumber(plan.createdOn), to: Infinity });
  }
  return holds;
}

const spanHold = (s: HoldSpan): Hold => ({
  from: toDayNumber(s.from),
  to: s.to === null ? Infinity : toDayNumber(s.to),
});

/** Holds merged where they overlap or touch (a new promise on the day one broke, a pause as a dispute ends). */
function merge(holds: readonly Hold[]): Hold[] {
  const merged: Hold[] = [];
  for (const h of [...holds].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && h.from <= last.to) last.to = Math.max(last.to, h.to);
    else merged.push({ ...h });
  }
  return merged;
}

/** The holds that have ended by `day`: the promises', the plans' and the case's pauses and dispute periods. */
function endedHolds(snap: CaseSnapshot, strategy: Strategy, spans: readonly HoldSpan[], day: number): Hold[] {
  return merge([...commitmentHolds(snap, strategy), ...spans.map(spanHold)].filter((h) => h.to <= day));
}

/**
 * The case's hold spans after today: a pause or an all-disputed period seen for the first time begins
 * today; one that is over ends the day after `paused_until` (a pause that ran out) or today (resumed by a
 * person, or the anchor is back). The engine evaluates every open case every day, so "today" is at most
 * the day a person made the change. A span that began and ended on the same day held nothing.
 */
function trackSpans(snap: CaseSnapshot, asOf: string, pausedNow: boolean): HoldSpan[] {
  const spans = snap.holdSpans.map((span) => ({ ...span }));
  const track = (kind: HoldSpan['kind'], now: boolean, end: string) => {
    const open = spans.find((span) => span.kind === kind && span.to === null);
    if (now && !open) spans.push({ from: asOf, to: null, kind });
    // A pause shortened to a day before the engine first saw it lasted until the change, i.e. today.
    else if (!now && open) open.to = end >= open.from ? end : asOf;
  };
  const ranOut = snap.manualStatus === 'paused' && snap.pausedUntil !== null && !pausedNow;
  track('pause', pausedNow, ranOut ? addDays(snap.pausedUntil!, 1) : asOf);
  track('dispute', snap.anchorDueOn === null, asOf);
  return spans.filter((span) => span.to === null || span.to > span.from);
}

/**
 * Keeps the spans that may still postpone something: a step held by a span fires on the day the hold ends
 * (with the promises and plans it touches) and at most catch-up days later, so once that day is more than
 * the largest catch-up any strategy may have behind, the span can never matter again and is dropped. This
 * keeps the stored list to the spans of the last month or so.
 */
function keepSpans(
  snap: CaseSnapshot,
  strategy: Strategy,
  spans: readonly HoldSpan[],
  day: number,
): HoldSpan[] {
  const groups = merge([...commitmentHolds(snap, strategy), ...spans.map(spanHold)]);
  return spans.filter((span) => {
    const { from } = spanHold(span);
    const group = groups.find((g) => from >= g.from && from <= g.to);
    return !group || group.to >= day - MAX_CATCH_UP_DAYS;
  });
}

/** The day an occurrence falls due: its own, or the end of the hold it fell in (postponed, not dropped). */
function dueAfterHolds(due: number, holds: readonly Hold[]): number {
  const hold = holds.find((h) => due >= h.from && due < h.to);
  return hold ? hold.to : due;
}

export function stageByDays(strategy: Strategy, daysPastDue: number): Stage {
  if (daysPastDue >= strategy.stages.strong.fromDay) return 'strong';
  if (daysPastDue >= strategy.stages.early.fromDay) return 'early';
  return 'reminder';
}

export function conditionsMet(step: StrategyStepT, snap: Pick<CaseSnapshot, 'grade' | 'amountIn'>): boolean {
  const c = step.conditions;
  if (!c) return true;
  if (c.grades && c.grades.length > 0 && !(snap.grade && c.grades.includes(snap.grade))) return false;
  if (c.minAmount !== undefined || c.maxAmount !== undefined) {
    const amount = snap.amountIn(c.currency ?? 'CNY');
    if (amount === null) return false;
    if (c.minAmount !== undefined && amount < c.minAmount) return false;
    if (c.maxAmount !== undefined && amount > c.maxAmount) return false;
  }
  return true;
}

/** The latest occurrence of a time step on or before `st.day`, or null if it has not occurred yet. */
function lastOccurrence(step: StrategyStepT, st: TimeState): Occurrence | null {
  const t = step.trigger;
  if (t.type !== 'daysFromDue' && t.type !== 'daysInStage') return null;
  const first = (t.type === 'daysFromDue' ? st.anchor : st.since) + t.days;
  const elapsed = st.day - first;
  if (elapsed < 0) return null;
  let n = 0;
  if (t.repeatEveryDays) {
    n = Math.floor(elapsed / t.repeatEveryDays);
    if (t.maxRepeats) n = Math.min(n, t.maxRepeats - 1);
  }
  return { step, due: first + n * (t.repeatEveryDays ?? 0), n };
}

/**
 * Time steps whose latest occurrence is the latest of their stage and action (the others are superseded).
 * `eligible`: the strategy's time steps whose conditions (amount band, grade) the case meets.
 */
function currentTimeSteps(eligible: readonly StrategyStepT[], st: TimeState): Occurrence[] {
  const found: Occurrence[] = [];
  const latest = new Map<string, number>();
  for (const step of eligible) {
    if (step.stage !== 'any' && step.stage !== st.stage) continue;
    const occ = lastOccurrence(step, st);
    if (!occ) continue;
    found.push(occ);
    const group = `${step.stage}|${step.action}`;
    const seen = latest.get(group);
    if (seen === undefined || occ.due > seen) latest.set(group, occ.due);
  }
  return found.filter((o) => o.due === latest.get(`${o.step.stage}|${o.step.action}`));
}

function timeSteps(strategy: Strategy, snap: CaseSnapshot): StrategyStepT[] {
  return strategy.steps.filter(
    (s) => (s.trigger.type === 'daysFromDue' || s.trigger.type === 'daysInStage') && conditionsMet(s, snap),
  );
}

function stageState(strategy: Strategy, anchor: string, floor: Stage | null, date: string) {
  return maxStage(stageByDays(strategy, daysBetween(anchor, date)), floor);
}

/**
 * The latest occurrence per action of each stage below the case's own that fell due in a hold ended in the
 * last catch-up days: the stage was left while the case was held, so they were never carried out. They are
 * recorded as skipped (see the rules above), under the names they would have fired with, so they are used
 * up. Only stages with a clock, i.e. entered while the engine watched; a stage's days are taken as one
 * stay from its first entry.
 */
function passedOver(
  eligible: readonly StrategyStepT[],
  st: TimeState,
  clock: StageClock,
  holds: readonly Hold[],
  catchUpDays: number,
): DueStep[] {
  const out: DueStep[] = [];
  for (const stage of STAGES) {
    const stay = clock[stage];
    if (STAGE_RANK[stage] >= STAGE_RANK[st.stage] || !stay || stay.days <= 0) continue;
    const since = toDayNumber(stay.first);
    const left: TimeState = { day: since + stay.days - 1, anchor: st.anchor, stage, since };
    const own = eligible.filter((step) => step.stage === stage);
    for (const occ of currentTimeSteps(own, left)) {
      const dueDay = dueAfterHolds(occ.due, holds);
      if (dueDay === occ.due || st.day - dueDay > catchUpDays) continue;
      out.push({
        step: occ.step,
        occurrenceKey: occurrenceKey(occ, left, stay.first),
        dueOn: fromDayNumber(dueDay),
        skipped: codedReason('skippedHeld', { stage, now: st.stage }),
      });
    }
  }
  return out;
}

/**
 * The day the strategy reached the case: kept while the case stays with it (by name), today when it is new
 * to the case (first evaluation under a strategy, another strategy chosen). Null for a strategy with no
 * steps (no strategy active): nothing is held, nothing caught up.
 */
function reachedOn(snap: CaseSnapshot, strategy: Strategy, asOf: string): string | null {
  if (strategy.steps.length === 0) return null;
  if (snap.strategySince === null) return asOf;
  if (snap.strategyName !== null && snap.strategyName !== strategy.name) return asOf;
  return snap.strategySince;
}

/** The holds plus the time before the strategy reached the case (catch-up), merged. */
function withCatchUp(holds: readonly Hold[], reached: number | null): Hold[] {
  return reached === null ? [...holds] : merge([...holds, { from: -Infinity, to: reached }]);
}

/**
 * The steps the catch-up makes obsolete: each eligible time step whose latest occurrence fell due before
 * the strategy reached the case and does not fire now — superseded by the later step of its stage and action
 * that fires, or of a stage the case was already past then. Recorded as skipped (their occurrences used
 * up), so the history shows every step of the strategy, done or not, and why.
 */
function caughtUpObsolete(
  strategy: Strategy,
  eligible: readonly StrategyStepT[],
  st: TimeState,
  clock: StageClock,
  openedOn: string,
  reached: number,
  firing: ReadonlyMap<string, string>,
): DueStep[] {
  const out: DueStep[] = [];
  const reachedIso = fromDayNumber(reached);
  for (const step of eligible) {
    const stage: Stage = step.stage === 'any' ? st.stage : step.stage;
    if (STAGE_RANK[stage] > STAGE_RANK[st.stage]) continue;
    let state: TimeState = st;
    let episode = clock[st.stage]?.first ?? fromDayNumber(st.since);
    if (stage !== st.stage) {
      const first = clock[stage]?.first;
      const since = first
        ? toDayNumber(first)
        : stage === 'reminder'
          ? toDayNumber(openedOn)
          : st.anchor + strategy.stages[stage].fromDay;
      const next = stage === 'reminder' ? strategy.stages.early.fromDay : strategy.stages.strong.fromDay;
      state = { day: Math.min(reached - 1, st.anchor + next - 1), anchor: st.anchor, stage, since };
      episode = first ?? fromDayNumber(since);
    }
    const occ = lastOccurrence(step, state);
    if (!occ || occ.due >= reached) continue;
    const key = occurrenceKey(occ, state, episode);
    if (firing.has(`${step.key}|${key}`)) continue;
    const dueOn = fromDayNumber(occ.due);
    const by = firing.get(`${step.stage}|${step.action}`);
    out.push({
      step,
      occurrenceKey: key,
      dueOn: fromDayNumber(st.day),
      skipped:
        stage === st.stage && by
          ? codedReason('skippedSuperseded', { dueOn, by })
          : codedReason('skippedStagePassed', { dueOn, now: st.stage, reachedOn: reachedIso }),
    });
  }
  return out;
}

/**
 * The time steps that fell due since the engine last looked at the case (or whose day a hold moved to then)
 * and will not fire: superseded by a later step of their stage and action, missed by more than the catch-up
 * days, of a stage the case has left (a pre-due SMS of a Saturday when the engine next runs on Monday, after
 * the due date), or due while every open invoice was disputed. Each is recorded as skipped with its reason
 * (a message code), so every step of the strategy is either fired or recorded. An occurrence that fired
 * already is not recorded again (the firing's unique key); the first evaluation leaves this to catch-up.
 */
function unfiredSteps(
  strategy: Strategy,
  eligible: readonly StrategyStepT[],
  st: TimeState,
  episode: string,
  clock: StageClock,
  snap: CaseSnapshot,
  holds: readonly Hold[],
  spans: readonly HoldSpan[],
  firing: ReadonlyMap<string, string>,
): DueStep[] {
  if (!snap.seenOn) return [];
  const { catchUpDays } = strategy.settings;
  const seen = toDayNumber(snap.seenOn);
  const disputes = spans.filter((span) => span.kind === 'dispute').map(spanHold);
  // The step that speaks for each stage and action of the current stage today (the latest occurrence).
  const latest = new Map<string, string>();
  for (const occ of currentTimeSteps(eligible, st))
    latest.set(`${occ.step.stage}|${occ.step.action}`, occ.step.key);
  const out: DueStep[] = [];
  for (const stage of STAGES) {
    if (STAGE_RANK[stage] > STAGE_RANK[st.stage]) continue;
    let state = st;
    let stayEpisode = episode;
    if (stage !== st.stage) {
      const first = clock[stage]?.first;
      const since = first
        ? toDayNumber(first)
        : stage === 'reminder'
          ? toDayNumber(snap.openedOn)
          : st.anchor + strategy.stages[stage].fromDay;
      const next = stage === 'reminder' ? strategy.stages.early.fromDay : strategy.stages.strong.fromDay;
      state = { day: Math.min(st.day, st.anchor + next - 1), anchor: st.anchor, stage, since };
      stayEpisode = first ?? fromDayNumber(since);
    }
    for (const step of eligible) {
      if (step.stage !== stage && !(step.stage === 'any' && stage === st.stage)) continue;
      const occ = lastOccurrence(step, state);
      if (!occ) continue;
      const dueDay = dueAfterHolds(occ.due, holds);
      if (dueDay > st.day) continue;
      if (!(occ.due > seen || (dueDay !== occ.due && dueDay > seen - catchUpDays))) continue;
      const key = occurrenceKey(occ, state, stayEpisode);
      if (firing.has(`${step.key}|${key}`)) continue;
      const dueOn = fromDayNumber(occ.due);
      const by = latest.get(`${step.stage}|${step.action}`);
      const disputed = disputes.some((h) => occ.due >= h.from && occ.due < h.to);
      const skipped = disputed
        ? codedReason('stepSkippedDisputed', { dueOn, stage: st.stage })
        : stage !== st.stage
          ? codedReason('stepSkippedStageLeft', { dueOn, stage: st.stage, runOn: fromDayNumber(st.day) })
          : st.day - dueDay > catchUpDays
            ? codedReason('stepSkippedTooLate', { dueOn, days: catchUpDays })
            : by && by !== step.key
              ? codedReason('stepSkippedSuperseded', { dueOn, by })
              : null;
      if (skipped) out.push({ step, occurrenceKey: key, dueOn: fromDayNumber(dueDay), skipped });
    }
  }
  return out;
}

/** Names a state trigger's one occurrence per case: the trigger itself (its threshold, its grades). */
function stateKey(t: StepTriggerT): string | null {
  if (t.type === 'amountAbove') return `amount:${t.currency}:${t.amount}`;
  if (t.type === 'grade') return `grade:${[...t.grades].sort().join(',')}`;
  return null;
}

/** Whether the case meets a state trigger now. */
function stateMet(t: StepTriggerT, snap: CaseSnapshot): boolean {
  if (t.type === 'amountAbove') {
    const amount = snap.amountIn(t.currency);
    return amount !== null && amount >= t.amount;
  }
  return t.type === 'grade' && snap.grade !== null && t.grades.includes(snap.grade);
}

export function evaluateCase(snap: CaseSnapshot, strategy: Strategy, asOf: string): Evaluation {
  const { catchUpDays, promiseGraceDays, installmentGraceDays } = strategy.settings;
  const today = toDayNumber(asOf);
  const anchor = snap.anchorDueOn;
  const pausedNow = snap.manualStatus === 'paused' && (!snap.pausedUntil || snap.pausedUntil >= asOf);
  const spans = trackSpans(snap, asOf, pausedNow);
  const since = reachedOn(snap, strategy, asOf);
  const base = {
    strategySince: since,
    stage: snap.stage,
    stageSince: snap.stageSince,
    stageClock: snap.stageClock,
    stageFloor: snap.stageFloor,
    holdSpans: keepSpans(snap, strategy, spans, today),
    manualStatus: snap.manualStatus,
    pausedUntil: snap.pausedUntil,
    daysPastDue: anchor ? daysBetween(anchor, asOf) : null,
    due: [] as DueStep[],
    nextActionOn: null as string | null,
    nextStepKey: null as string | null,
  };
  // 停催: a person paused the case; nothing fires until the pause ends. The stage goes on by days, as under
  // a promise, so that what falls due meanwhile is postponed the same way.
  if (pausedNow) {
    const stage = anchor ? stageState(strategy, anchor, snap.stageFloor, asOf) : snap.stage;
    return {
      ...base,
      stage,
      stageSince: stage === snap.stage ? snap.stageSince : asOf,
      stageClock: moveClock(snap, stage, asOf),
      status: 'paused',
      nextActionOn: snap.pausedUntil ? addDays(snap.pausedUntil, 1) : null,
    };
  }
  if (snap.manualStatus === 'paused') {
    base.manualStatus = null;
    base.pausedUntil = null;
  }
  if (!anchor) return { ...base, status: 'dispute' };

  const recent = (date: string | null) =>
    date !== null && date <= asOf && daysBetween(date, asOf) <= catchUpDays;
  const fits = (step: StrategyStepT, stage: Stage) =>
    (step.stage === 'any' || step.stage === stage) && conditionsMet(step, snap);
  const stageBefore = stageState(strategy, anchor, snap.stageFloor, asOf);

  // Event steps: broken (or partly kept) promises and missed installments of the last catch-up days.
  const due: DueStep[] = [];
  for (const promise of snap.promises) {
    // A promise partly kept was not kept either: the rest is unpaid, and the broken-promise steps follow.
    if ((promise.status !== 'broken' && promise.status !== 'partial') || !recent(promise.resolvedOn))
      continue;
    for (const step of strategy.steps) {
      if (step.trigger.type === 'brokenPromise' && fits(step, stageBefore)) {
        due.push({ step, occurrenceKey: `promise:${promise.id}`, dueOn: promise.resolvedOn!, promise });
      }
    }
  }
  for (const plan of snap.plans) {
    for (const inst of plan.installments) {
      if (inst.status !== 'missed' || !recent(inst.resolvedOn)) continue;
      for (const step of strategy.steps) {
        if (step.trigger.type === 'missedInstallment' && fits(step, stageBefore)) {
          const installment = { ...inst, planId: plan.id, currency: plan.currency };
          due.push({
            step,
            occurrenceKey: `installment:${plan.id}:${inst.seq}`,
            dueOn: inst.resolvedOn!,
            installment,
          });
        }
      }
    }
  }
  let floor = snap.stageFloor;
  for (const d of due)
    if (d.step.raiseStage) floor = maxStage(d.step.raiseStage, floor) as 'early' | 'strong';

  const stage = stageState(strategy, anchor, floor, asOf);
  const stageSince = stage === snap.stage ? snap.stageSince : asOf;
  const stageClock = moveClock(snap, stage, asOf);
  const result = { ...base, stage, stageSince, stageClock, stageFloor: floor, due };

  // Holds: an open promise not yet past its date (plus grace), or a plan with no missed installment.
  const holdChecks: string[] = [];
  for (const p of snap.promises) {
    if (p.status === 'open' && addDays(p.dueOn, promiseGraceDays) >= asOf) {
      holdChecks.push(addDays(p.dueOn, promiseGraceDays + 1));
    }
  }
  const promiseHold = holdChecks.length > 0;
  for (const plan of snap.plans) {
    if (plan.status !== 'active' || plan.installments.some((i) => i.status === 'missed')) continue;
    const next = plan.installments.find((i) => i.status === 'open');
    if (next) holdChecks.push(addDays(next.dueOn, installmentGraceDays + 1));
  }
  if (holdChecks.length > 0) {
    const check = holdChecks.sort()[0];
    return { ...result, status: promiseHold ? 'promise' : 'plan', nextActionOn: check, nextStepKey: null };
  }

  const st: TimeState = {
    day: today,
    anchor: toDayNumber(anchor),
    stage,
    since: toDayNumber(stageSince) - spentIn(stageClock, stage),
  };
  const episode = stageClock[stage]?.first ?? stageSince;
  const reached = since === null ? null : toDayNumber(since);
  const holds = withCatchUp(endedHolds(snap, strategy, spans, st.day), reached);
  const eligible = timeSteps(strategy, snap);
  // What fires now, by step and occurrence and by stage and action (the obsolete steps name it).
  const firing = new Map<string, string>();
  for (const occ of currentTimeSteps(eligible, st)) {
    const dueDay = dueAfterHolds(occ.due, holds);
    if (st.day - dueDay <= catchUpDays) {
      const key = occurrenceKey(occ, st, episode);
      const late = reached !== null && occ.due < reached;
      due.push({
        step: occ.step,
        occurrenceKey: key,
        dueOn: fromDayNumber(dueDay),
        ...(late ? { detail: codedReason('caughtUpLate', { dueOn: fromDayNumber(occ.due) }) } : {}),
      });
      firing.set(`${occ.step.key}|${key}`, occ.step.key);
      firing.set(`${occ.step.stage}|${occ.step.action}`, occ.step.key);
    }
  }
  // The catch-up's obsolete steps, recorded in the same window as it fires (the end of the time before
  // the strategy came, pushed on by a hold that ran into it, plus catch-up days).
  if (reached !== null && st.day - dueAfterHolds(reached - 1, holds) <= catchUpDays)
    due.push(...caughtUpObsolete(strategy, eligible, st, stageClock, snap.openedOn, reached, firing));
  // A period when everything was disputed freezes the stage (no anchor, no days past due), so the case
  // goes through no stage in one: the stage it is in when the period ends simply starts.
  const passing = spans.filter((span) => span.kind !== 'dispute');
  due.push(...passedOver(eligible, st, stageClock, endedHolds(snap, strategy, passing, st.day), catchUpDays));
  due.push(...unfiredSteps(strategy, eligible, st, episode, stageClock, snap, holds, spans, firing));
  for (const step of strategy.steps) {
    const key = stateKey(step.trigger);
    if (key !== null && fits(step, stage) && stateMet(step.trigger, snap))
      due.push({ step, occurrenceKey: key, dueOn: asOf });
  }
  // One entry per step and occurrence (a stage passed over while held may also be one the catch-up skips).
  const seen = new Set<string>();
  const unique = due.filter((d) => {
    const key = `${d.step.key}|${d.occurrenceKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  due.length = 0;
  due.push(...unique);
  let manualStatus = result.manualStatus;
  for (const d of due) if (d.step.setStatus && !d.skipped) manualStatus = d.step.setStatus;
  const next = nextTimeStep(strategy, eligible, st, floor, stageClock);
  return {
    ...result,
    manualStatus,
    status: manualStatus === 'legal' || manualStatus === 'agency' ? manualStatus : 'active',
    nextActionOn: next ? fromDayNumber(next.due) : null,
    nextStepKey: next?.step.key ?? null,
  };
}

/**
 * The first day after `st.day` on which a time step falls due, if nothing changes in between (no payment,
 * no promise). Candidate days come from each step's schedule in its stage; each is checked with the same
 * rules as a real evaluation on that day.
 */
export function nextTimeStep(
  strategy: Strategy,
  eligible: readonly StrategyStepT[],
  st: TimeState,
  floor: Stage | null,
  clock: StageClock,
): Occurrence | null {
  const horizon = st.day + 400;
  // Where a stage's clock would start: a stage entered later resumes from the days it already ran.
  const entry = (stage: Stage): number => {
    if (stage === st.stage) return st.since;
    const byDays = stage === 'reminder' ? st.anchor : st.anchor + strategy.stages[stage].fromDay;
    return (byDays > st.day ? byDays : st.day + 1) - spentIn(clock, stage);
  };
  const candidates = new Set<number>();
  for (const step of eligible) {
    const t = step.trigger;
    if (t.type !== 'daysFromDue' && t.type !== 'daysInStage') continue;
    const stages: Stage[] = step.stage === 'any' ? ['reminder', 'early', 'strong'] : [step.stage];
    for (const stage of stages) {
      if (STAGE_RANK[stage] < STAGE_RANK[st.stage]) continue;
      const first = (t.type === 'daysFromDue' ? st.anchor : entry(stage)) + t.days;
      const every = t.repeatEveryDays ?? 0;
      const count = every ? (t.maxRepeats ?? 1000) : 1;
      let n = first > st.day || !every ? 0 : Math.floor((st.day - first) / every) + 1;
      for (let k = 0; k < 3 && n < count; k++, n++) {
        const day = first + n * every;
        if (day > st.day && day <= horizon) candidates.add(day);
      }
    }
  }
  for (const day of [...candidates].sort((a, b) => a - b)) {
    const stage = maxStage(stageByDays(strategy, day - st.anchor), floor);
    const state: TimeState = { day, anchor: st.anchor, stage, since: entry(stage) };
    const hit = currentTimeSteps(eligible, state).find((occ) => occ.due === day);
    if (hit) return hit;
  }
  return null;
}
