// The collection work as it stood on a simulation's start date, rebuilt from what the store holds now
// (pure). A case row says where the case is today: a case that was in reminder on the start date may be in
// strong collection by now (its invoice aged, or a promise made and broken since raised its floor). The
// copy must start from the case as the engine left it then, so its state is worked out again as the
// engine's sync and evaluation would have on the days up to that date: the anchor of each day is the oldest
// undisputed invoice open that day, the stage follows its days past due and the floor that the steps fired
// by then set, and each change of stage moves the clock; the names of stages that fired steps already use
// are kept, so that nothing fires a second time. Promises and plans are likewise taken as they stood: what
// was paid towards them by then is in the invoices' open amounts, not in the copy's payments, so it is
// deducted from what is still owed.
import { daysBetween, fromDayNumber, toDayNumber } from '../../shared/dates';
import { maxStage, type StageClock } from '../engine/case-state';
import { stageByDays } from '../engine/evaluate';
import type { Stage, Strategy } from '../strategy/strategy-schema';

const STAGE_ORDER: Stage[] = ['reminder', 'early', 'strong'];

/** A case as the store holds it today. */
export interface CaseNow {
  stage: Stage;
  stageSince: string;
  stageClock: StageClock | null;
  manualStatus: 'paused' | 'legal' | 'agency' | null;
  pausedUntil: string | null;
  openedOn: string;
  strategyId: number | null;
}

/** A step the case fired before the start date (the copy carries these). */
export interface FiredStep {
  id: number;
  stepKey: string;
  occurrenceKey: string;
  strategyId: number;
  stage: Stage;
  firedOn: string;
}

export interface StartState {
  stage: Stage;
  stageSince: string;
  stageClock: StageClock;
  stageFloor: 'early' | 'strong' | null;
  manualStatus: 'paused' | 'legal' | 'agency' | null;
  pausedUntil: string | null;
  anchorDueOn: string | null;
  daysPastDue: number | null;
  /** The strategy the case followed then (for its grace days). */
  strategy: Strategy;
}

/** An invoice of the case's customer and entity, with its allocations as the ledger knows them. */
export interface InvoiceHistory {
  issueDate: string;
  dueDate: string;
  disputed: boolean;
  amount: number;
  /** [effective on, reversed on (null: not reversed by the date), amount]. */
  allocations: ReadonlyArray<readonly [string, string | null, number]>;
}

/** An invoice's open amount day by day: the changes in date order, applied as the days go by. */
class OpenTrack {
  readonly issue: number;
  readonly due: number;
  readonly disputed: boolean;
  open: number;
  private readonly days: number[];
  private readonly deltas = new Map<number, number>();
  private next = 0;

  constructor(inv: InvoiceHistory, lastDay: number) {
    this.issue = toDayNumber(inv.issueDate);
    this.due = toDayNumber(inv.dueDate);
    this.disputed = inv.disputed;
    this.open = inv.amount;
    const add = (day: number, delta: number) => this.deltas.set(day, (this.deltas.get(day) ?? 0) + delta);
    for (const [effective, reversed, amount] of inv.allocations) {
      const e = toDayNumber(effective);
      if (e > lastDay) continue;
      add(e, -amount);
      // As of a day, an allocation counts from its date until the day it was reversed.
      if (reversed !== null && toDayNumber(reversed) <= lastDay) add(toDayNumber(reversed), amount);
    }
    this.days = [...this.deltas.keys()].sort((a, b) => a - b);
  }

  /** The days on which the open amount changed. */
  changeDays(): readonly number[] {
    return this.days;
  }

  /** Applies the changes up to and including `day`. */
  advance(day: number): void {
    while (this.next < this.days.length && this.days[this.next] <= day) {
      this.open += this.deltas.get(this.days[this.next])!;
      this.next++;
    }
  }
}

/**
 * The stages the case went through from the day it opened to the date, replayed from the ledger as the
 * engine's daily runs saw it: each day the anchor is the oldest due date of the undisputed invoices open
 * that day (issued by then, due within the reminder horizon), the stage follows its days past due and the
 * floor set by then, and a change of stage starts a new stay and moves the clock the way the evaluation
 * does. Only the days on which something can change are visited.
 */
