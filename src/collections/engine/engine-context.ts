// What one engine run reads once: active strategies, rules, the latest exchange rates and entity names.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/store';
import { invalid, msg } from '../../platform/errors';
import { addDays } from '../../shared/dates';
import type { RateMap } from '../../shared/money';
import { FALLBACK_STRATEGY } from '../strategy/default-strategies';
import { currentGeneration } from '../strategy/generation';
import type { StrategyRule } from '../strategy/select-strategy';
import { loadActiveStrategies, loadRules, loadStrategyByName } from '../strategy/strategy-queries';
import { reminderHorizon, type Strategy } from '../strategy/strategy-schema';

export interface EngineContext {
  asOf: string;
  horizonDate: string;
  strategies: Map<string, Strategy>;
  rules: StrategyRule[];
  rates: RateMap;
  entityNames: Map<number, string>;
  /** Simulator: every case follows this strategy, whatever the rules say. */
  forced: Strategy | null;
  fallback: string;
  /**
   * The strategy-set generation read before the strategies and rules (generation.ts): cases evaluated
   * under an older one are due again, and are stamped with this one. A change committed after this read
   * bumps past it, so the cases this run stamps are due once more for the next run.
   */
  generation: number;
}

/** Used for cases no active strategy applies to: stage and status are kept up to date, nothing fires. */
export const NO_STRATEGY: Strategy = {
  id: 0,
  version: 0,
  active: false,
  name: 'none',
  label: '—',
  locale: 'zh-CN',
  stages: { early: { fromDay: 1 }, strong: { fromDay: 31 } },
  settings: { catchUpDays: 3, promiseGraceDays: 2, installmentGraceDays: 2 },
  steps: [],
};

export async function loadRates(db: Db, asOf: string): Promise<Map<string, string>> {
  const rows = await sql<{ from_currency: string; to_currency: string; rate: string }>`
    select distinct on (from_currency, to_currency) from_currency, to_currency, rate::text as rate
    from exchange_rate where rate_date <= ${asOf}::date
    order by from_currency, to_currency, rate_date desc`.execute(db);
  return new Map(rows.rows.map((r) => [`${r.from_currency}>${r.to_currency}`, r.rate]));
}

export async function loadEngineContext(
  db: Db,
  asOf: string,
  forceStrategy?: string,
): Promise<EngineContext> {
  const generation = await currentGeneration(db);
  let forced: Strategy | null = null;
  let strategies: Strategy[];
  if (forceStrategy) {
    forced = await loadStrategyByName(db, forceStrategy);
    if (!forced) throw invalid(msg('noStrategyNamed', { name: forceStrategy }));
    strategies = [forced];
  } else {
    strategies = await loadActiveStrategies(db);
  }
  const [rules, rates, entities] = await Promise.all([
    loadRules(db),
    loadRates(db, asOf),
    db.selectFrom('entity').select(['id', 'name']).execute(),
  ]);
  return {
    asOf,
    horizonDate: addDays(asOf, reminderHorizon(strategies)),
    strategies: new Map(strategies.map((s) => [s.name, s])),
    rules,
    rates,
    entityNames: new Map(entities.map((e) => [e.id, e.name])),
    forced,
    fallback: FALLBACK_STRATEGY,
    generation,
  };
}
