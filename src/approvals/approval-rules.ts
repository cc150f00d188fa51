// Who may approve what (审批权限): pure rules, no I/O. A rule per kind (and per selling entity, else the
// company's, else the built-in default) says up to which amount a requester's own role suffices, which roles
// approve at which amount, and above which amount two different people must approve (two-step).
// Thresholds are whole units of the entity's base currency (50000 = ¥50,000.00 for a CNY entity); an amount
// in another currency cannot be compared without a rate and is treated as larger than every threshold.
import { ROLES } from '../auth/roles';

export interface ApprovalLevel {
  /** Amounts up to this many whole units; null: any amount. */
  upTo: number | null;
  /** Roles that may approve at this level. */
  roles: string[];
}

export interface ApprovalRule {
  /** Role → the amount (whole units) up to which a requester holding it needs nobody's approval. */
  authority: Record<string, number>;
  /** Ascending by `upTo`; the last one has `upTo: null`. */
  levels: ApprovalLevel[];
  /** Above this amount two different people approve: first the lowest level, then the amount's level. */
  twoStepAbove: number | null;
  /** Days a request waits for its decision before it expires. */
  expiresAfterDays: number;
}

/**
 * The built-in defaults. A collector never approves a plan or a waiver alone (DOMAIN, the collector's work):
 * a team lead (催收主管) approves a plan up to ¥50,000, the credit manager above, two people above ¥200,000.
 * Finance writes off small balances itself; larger ones go to the credit manager, two people above ¥100,000.
 */
export const DEFAULT_RULES: Readonly<Record<string, ApprovalRule>> = {
  payment_plan: {
    authority: { collection_manager: 50_000, admin: 50_000 },
    levels: [
      { upTo: 50_000, roles: ['collection_manager', 'admin'] },
      { upTo: null, roles: ['credit_manager', 'admin'] },
    ],
    twoStepAbove: 200_000,
    expiresAfterDays: 14,
  },
  write_off: {
    authority: { finance: 10_000, admin: 10_000 },
    levels: [{ upTo: null, roles: ['credit_manager', 'admin'] }],
    twoStepAbove: 100_000,
    expiresAfterDays: 30,
  },
  interest_waiver: {
    authority: { collection_manager: 1_000, credit_manager: 1_000 },
    levels: [
      { upTo: 10_000, roles: ['collection_manager', 'credit_manager', 'admin'] },
      { upTo: null, roles: ['credit_manager', 'admin'] },
    ],
    twoStepAbove: null,
    expiresAfterDays: 14,
  },
  credit_exception: {
    authority: {},
    levels: [{ upTo: null, roles: ['credit_manager', 'admin'] }],
    twoStepAbove: 500_000,
    expiresAfterDays: 7,
  },
};

/** A kind registered without a default of its own: every request goes to an administrator. */
export const FALLBACK_RULE: ApprovalRule = {
  authority: {},
  levels: [{ upTo: null, roles: ['admin'] }],
  twoStepAbove: null,
  expiresAfterDays: 14,
};

/** The amount to judge: minor units of the entity's base currency, or null when in another currency. */
export interface ComparableAmount {
  minor: number | null;
  /** Minor-unit digits of the base currency (2 for CNY). */
  digits: number;
}

export function comparableAmount(
  amount: number,
  currency: string,
  baseCurrency: string,
  digits: number,
): ComparableAmount {
  return { minor: currency === baseCurrency ? amount : null, digits };
}

const unitsToMinor = (units: number, digits: number) => units * 10 ** digits;

/** amount ≤ whole units? An amount of unknown size (another currency) is never within. */
function within(amount: ComparableAmount, units: number | null): boolean {
  if (units === null) return true;
  return amount.minor !== null && amount.minor <= unitsToMinor(units, amount.digits);
}

/** Whether a requester holding these roles (in the request's entity) may act without approval. */
export function withinAuthority(
  rule: ApprovalRule,
  amount: ComparableAmount,
  roles: readonly string[],
): boolean {
  return roles.some((role) => {
    const limit = rule.authority[role];
    return limit !== undefined && within(amount, limit);
  });
}

/** The steps a request takes: one list of roles per step, in order (one step, or two above the threshold). */
export function requiredSteps(rule: ApprovalRule, amount: ComparableAmount): string[][] {
  const level = rule.levels.find((l) => within(amount, l.upTo)) ?? rule.levels[rule.levels.length - 1];
  const twoStep = rule.twoStepAbove !== null && !within(amount, rule.twoStepAbove);
  return twoStep ? [rule.levels[0].roles, level.roles] : [level.roles];
}

export type DecisionRefusal = 'self' | 'role' | 'twice' | 'system';

/**
 * Whether this person may decide the request's current step: never the requester, never the same person
 * for two steps, and only holding one of the step's roles in the request's entity.
 */
export function decisionRefusal(input: {
  deciderId: number | null;
  deciderRoles: readonly string[];
  requesterId: number | null;
  stepRoles: readonly string[];
  earlierApprovers: readonly (number | null)[];
}): DecisionRefusal | null {
  if (input.deciderId === null) return 'system';
  if (input.deciderId === input.requesterId) return 'self';
  if (input.earlierApprovers.includes(input.deciderId)) return 'twice';
  if (!input.deciderRoles.some((role) => input.stepRoles.includes(role))) return 'role';
  return null;
}

/** Problems with a rule as configured (empty: valid). */
export function ruleProblems(rule: ApprovalRule): Array<{ field: string; reason: string }> {
  const problems: Array<{ field: string; reason: string }> = [];
  const isUnits = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  const knownRole = (r: string) => (ROLES as readonly string[]).includes(r);
  for (const [role, units] of Object.entries(rule.authority)) {
    if (!knownRole(role)) problems.push({ field: `authority/${role}`, reason: 'unknown role' });
    if (!isUnits(units)) problems.push({ field: `authority/${role}`, reason: 'a whole amount from 0' });
  }
  if (rule.levels.length === 0) problems.push({ field: 'levels', reason: 'at least one level' });
  rule.levels.forEach((level, i) => {
    const last = i === rule.levels.length - 1;
    if (last ? level.upTo !== null : !isUnits(level.upTo))
      problems.push({
        field: `levels/${i}/upTo`,
        reason: last ? 'the last level has no limit' : 'a whole amount',
      });
    if (i > 0 && !last && (level.upTo as number) <= (rule.levels[i - 1].upTo as number))
      problems.push({ field: `levels/${i}/upTo`, reason: 'above the previous level' });
    if (level.roles.length === 0) problems.push({ field: `levels/${i}/roles`, reason: 'at least one role' });
    for (const role of level.roles)
      if (!knownRole(role)) problems.push({ field: `levels/${i}/roles`, reason: `unknown role ${role}` });
  });
  if (rule.twoStepAbove !== null && !isUnits(rule.twoStepAbove))
    problems.push({ field: 'twoStepAbove', reason: 'a whole amount or null' });
  if (
    !Number.isSafeInteger(rule.expiresAfterDays) ||
    rule.expiresAfterDays < 1 ||
    rule.expiresAfterDays > 365
  )
    problems.push({ field: 'expiresAfterDays', reason: 'between 1 and 365 days' });
  return problems;
}