function replayStages(input: {
  openedOn: string;
  from: string;
  horizonDays: number;
  invoices: readonly InvoiceHistory[];
  strategy: Strategy;
  /** Day numbers on which the floor rose, with the floor from then on. */
  floors: ReadonlyArray<{ day: number; floor: 'early' | 'strong' }>;
}): { stage: Stage; since: number; clock: StageClock; anchor: number | null } {
  const openDay = toDayNumber(input.openedOn);
  const lastDay = toDayNumber(input.from);
  const tracks = input.invoices.map((inv) => new OpenTrack(inv, lastDay));
  const points = new Set<number>([openDay]);
  const within = (day: number) => {
    if (day > openDay && day <= lastDay) points.add(day);
  };
  for (const t of tracks) {
    within(t.issue);
    within(t.due - input.horizonDays);
    for (const day of t.changeDays()) within(day);
  }
  for (const f of input.floors) within(f.day);
  const sorted = [...points].sort((a, b) => a - b);
  const thresholds = [input.strategy.stages.early.fromDay, input.strategy.stages.strong.fromDay];

  let stage: Stage = 'reminder';
  let since = openDay;
  const clock: StageClock = {};
  let anchor: number | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const day = sorted[i];
    const until = i + 1 < sorted.length ? sorted[i + 1] - 1 : lastDay;
    anchor = null;
    for (const t of tracks) {
      t.advance(day);
      if (t.disputed || t.open <= 0 || t.issue > day || t.due > day + input.horizonDays) continue;
      if (anchor === null || t.due < anchor) anchor = t.due;
    }
    // Nothing undisputed open: the evaluation leaves the stage as it is.
    if (anchor === null) continue;
    let floor: 'early' | 'strong' | null = null;
    for (const f of input.floors) if (f.day <= day) floor = maxStage(f.floor, floor) as 'early' | 'strong';
    // With the anchor fixed until the next point, the stage can only change where a threshold is crossed.
    const days = [day, ...thresholds.map((n) => anchor! + n).filter((d) => d > day && d <= until)];
    for (const d of days.sort((a, b) => a - b)) {
      const next = maxStage(stageByDays(input.strategy, d - anchor), floor);
      if (next === stage) continue;
      const before = clock[stage];
      clock[stage] = {
        first: before?.first ?? fromDayNumber(since),
        days: (before?.days ?? 0) + (d - since),
      };
      stage = next;
      since = d;
    }
  }
  return { stage, since, clock, anchor };
}

/**
 * The case on `from`, as the engine's run of that day saw it: `invoices` are those of its customer and
 * entity with their allocations, `fired` the steps it fired before the date, `laterStatuses` the statuses
 * (legal, agency) that steps fired from the date on set.
 */
