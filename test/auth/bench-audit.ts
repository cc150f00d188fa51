// Audit-trigger overhead on bulk loads: inserts N invoices (default 100,000) by COPY and by one INSERT … SELECT,
// with auditing off, with one entry per row, and with the bulk summary entry, then allocates a payment to every
// invoice (which updates them all through the allocation trigger). Run on both stores:
//   npx tsx test/auth/bench-audit.ts [rows] [pglite|postgres] [off|per-row|summary]
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { inPinnedTransaction, type PinnedConnection } from '../../src/platform/db/store';
import { setTransactionActor } from '../../src/platform/db/transaction';
import { createTestStore, type StoreKind } from '../support/stores';

const rows = Number(process.argv[2] ?? 100_000);
type Mode = 'off' | 'per-row' | 'summary';
const kinds = (process.argv[3]?.split(',') ?? ['pglite', 'postgres']) as StoreKind[];
const modes = (process.argv[4]?.split(',') ?? ['off', 'per-row', 'summary']) as Mode[];

function* csvRows(entityId: number, customerIds: number[], prefix: string) {
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${entityId},${customerIds[i % customerIds.length]},${prefix}-${i},2026-01-06,2026-02-05,CNY,${1000 + i}\n`;
    if (i % 5000 === 4999) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function run(kind: StoreKind, mode: Mode) {
  const test = await createTestStore(kind);
  const { store } = test;
  try {
    const entity = await sql<{ id: number }>`
      insert into entity (code, name, base_currency) values ('B', 'bench', 'CNY') returning id`.execute(
      store.db,
    );
    const entityId = entity.rows[0].id;
    const customers = await sql<{ id: number }>`
      insert into customer (code, name) select 'C' || g, '客户' || g from generate_series(1, 1000) g returning id`.execute(
      store.db,
    );
    const customerIds = customers.rows.map((r) => r.id);
    if (mode === 'off')
      await sql`select audit_disable('invoice'), audit_disable('payment'), audit_disable('allocation')`.execute(
        store.db,
      );
    const limit = mode === 'summary' ? '0' : String(rows * 10);
    const timed = async (label: string, fn: (conn: PinnedConnection) => Promise<unknown>) => {
      const started = performance.now();
      await inPinnedTransaction(store, async (conn) => {
        await setTransactionActor(conn.db, SYSTEM_ACTOR);
        await conn.raw.query(`select set_config('huikuan.audit_row_limit', $1, true)`, [limit]);
        await fn(conn);
      });
      return { label, ms: Math.round(performance.now() - started) };
    };
    const results = [];
    results.push(
      await timed('COPY invoices', ({ raw }) =>
        raw.copyFrom(
          'COPY invoice (entity_id, customer_id, number, issue_date, due_date, currency, amount) FROM STDIN WITH (FORMAT csv)',
          csvRows(entityId, customerIds, 'COPY'),
        ),
      ),
    );
    results.push(
      await timed('INSERT…SELECT invoices', ({ db }) =>
        sql`insert into invoice (entity_id, customer_id, number, issue_date, due_date, currency, amount)
            select ${entityId}, ${customerIds[0]} + (g % 1000), 'SEL-' || g, date '2026-01-06', date '2026-02-05', 'CNY', 1000 + g
            from generate_series(1, ${rows}) g`.execute(db),
      ),
    );
    results.push(
      await timed('allocate 1 payment to every COPY invoice (UPDATE of N invoices)', async ({ db }) => {
        const payment = await sql<{ id: number }>`
          insert into payment (entity_id, customer_id, reference, received_date, currency, amount)
          values (${entityId}, ${customerIds[0]}, 'P', '2026-02-01', 'CNY', 1000000000000) returning id`.execute(
          db,
        );
        await sql`insert into allocation (invoice_id, payment_id, amount, effective_on, method)
                  select id, ${payment.rows[0].id}, 1, '2026-02-01', 'manual' from invoice where number like 'COPY-%'`.execute(
          db,
        );
      }),
    );
    const audit = await sql<{ n: number; bytes: string }>`
      select count(*)::int as n, pg_size_pretty(pg_total_relation_size('audit_log')) as bytes from audit_log`.execute(
      store.db,
    );
    return { kind, mode, results, auditEntries: audit.rows[0].n, auditSize: audit.rows[0].bytes };
  } finally {
    await test.dispose();
  }
}

for (const kind of kinds) {
  for (const mode of modes) {
    const outcome = await run(kind, mode);
    console.log(JSON.stringify(outcome));
  }
}
