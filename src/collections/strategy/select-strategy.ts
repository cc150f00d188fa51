// Which strategy a case follows (pure): the customer's override, else the first rule by priority whose
// criteria all match (segment, credit grade, language, amount band), else the fallback. Rules and overrides
// that name a strategy with no active version are passed over, so turning a strategy off never leaves
// customers without collection.
export interface StrategyRule {
  id: number;
  priority: number;
  strategyName: string;
  segment: string | null;
  grade: string | null;
  language: string | null;
  minAmount: number | null;
  maxAmount: number | null;
  amountCurrency: string;
}

export interface SelectionFacts {
  segment: string | null;
  grade: string | null;
  language: string | null;
  /** The case's undisputed open amount in a currency, null when no exchange rate is known. */
  amountIn: (currency: string) => number | null;
}

function languageMatches(rule: string, customer: string | null): boolean {
  if (!customer) return false;
  const a = rule.toLowerCase();
  const b = customer.toLowerCase().replace('_', '-');
  return b === a || b.startsWith(`${a}-`);
}

export function ruleMatches(rule: StrategyRule, facts: SelectionFacts): boolean {
  if (rule.segment !== null && rule.segment !== facts.segment) return false;
  if (rule.grade !== null && rule.grade !== facts.grade) return false;
  if (rule.language !== null && !languageMatches(rule.language, facts.language)) return false;
  if (rule.minAmount !== null || rule.maxAmount !== null) {
    const amount = facts.amountIn(rule.amountCurrency);
    if (amount === null) return false;
    if (rule.minAmount !== null && amount < rule.minAmount) return false;
    if (rule.maxAmount !== null && amount > rule.maxAmount) return false;
  }
  return true;
}

export function selectStrategyName(
  facts: SelectionFacts,
  rules: readonly StrategyRule[],
  override: string | null,
  active: ReadonlySet<string>,
  fallback: string,
): string | null {
  if (override && active.has(override)) return override;
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || a.id - b.id);
  for (const rule of ordered) {
    if (active.has(rule.strategyName) && ruleMatches(rule, facts)) return rule.strategyName;
  }
  return active.has(fallback) ? fallback : null;
}