export function caseStartState(input: {
  kase: CaseNow;
  from: string;
  /** Days before the due date that the earliest reminder looks ahead (invoices due by then are in the case). */
  horizonDays: number;
  invoices: readonly InvoiceHistory[];
  fired: readonly FiredStep[];
  laterStatuses: ReadonlySet<string>;
  strategies: ReadonlyMap<number, Strategy>;
  fallback: Strategy;
}): StartState {
  const { kase, from } = input;
  const fired = [...input.fired].sort((a, b) =>
    a.firedOn === b.firedOn ? a.id - b.id : a.firedOn < b.firedOn ? -1 : 1,
  );
  const stepOf = (f: FiredStep) => input.strategies.get(f.strategyId)?.steps.find((s) => s.key === f.stepKey);
  // The strategy it followed then: the one of its last step before the date, else the one it has now.
  const last = fired.at(-1);
  const strategy =
    (last && input.strategies.get(last.strategyId)) ||
    (kase.strategyId !== null && input.strategies.get(kase.strategyId)) ||
    input.fallback;

  // The floor and the status that steps set (only event steps raise the stage; a floor never comes down).
  let floor: 'early' | 'strong' | null = null;
  const floors: Array<{ day: number; floor: 'early' | 'strong' }> = [];
  let stepStatus: 'legal' | 'agency' | null = null;
  for (const f of fired) {
    const step = stepOf(f);
    if (step?.raiseStage) {
      floor = maxStage(step.raiseStage, floor) as 'early' | 'strong';
      floors.push({ day: toDayNumber(f.firedOn), floor });
    }
    if (step?.setStatus) stepStatus = step.setStatus;
  }
  // A person's pause or hand-over is not dated: it is kept, unless a step after the date set it.
  let manualStatus = kase.manualStatus;
  let pausedUntil = kase.pausedUntil;
  if (stepStatus) {
    manualStatus = stepStatus;
    pausedUntil = null;
  } else if (manualStatus && manualStatus !== 'paused' && input.laterStatuses.has(manualStatus)) {
    manualStatus = null;
    pausedUntil = null;
  }

  const replayed = replayStages({
    openedOn: kase.openedOn,
    from,
    horizonDays: input.horizonDays,
    invoices: input.invoices,
    strategy,
    floors,
  });
  const anchor = replayed.anchor === null ? null : fromDayNumber(replayed.anchor);
  const stage = replayed.stage;
  let stageSince: string;
  let stageClock: StageClock;
  if (kase.stage === stage && kase.stageSince <= from) {
    // The case's current stay began by the date and still goes on: exact, since the clock changes only
    // when the case changes stage, which it has not done since.
    stageSince = kase.stageSince;
    stageClock = Object.fromEntries(
      Object.entries(kase.stageClock ?? {}).filter(([, c]) => c && c.first <= from),
    ) as StageClock;
  } else {
    stageSince = fromDayNumber(replayed.since);
    stageClock = replayed.clock;
    // The occurrences of days-in-stage steps are named after the stage's first entry. Where the store
    // knows it exactly (its clock, its current stay, the steps already fired under it) that name is kept,
    // so that the steps already fired are found again, even where the replay saw the entry elsewhere.
    for (const s of STAGE_ORDER) {
      const first = knownFirstEntry(kase, fired, s, from);
      if (!first) continue;
      const entry = stageClock[s];
      if (entry) stageClock[s] = { ...entry, first };
      else if (s !== stage || first !== stageSince) stageClock[s] = { first, days: 0 };
    }
  }
  return {
    stage,
    stageSince,
    stageClock,
    stageFloor: floor,
    manualStatus,
    pausedUntil,
    anchorDueOn: anchor,
    daysPastDue: anchor ? daysBetween(anchor, from) : null,
    strategy,
  };
}

/** The day the case first entered a stage, by the date, where the store says it exactly. */
function knownFirstEntry(
  kase: CaseNow,
  fired: readonly FiredStep[],
  stage: Stage,
  from: string,
): string | null {
  const fromClock = kase.stageClock?.[stage]?.first;
  if (fromClock) return fromClock <= from ? fromClock : null;
  if (kase.stage === stage && kase.stageSince <= from) return kase.stageSince;
  let named: string | null = null;
  for (const f of fired) {
    const match = /^s:([a-z]+):(\d{4}-\d{2}-\d{2}):/.exec(f.occurrenceKey);
    if (match && match[1] === stage && (!named || match[2] > named)) named = match[2];
  }
  return named;
}

/** The case's status on the date, with the evaluation's precedence: pause, dispute, hold, hand-over. */
export function statusOn(
  state: Pick<StartState, 'manualStatus' | 'pausedUntil' | 'anchorDueOn'>,
  from: string,
  hold: 'promise' | 'plan' | null,
): 'active' | 'paused' | 'promise' | 'plan' | 'dispute' | 'legal' | 'agency' {
  if (state.manualStatus === 'paused' && (!state.pausedUntil || state.pausedUntil >= from)) return 'paused';
  if (!state.anchorDueOn) return 'dispute';
  if (hold) return hold;
  if (state.manualStatus === 'legal' || state.manualStatus === 'agency') return state.manualStatus;
  return 'active';
}

