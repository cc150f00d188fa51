// Loss rates of the provision matrix for the dashboard. They come from the roll rates of the last months
// (a heavier query), change only with history, and are company statistics rather than customer data, so
// they are kept for a while per store, month-end, entity and settings.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { type Converter, type Fraction, fromDecimal } from '../shared/money';
import { addMonths, monthOf, monthStart } from './months';
import { selectRollCohorts } from './provision-queries';
import { provisionMatrix } from './provision-rules';
import type { AnalyticsSettings } from './settings-rules';

const TTL_MS = 10 * 60 * 1000;
const cache = new WeakMap<Db, Map<string, { at: number; rates: (Fraction | null)[] }>>();

export async function matrixLossRates(
  db: Db,
  actor: Actor,
  params: { asOf: string; entityId?: number; settings: AnalyticsSettings; converter: Converter },
): Promise<(Fraction | null)[]> {
  const { settings, asOf } = params;
  const m = settings.provisionMatrix;
  const windowStart = monthStart(addMonths(monthOf(asOf), -m.lookbackMonths + 1));
  const key = JSON.stringify([
    asOf,
    params.entityId ?? null,
    actor.entityIds,
    actor.customerScope,
    settings.dueBuckets,
    m,
  ]);
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const hit = perDb.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.rates;
  const perCurrency = await selectRollCohorts(db, actor, {
    asOf,
    windowStart,
    edges: settings.dueBuckets,
    filter: { entityId: params.entityId },
  });
  // A cohort in a currency without a rate is unknown (null), and so are the loss rates that depend on it.
  const cohorts = settings.dueBuckets.concat([0]).map((_, k) => ({
    entered: params.converter.sum(
      perCurrency.map((p) => ({ currency: p.currency, amount: p.cohorts[k].entered })),
    ),
    rolled: params.converter.sum(
      perCurrency.map((p) => ({ currency: p.currency, amount: p.cohorts[k].rolled })),
    ),
  }));
  const rates = provisionMatrix(
    cohorts,
    fromDecimal(m.finalBucketLossRate),
    fromDecimal(m.forwardLookingFactor),
  ).map((r) => r.lossRate);
  perDb.set(key, { at: Date.now(), rates });
  return rates;
}
