// Use case: load the demo data set into an empty store in ONE transaction on a pinned connection, with
// COPY straight into the final tables. Ids are assigned by the generator (the tables are checked empty
// under lock; identity sequences are moved past them at the end); allocations go in by COPY too and the
// statement-level triggers on `allocation` keep the documents' allocated amounts, set-based.
import type { Actor } from '../platform/auth/actor';
import { inPinnedTransaction, type Store } from '../platform/db/store';
import { setTransactionActor } from '../platform/db/transaction';
import { AppError, invalid, msg } from '../platform/errors';
import { addDays, isValidIsoDate } from '../shared/dates';
import { COLUMNS, type DemoOptions, type DemoTable, GenContext, TABLES } from './context';
import { WARM_UP_DAYS } from './customers';
import { generateDemo } from './generate';
import { demoExchangeRates } from './rates';
import { ensureEntities, ensureStaff } from './reference-data';

export interface DemoProgress {
  customersDone: number;
  invoicesDone: number;
  customers: number;
  invoices: number;
}

export interface DemoSummary {
  seed: number;
  asOf: string;
  months: number;
  rows: Record<DemoTable | 'exchange_rate' | 'app_user', number>;
  seconds: number;
}

export function validateDemoOptions(input: Partial<DemoOptions> & { asOf: string }): DemoOptions {
  const problems: { field: string; value: string; reason: string }[] = [];
  const int = (field: keyof DemoOptions, value: unknown, min: number, max: number) => {
    if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max)
      problems.push({ field, value: String(value), reason: `must be a whole number from ${min} to ${max}` });
  };
  const options: DemoOptions = {
    customers: input.customers ?? 300,
    invoices: input.invoices ?? 12_000,
    seed: input.seed ?? 2024,
    months: input.months ?? 24,
    asOf: input.asOf,
  };
  int('customers', options.customers, 1, 10_000_000);
  int('invoices', options.invoices, 0, 100_000_000);
  int('seed', options.seed, 0, 2 ** 32 - 1);
  int('months', options.months, 3, 120);
  if (!isValidIsoDate(options.asOf))
    problems.push({ field: 'asOf', value: options.asOf, reason: 'must be YYYY-MM-DD' });
  if (problems.length) throw invalid(msg('demoOptionsInvalid'), problems);
  return options;
}

/** Joins COPY lines into chunks of about 1 MiB, so COPY gets few large writes. */
function* chunks(lines: string[]): Generator<string> {
  for (let i = 0; i < lines.length; ) {
    let size = 0;
    const start = i;
    while (i < lines.length && size < 1 << 20) size += lines[i++].length;
    yield lines.slice(start, i).join('');
  }
}

export async function loadDemo(
  store: Store,
  actor: Actor,
  input: Partial<DemoOptions> & { asOf: string },
  onProgress?: (progress: DemoProgress) => void,
): Promise<DemoSummary> {
  const options = validateDemoOptions(input);
  const started = performance.now();
  const rows = Object.fromEntries(
    [...TABLES, 'exchange_rate', 'app_user'].map((t) => [t, 0]),
  ) as DemoSummary['rows'];
  await inPinnedTransaction(store, async ({ raw, db }) => {
    await setTransactionActor(db, actor);
    // Nobody adds customers while we load; ids below are only safe because the tables are empty.
    await raw.exec('lock table customer in exclusive mode');
    const { rows: existing } = await raw.query<{ n: number }>('select count(*)::int as n from customer');
    if (existing[0].n > 0) {
      throw new AppError('CONFLICT', msg('demoStoreNotEmpty', { count: String(existing[0].n) }));
    }
    const entities = await ensureEntities(db);
    const staff = await ensureStaff(db, options.seed, options.customers);
    rows.app_user = staff.salespeople.length + staff.collectors.length;
    const startIds = {} as Record<DemoTable, number>;
    for (const table of TABLES) {
      const { rows: max } = await raw.query<{ id: number }>(
        `select coalesce(max(id), 0)::int as id from ${table}`,
      );
      startIds[table] = max[0].id;
    }
    // The audit log records each bulk COPY as one summary entry (row count + digest), not a row per line.
    await raw.query(`select set_config('huikuan.audit_row_limit', '0', true)`);
    const ctx = new GenContext(options, entities, staff, startIds);
    let analyzedAt = 0;
    for (const batch of generateDemo(ctx)) {
      for (const table of TABLES) {
        const lines = batch.rows[table];
        if (lines.length === 0) continue;
        if (table === 'allocation' && rows.invoice >= 2 * analyzedAt) {
          // The triggers on `allocation` join the documents by id; tables filled in this transaction have
          // no statistics, so the planner misjudges them. Re-analyse whenever they have doubled.
          await raw.exec('analyze invoice, payment, credit_note');
          analyzedAt = rows.invoice;
        }
        // Each batch's allocations go in as one COPY: the statement-level triggers update the documents'
        // allocated amounts (and the analytics deltas) set-based, once per batch.
        await raw.copyFrom(`copy ${table} (${COLUMNS[table]}) from stdin`, chunks(lines));
        rows[table] += lines.length;
      }
      onProgress?.({ ...batch, customers: options.customers, invoices: options.invoices });
    }
    const rates = demoExchangeRates(
      options.seed,
      addDays(ctx.iso(ctx.startDay), -62 - WARM_UP_DAYS).slice(0, 7),
      options.asOf.slice(0, 7),
    );
    await db
      .insertInto('exchange_rate')
      .values(rates)
      .onConflict((oc) => oc.columns(['from_currency', 'to_currency', 'rate_date']).doNothing())
      .execute();
    rows.exchange_rate = rates.length;
    for (const table of TABLES) {
      // Identity sequences continue after the ids we assigned.
      await raw.query(
        `select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select max(id) from ${table}), 1),
                (select max(id) from ${table}) is not null)`,
      );
    }
  });
  // Fresh statistics, so that the first lists and reports get good plans.
  await store.withConnection(({ raw }) => raw.exec(`analyze ${TABLES.join(', ')}`));
  return {
    seed: options.seed,
    asOf: options.asOf,
    months: options.months,
    rows,
    seconds: (performance.now() - started) / 1000,
  };
}