/** A promise as the store holds it now, with what was paid towards it by the date. */
export interface PromiseNow {
  amount: number;
  status: 'open' | 'kept' | 'partial' | 'broken' | 'cancelled';
  paidAmount: number;
  resolvedOn: string | null;
  /** Payments towards it (its currency, since it was made) effective by the date and by its last day. */
  paidThen: number;
}

/**
 * The promise on the date. Settled by then: as it is. Settled later: still open then, for what was still
 * owed (the copy's ledger starts with the invoices' open amounts, so earlier payments cannot count again);
 * already covered by the payments of the date: kept on the date.
 */
export function promiseOn(
  p: PromiseNow,
  from: string,
): Pick<PromiseNow, 'amount' | 'status' | 'paidAmount' | 'resolvedOn'> {
  const openThen = p.status === 'open' || (p.resolvedOn !== null && p.resolvedOn > from);
  if (!openThen)
    return { amount: p.amount, status: p.status, paidAmount: p.paidAmount, resolvedOn: p.resolvedOn };
  if (p.paidThen >= p.amount)
    return { amount: p.amount, status: 'kept', paidAmount: p.paidThen, resolvedOn: from };
  return { amount: p.amount - p.paidThen, status: 'open', paidAmount: 0, resolvedOn: null };
}

export interface InstallmentNow {
  seq: number;
  dueOn: string;
  amount: number;
  status: 'open' | 'paid' | 'missed';
  resolvedOn: string | null;
}

export interface PlanNow {
  status: 'active' | 'completed' | 'defaulted' | 'cancelled';
  /** A later plan of the case made by the date replaced it (a new plan cancels the active one). */
  replacedThen: boolean;
  /** Payments towards it (its currency, since it was made) effective by the date. */
  paidThen: number;
  installments: InstallmentNow[];
}

/**
 * The plan on the date: its installments as they stood (one settled later was open), its status from them.
 * A plan still running then keeps only what was still owed, as the engine counts it: installments are paid
 * when the receipts since the plan cover the cumulative schedule, and the copy's receipts start on the date,
 * so the installments covered by then are left out and the first one still open is reduced by the excess.
 */
export function planOn(
  plan: PlanNow,
  from: string,
): { status: PlanNow['status']; installments: InstallmentNow[] } {
  const then = plan.installments
    .map((i) =>
      i.resolvedOn !== null && i.resolvedOn > from ? { ...i, status: 'open' as const, resolvedOn: null } : i,
    )
    .sort((a, b) => a.seq - b.seq);
  if (plan.status === 'cancelled' && plan.replacedThen) return { status: 'cancelled', installments: then };
  if (then.some((i) => i.status === 'missed')) return { status: 'defaulted', installments: then };
  if (then.every((i) => i.status === 'paid')) return { status: 'completed', installments: then };
  let cumulative = 0;
  const owed: InstallmentNow[] = [];
  for (const i of then) {
    cumulative += i.amount;
    if (i.status !== 'open' || cumulative <= plan.paidThen) continue;
    owed.push(owed.length === 0 ? { ...i, amount: cumulative - plan.paidThen } : i);
  }
  if (owed.length === 0) {
    // Covered by the payments of the date: paid then.
    return {
      status: 'completed',
      installments: then.map((i) => (i.status === 'open' ? { ...i, status: 'paid', resolvedOn: from } : i)),
    };
  }
  return { status: 'active', installments: owed };
}

/** A pause or all-disputed period as the engine records it (collection_case.hold_spans). */
export interface HoldSpanNow {
  from: string;
  to: string | null;
  kind: string;
}

/**
 * The spans as the engine had recorded them before its run of the date: those it had seen begin by then,
 * one that ended later still under way.
 */
export function holdSpansOn(spans: readonly HoldSpanNow[], from: string): HoldSpanNow[] {
  return spans
    .filter((span) => span.from < from)
    .map((span) => (span.to !== null && span.to > from ? { ...span, to: null } : span));
}
