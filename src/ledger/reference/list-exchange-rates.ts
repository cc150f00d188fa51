import type { Actor } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import type { ExchangeRate } from '../../shared/money';
import { FieldChecks } from './field-checks';
import { selectRates } from './rate-queries';

export interface ListRatesInput {
  from?: string;
  to?: string;
  date?: string;
  limit?: number;
}

/** Rates newest first; with `date`, only the rate in force on that date for each currency pair. */
export async function listExchangeRates(
  db: Db,
  actor: Actor,
  input: ListRatesInput = {},
): Promise<{ items: ExchangeRate[] }> {
  assertCan(actor, 'ledger:read');
  const checks = new FieldChecks();
  const from = input.from ? checks.currency('from', input.from) : undefined;
  const to = input.to ? checks.currency('to', input.to) : undefined;
  const date = input.date ? checks.date('date', input.date) : undefined;
  const limit = input.limit === undefined ? 1000 : checks.integer('limit', input.limit, 1, 10_000);
  checks.throwIfAny('exchange-rate filter');
  return { items: await selectRates(db, { from, to, date, limit }) };
}
