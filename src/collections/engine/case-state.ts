// What the pure step evaluation knows about a case: a snapshot loaded set-based by the engine (or built by
// the strategy preview), and what the evaluation decides.
import type { CaseStage, CaseStatus } from '../../platform/db/schema';
import type { Stage, StrategyStepT } from '../strategy/strategy-schema';

export interface PromiseState {
  id: number;
  amount: number;
  currency: string;
  /** The day it was made: from then on it holds the case (until its date plus grace, or until resolved). */
  promisedOn: string;
  dueOn: string;
  status: 'open' | 'kept' | 'partial' | 'broken' | 'cancelled';
  resolvedOn: string | null;
}

export interface InstallmentState {
  seq: number;
  dueOn: string;
  amount: number;
  status: 'open' | 'paid' | 'missed';
  resolvedOn: string | null;
}

export interface PlanState {
  id: number;
  currency: string;
  /** The day it was agreed: from then on it holds the case while it is in good standing. */
  createdOn: string;
  status: 'active' | 'completed' | 'defaulted' | 'cancelled';
  installments: InstallmentState[];
}

/**
 * The days-in-stage clock of the stages a case has been in before its current stay (DOMAIN: a step fires at
 * most once per case and trigger). `first`: the day the case first entered the stage, which names the
 * stage's occurrences, so re-entering it (a dispute raised and withdrawn moves the anchor away and back)
 * finds the steps that already fired; `days`: the days spent in it before, so the clock goes on where it
 * stopped instead of starting again. A stage missing here was never left: it starts at `stageSince`.
 */
export type StageClock = Partial<Record<CaseStage, { first: string; days: number }>>;

/**
 * A pause (停催) or a period when every open invoice of the case was disputed: it holds the case's time steps
 * like an open promise does (a step that fell due in it falls due on `to`). Unlike promises and plans these
 * leave no dates behind once over, so the evaluation records them as it sees them begin and end. `to`: the
 * first day free of it (exclusive, like a promise's hold), null while it lasts. `from` is the first day the
 * engine saw it, `to` the day after `paused_until` for a pause that ran out, else the first day it saw the
 * case free again.
 */
export interface HoldSpan {
  from: string;
  to: string | null;
  kind: 'pause' | 'dispute';
}

export interface CaseSnapshot {
  caseId: number;
  openedOn: string;
  stage: CaseStage;
  stageSince: string;
  stageClock: StageClock;
  stageFloor: 'early' | 'strong' | null;
  manualStatus: 'paused' | 'legal' | 'agency' | null;
  pausedUntil: string | null;
  /** Oldest due date of the case's undisputed open invoices; null when everything open is disputed. */
  anchorDueOn: string | null;
  /** The pauses and all-disputed periods seen so far (collection_case.hold_spans). */
  holdSpans: HoldSpan[];
  /** The case's undisputed open amount converted to a currency (for amount bands); null: no rate. */
  amountIn: (currency: string) => number | null;
  grade: string | null;
  promises: PromiseState[];
  plans: PlanState[];
  /** The strategy the case was last evaluated under (by name); null: none yet. */
  strategyName: string | null;
  /**
   * The day that strategy first reached the case (collection_case.strategy_since); null: not yet. Time
   * before it holds the strategy's time steps like a pause (catch-up, see evaluate.ts).
   */
  strategySince: string | null;
  /**
   * The last day the engine evaluated the case (collection_case.seen_on); null or absent: never. A time
   * step that fell due after it and will not fire is recorded as skipped (evaluate.ts, unfiredSteps).
   */
  seenOn?: string | null;
}

export interface DueStep {
  step: StrategyStepT;
  /** Identifies the trigger occurrence: with the case and step key it is the idempotency key. */
  occurrenceKey: string;
  dueOn: string;
  /** Set on event steps: the promise or installment that triggered it. */
  promise?: PromiseState;
  installment?: InstallmentState & { planId: number; currency: string };
  /**
   * Recorded, not carried out, with this reason: a step of a stage the case went through while it was held
   * (see evaluate.ts). Its occurrence is used up all the same, so it never fires later.
   */
  skipped?: string;
  /** Fired late by catch-up: why, for the case history (the day it fell due, before the strategy came). */
  detail?: string;
}

export interface Evaluation {
  stage: Stage;
  stageSince: string;
  stageClock: StageClock;
  stageFloor: 'early' | 'strong' | null;
  /** The hold spans to store for the case: the snapshot's, with any begun or ended today, old ones dropped. */
  holdSpans: HoldSpan[];
  status: Exclude<CaseStatus, 'closed'>;
  manualStatus: 'paused' | 'legal' | 'agency' | null;
  pausedUntil: string | null;
  daysPastDue: number | null;
  due: DueStep[];
  nextActionOn: string | null;
  nextStepKey: string | null;
  /** The day the evaluated strategy first reached the case, to store (null under no strategy). */
  strategySince: string | null;
}

export const STAGE_RANK: Record<Stage, number> = { reminder: 0, early: 1, strong: 2 };

export function maxStage(a: Stage, b: Stage | null): Stage {
  if (!b) return a;
  return STAGE_RANK[b] > STAGE_RANK[a] ? b : a;
}
