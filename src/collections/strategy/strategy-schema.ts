// The shape of a collection strategy (催收策略), one TypeBox schema used at every boundary: the API body,
// `strategies import`, rows read back from the database and the default strategies shipped with the code.
// Semantic checks that JSON Schema cannot express (unique keys, channel fits the action, the template
// exists) are in `validateStrategy`.

import { type Static, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { type FieldProblem, invalid, msg } from '../../platform/errors';
import { templateExists } from '../templates/registry';

export const STAGES = ['reminder', 'early', 'strong'] as const;
export type Stage = (typeof STAGES)[number];

export const ACTIONS = [
  'email',
  'sms',
  'letter',
  'statement',
  'call',
  'visit',
  'escalate',
  'credit_hold',
  'legal_review',
  'agency_referral',
] as const;
export type StepAction = (typeof ACTIONS)[number];

export const CHANNELS = ['email', 'sms', 'letter', 'phone', 'visit', 'internal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels each action may use; the first is the default. */
export const ACTION_CHANNELS: Record<StepAction, readonly Channel[]> = {
  email: ['email'],
  sms: ['sms'],
  letter: ['letter'],
  statement: ['email', 'letter'],
  call: ['phone'],
  visit: ['visit'],
  escalate: ['internal'],
  credit_hold: ['internal'],
  legal_review: ['internal'],
  agency_referral: ['internal'],
};

export const MESSAGE_ACTIONS: ReadonlySet<StepAction> = new Set(['email', 'sms', 'letter', 'statement']);

const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' });
const Repeat = {
  repeatEveryDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  maxRepeats: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
};

export const StepTrigger = Type.Union([
  Type.Object(
    { type: Type.Literal('daysFromDue'), days: Type.Integer({ minimum: -90, maximum: 3650 }), ...Repeat },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('daysInStage'), days: Type.Integer({ minimum: 0, maximum: 3650 }), ...Repeat },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('brokenPromise') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('missedInstallment') }, { additionalProperties: false }),
  // State triggers (DOMAIN: amount, grade): fire once per case, the first time the case meets them in the
  // step's stage (see evaluate.ts). Amount: the case's undisputed open amount, converted to `currency`, is
  // `amount` or more (minor units; inclusive, like a step's minAmount).
  Type.Object(
    {
      type: Type.Literal('amountAbove'),
      currency: Type.String({ pattern: '^[A-Z]{3}$' }),
      amount: Type.Integer({ minimum: 0 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('grade'),
      grades: Type.Array(Type.String({ minLength: 1, maxLength: 10 }), { minItems: 1, maxItems: 20 }),
    },
    { additionalProperties: false },
  ),
]);

/** Filters on a step: amount band (case's open amount, converted) and credit grade. */
export const StepConditions = Type.Object(
  {
    minAmount: Type.Optional(Type.Integer({ minimum: 0 })),
    maxAmount: Type.Optional(Type.Integer({ minimum: 0 })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    grades: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 10 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const StrategyStep = Type.Object(
  {
    key: Key,
    stage: Type.Enum(['reminder', 'early', 'strong', 'any']),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    trigger: StepTrigger,
    conditions: Type.Optional(StepConditions),
    action: Type.Enum(ACTIONS),
    channel: Type.Enum(CHANNELS),
    template: Type.String({ minLength: 1, maxLength: 100 }),
    /** Moves the case at least to this stage (a broken promise escalates at once). */
    raiseStage: Type.Optional(Type.Union([Type.Literal('early'), Type.Literal('strong')])),
    /** Marks the case as handed to legal or to an agency (non-litigation means continue alongside). */
    setStatus: Type.Optional(Type.Union([Type.Literal('legal'), Type.Literal('agency')])),
  },
  { additionalProperties: false },
);

export const StrategyStages = Type.Object(
  {
    early: Type.Object(
      { fromDay: Type.Integer({ minimum: 1, maximum: 365 }) },
      { additionalProperties: false },
    ),
    strong: Type.Object(
      { fromDay: Type.Integer({ minimum: 2, maximum: 3650 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** The most catch-up days a strategy may have: past it, nothing missed can still fire. */
export const MAX_CATCH_UP_DAYS = 30;

export const StrategySettings = Type.Object(
  {
    /** A step missed by up to this many days (engine down, case opened late) still fires. */
    catchUpDays: Type.Integer({ minimum: 0, maximum: MAX_CATCH_UP_DAYS }),
    promiseGraceDays: Type.Integer({ minimum: 0, maximum: 30 }),
    installmentGraceDays: Type.Integer({ minimum: 0, maximum: 30 }),
  },
  { additionalProperties: false },
);

export const StrategySteps = Type.Array(StrategyStep, { minItems: 1, maxItems: 100 });

/** A strategy as written by a person or shipped as a default (no id or version). */
export const StrategyDefinition = Type.Object(
  {
    name: Key,
    label: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
    stages: StrategyStages,
    settings: StrategySettings,
    steps: StrategySteps,
  },
  { additionalProperties: false },
);

export type StepTriggerT = Static<typeof StepTrigger>;
export type StrategyStepT = Static<typeof StrategyStep>;
export type StrategyDefinitionT = Static<typeof StrategyDefinition>;

/** A stored version of a strategy. */
export interface Strategy extends StrategyDefinitionT {
  id: number;
  version: number;
  active: boolean;
}

const definitionValidator = Compile(StrategyDefinition);

/** Checks shape and meaning; throws INVALID_INPUT listing every problem. */
export function validateStrategy(value: unknown): StrategyDefinitionT {
  if (!definitionValidator.Check(value)) {
    const problems: FieldProblem[] = definitionValidator
      .Errors(value)
      .slice(0, 50)
      .map((error) => ({
        field: error.instancePath || null,
        reason: error.message,
      }));
    throw invalid(msg('strategyShape'), problems);
  }
  const problems = strategyProblems(value);
  if (problems.length > 0) throw invalid(msg('strategyInconsistent', { name: value.name }), problems);
  return value;
}

export function strategyProblems(def: StrategyDefinitionT): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (def.stages.strong.fromDay <= def.stages.early.fromDay) {
    problems.push({
      field: '/stages/strong/fromDay',
      reason: 'strong collection must start after early overdue',
    });
  }
  const keys = new Set<string>();
  def.steps.forEach((step, index) => {
    const at = `/steps/${index}`;
    if (keys.has(step.key))
      problems.push({ field: `${at}/key`, value: step.key, reason: 'duplicate step key' });
    keys.add(step.key);
    if (!ACTION_CHANNELS[step.action].includes(step.channel)) {
      problems.push({
        field: `${at}/channel`,
        value: step.channel,
        reason: `action ${step.action} uses ${ACTION_CHANNELS[step.action].join(' or ')}`,
      });
    }
    if (!templateExists(step.template, step.action)) {
      problems.push({ field: `${at}/template`, value: step.template, reason: `no ${step.action} template` });
    }
    const { trigger } = step;
    if (trigger.type === 'daysFromDue' && step.stage !== 'any') {
      const day = trigger.days;
      const fits =
        step.stage === 'reminder'
          ? day < def.stages.early.fromDay
          : step.stage === 'early'
            ? day >= def.stages.early.fromDay && day < def.stages.strong.fromDay
            : day >= def.stages.strong.fromDay;
      if (!fits) {
        problems.push({
          field: `${at}/trigger/days`,
          value: String(day),
          reason: `day ${day} is not in ${step.stage}`,
        });
      }
    }
    // Only events raise the stage: it is settled before the hold and the time and state steps are looked at.
    if (step.raiseStage && trigger.type !== 'brokenPromise' && trigger.type !== 'missedInstallment') {
      problems.push({
        field: `${at}/raiseStage`,
        reason: 'only event steps (broken promise, missed installment) raise the stage',
      });
    }
    if (trigger.type === 'daysInStage' && step.stage === 'any') {
      problems.push({ field: `${at}/stage`, reason: 'days in stage needs a stage' });
    }
    const { minAmount, maxAmount } = step.conditions ?? {};
    if (minAmount !== undefined && maxAmount !== undefined && minAmount > maxAmount) {
      problems.push({ field: `${at}/conditions`, reason: 'minAmount is above maxAmount' });
    }
  });
  return problems;
}

/** Parses a stored row's JSON columns back into a Strategy, validating it like any other input. */
export function strategyFromRow(row: {
  id: number;
  name: string;
  version: number;
  locale: string;
  label: string;
  description: string | null;
  stages: unknown;
  settings: unknown;
  steps: unknown;
  active: boolean;
}): Strategy {
  const def = validateStrategy({
    name: row.name,
    label: row.label,
    description: row.description,
    locale: row.locale,
    stages: row.stages,
    settings: row.settings,
    steps: row.steps,
  });
  return { ...def, id: row.id, version: row.version, active: row.active };
}

/** Days before the due date that the earliest reminder looks ahead: cases open this early. */
export function reminderHorizon(strategies: Iterable<StrategyDefinitionT>): number {
  let horizon = 0;
  for (const strategy of strategies) {
    for (const step of strategy.steps) {
      if (step.trigger.type === 'daysFromDue' && step.trigger.days < 0) {
        horizon = Math.max(horizon, -step.trigger.days);
      }
    }
  }
  return horizon;
}
