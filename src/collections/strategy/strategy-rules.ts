// Strategy rules (segment / grade / language / amount band → strategy) and per-customer overrides.
import { type Actor, assertCan, rowVisible } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { type FieldProblem, invalid, msg, notFound } from '../../platform/errors';
import { CURRENCY_MINOR_UNITS } from '../../shared/money';
import { markCustomerChanged } from '../cases/mark-changed';
import type { StrategyRule } from './select-strategy';
import { ensureDefaultStrategies, loadRules, replaceRules } from './strategy-queries';

export type RuleInput = Omit<StrategyRule, 'id'> & { note?: string | null };

export async function getStrategyRules(db: Db, actor: Actor): Promise<StrategyRule[]> {
  assertCan(actor, 'collections:read');
  await ensureDefaultStrategies(db);
  return loadRules(db);
}

/** Replaces the whole rule list (the editor saves it as one ordered table). */
export async function putStrategyRules(db: Db, actor: Actor, rules: RuleInput[]): Promise<StrategyRule[]> {
  assertCan(actor, 'strategies:write');
  const names = new Set(
    (await db.selectFrom('strategy').select('name').distinct().execute()).map((r) => r.name),
  );
  const problems: FieldProblem[] = [];
  rules.forEach((r, i) => {
    if (!names.has(r.strategyName))
      problems.push({
        line: i + 1,
        field: 'strategyName',
        value: r.strategyName,
        reason: 'no such strategy',
      });
    if (CURRENCY_MINOR_UNITS[r.amountCurrency] === undefined)
      problems.push({
        line: i + 1,
        field: 'amountCurrency',
        value: r.amountCurrency,
        reason: 'unknown currency',
      });
    if (r.minAmount !== null && r.maxAmount !== null && r.minAmount > r.maxAmount)
      problems.push({ line: i + 1, field: 'minAmount', reason: 'above maxAmount' });
  });
  if (problems.length) throw invalid(msg('strategyRulesInvalid'), problems);
  await inTransaction(db, actor, (tx) => replaceRules(tx, rules));
  return loadRules(db);
}

/** Sets (or with null, removes) the strategy a customer follows whatever the rules say. */
export async function setCustomerStrategy(
  db: Db,
  actor: Actor,
  input: { customerId: number; strategyName: string | null; reason?: string | null },
): Promise<{ customerId: number; strategyName: string | null; reason: string | null }> {
  assertCan(actor, 'strategies:write');
  await inTransaction(db, actor, async (tx) => {
    const customer = await tx
      .selectFrom('customer')
      .select('id')
      .where('id', '=', input.customerId)
      .where(rowVisible(actor, { customer: 'customer.id', entity: null }))
      .executeTakeFirst();
    if (!customer) throw notFound('Customer', input.customerId);
    await tx.deleteFrom('customer_strategy').where('customer_id', '=', input.customerId).execute();
    if (input.strategyName) {
      const exists = await tx
        .selectFrom('strategy')
        .select('id')
        .where('name', '=', input.strategyName)
        .executeTakeFirst();
      if (!exists)
        throw invalid(msg('noSuchStrategy'), [
          { field: 'strategyName', value: input.strategyName, reason: 'unknown' },
        ]);
      await tx
        .insertInto('customer_strategy')
        .values({
          customer_id: input.customerId,
          strategy_name: input.strategyName,
          reason: input.reason ?? null,
          created_by: actor.userId,
        })
        .execute();
    }
    await markCustomerChanged(tx, input.customerId);
  });
  return { customerId: input.customerId, strategyName: input.strategyName, reason: input.reason ?? null };
}
