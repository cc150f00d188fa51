// What one request of each collections screen costs, in figures that other work on a shared machine does
// not change: the SQL statements it sends (counted at the driver, authentication and transaction control
// included), the CPU time of the Node process per request and that of its database backends. The same
// user rounds as the worklist benchmark (worklist, case list page, a case of it, its customer), answered by
// the server built as `huikuan serve` builds it, through fastify.inject with a session cookie, one request
// at a time. Baseline, in the same run: the statements the use case sends for the same request (recorded in
// process), sent one after another on one pg connection; its Node CPU is the driver's alone.
//
// Size: a worked copy of the demo database (one engine cycle) at BENCH_COST_CUSTOMERS / BENCH_COST_INVOICES
// (default 10,000 / 100,000; the issue's full size is 100,000 / 1,000,000), or BENCH_COST_DATABASE_URL (an
// already worked database, left as it is but for the benchmark's users and sessions). BENCH_COST_REPS
// requests of each kind (default 200) after BENCH_COST_WARMUP (default 20).
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { buildServer } from '../src/app/server';
import { authSettings, SESSION_COOKIE } from '../src/auth/auth-config';
import { actorOfUser } from '../src/auth/authenticate';
import { openSession } from '../src/auth/open-session';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor';
import { loadConfig } from '../src/platform/config';
import { openStore } from '../src/platform/db/store';
import { inTransaction } from '../src/platform/db/transaction';
import { createLogger } from '../src/platform/logger';
import { todayIn } from '../src/shared/dates';
import { backendCpu, cpuBetween, ownCpuSeconds, processCpuSeconds } from './lib/cpu';
import { describeMachine, machineInfo } from './lib/machine';
import { isMain, table, writeSection } from './lib/results';
import { BENCH_ADMIN_URL, closeStore, serverVersion } from './lib/scratch-db';
import { ms, percentiles } from './lib/timing';
import {
  admin,
  KINDS,
  type Kind,
  makeUsers,
  recorded,
  type Step,
  stepsOf,
  workedCopy,
} from './lib/worklist-setup';

const SIZE = {
  customers: Number(process.env.BENCH_COST_CUSTOMERS ?? 10_000),
  invoices: Number(process.env.BENCH_COST_INVOICES ?? 100_000),
};
const REPS = Number(process.env.BENCH_COST_REPS ?? 200);
const WARMUP = Number(process.env.BENCH_COST_WARMUP ?? 20);
const TIME_ZONE = process.env.HUIKUAN_TIME_ZONE ?? 'Asia/Shanghai';

// Every statement any pg client of this process sends, counted where it leaves for the server.
let statementsSent = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statementsSent += 1;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

interface Job {
  step: Step;
  cookie: string;
  statements: CompiledQuery[];
}

export interface CostRow {
  kind: Kind;
  apiStatements: number;
  apiCpuMs: number;
  apiDbCpuMs: number;
  apiP50: number;
  apiP99: number;
  sqlStatements: number;
  sqlCpuMs: number;
  sqlDbCpuMs: number;
  sqlP50: number;
  sqlP99: number;
}

function databaseOf(url: string): string {
  return new URL(url).pathname.slice(1);
}

export async function measureRequestCost(url: string): Promise<{ rows: CostRow[]; reps: number }> {
  const database = databaseOf(url);
  const store = await openStore({ databaseUrl: url, maxConnections: 10 });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  try {
    const today = todayIn(TIME_ZONE);
    // Four collectors of the demo's portfolios and a collection manager who sees every customer.
    const signIns = await makeUsers(store, 5);
    const jobs = new Map<Kind, Job[]>(KINDS.map((k) => [k, []]));
    for (const [u, user] of signIns.entries()) {
      const actor = await actorOfUser(store.db, user.userId);
      const session = await inTransaction(store.db, SYSTEM_ACTOR, (tx) =>
        openSession(tx, authSettings(), { userId: user.userId, ip: '127.0.0.1', userAgent: 'bench' }),
      );
      const cookie = `${SESSION_COOKIE}=${session.sessionToken}`;
      for (const step of await stepsOf(store.db, actor, today, u)) {
        const statements = await recorded(store.db, (d) => step.run(d, actor, today));
        jobs.get(step.kind)?.push({ step, cookie, statements });
      }
    }
    const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' };
    const server = await buildServer({ config, store, logger: createLogger('silent') });
    await server.ready();
    const { rows: pidRows } = await raw.query<{ pid: number }>('select pg_backend_pid() as pid');
    const rawPid = pidRows[0].pid;
    const rows: CostRow[] = [];
    try {
      for (const kind of KINDS) {
        const list = jobs.get(kind) ?? [];
        if (list.length === 0) continue;
        const apiOnce = async (k: number) => {
          const job = list[k % list.length];
          const start = performance.now();
          const response = await server.inject({
            method: 'GET',
            url: job.step.path,
            headers: { cookie: job.cookie },
          });
          if (response.statusCode !== 200) {
            throw new Error(`${job.step.path}: HTTP ${response.statusCode} ${response.body.slice(0, 200)}`);
          }
          return performance.now() - start;
        };
        const sqlOnce = async (k: number) => {
          const job = list[k % list.length];
          const start = performance.now();
          for (const q of job.statements) await raw.query(q.sql, [...q.parameters] as unknown[]);
          return performance.now() - start;
        };
        for (let k = 0; k < WARMUP; k++) await apiOnce(k);
        let db0 = await backendCpu(BENCH_ADMIN_URL, database);
        let count0 = statementsSent;
        let cpu0 = ownCpuSeconds();
        const apiTimes: number[] = [];
        for (let k = 0; k < REPS; k++) apiTimes.push(await apiOnce(k));
        const apiCpu = ownCpuSeconds() - cpu0;
        const apiCount = statementsSent - count0;
        const db1 = await backendCpu(BENCH_ADMIN_URL, database);
        db1.delete(rawPid);
        db0.delete(rawPid);
        const apiDb = cpuBetween(db0, db1);

        for (let k = 0; k < WARMUP; k++) await sqlOnce(k);
        const rawCpu0 = processCpuSeconds(rawPid);
        count0 = statementsSent;
        cpu0 = ownCpuSeconds();
        const sqlTimes: number[] = [];
        for (let k = 0; k < REPS; k++) sqlTimes.push(await sqlOnce(k));
        const sqlCpu = ownCpuSeconds() - cpu0;
        const sqlCount = statementsSent - count0;
        const sqlDb = processCpuSeconds(rawPid) - rawCpu0;
        db0 = new Map();
        const api = percentiles(apiTimes);
        const rawP = percentiles(sqlTimes);
        rows.push({
          kind,
          apiStatements: apiCount / REPS,
          apiCpuMs: (apiCpu * 1000) / REPS,
          apiDbCpuMs: (apiDb * 1000) / REPS,
          apiP50: api.p50,
          apiP99: api.p99,
          sqlStatements: sqlCount / REPS,
          sqlCpuMs: (sqlCpu * 1000) / REPS,
          sqlDbCpuMs: (sqlDb * 1000) / REPS,
          sqlP50: rawP.p50,
          sqlP99: rawP.p99,
        });
        process.stderr.write(`  ${kind}: ${JSON.stringify(rows.at(-1))}\n`);
      }
    } finally {
      await server.close();
    }
    return { rows, reps: REPS };
  } finally {
    await raw.end();
    await closeStore(store);
  }
}

export function costTable(rows: CostRow[]): string {
  const f1 = (v: number) => v.toFixed(1);
  return table(
    [
      'request',
      'API statements',
      'API Node CPU ms',
      'API DB CPU ms',
      'API p50 ms',
      'API p99 ms',
      'SQL statements',
      'SQL Node CPU ms',
      'SQL DB CPU ms',
      'SQL p50 ms',
      'SQL p99 ms',
    ],
    rows.map((r) => [
      r.kind,
      f1(r.apiStatements),
      f1(r.apiCpuMs),
      f1(r.apiDbCpuMs),
      ms(r.apiP50),
      ms(r.apiP99),
      f1(r.sqlStatements),
      f1(r.sqlCpuMs),
      f1(r.sqlDbCpuMs),
      ms(r.sqlP50),
      ms(r.sqlP99),
    ]),
  );
}

export async function runRequestCostBench(): Promise<void> {
  const machine = machineInfo(await serverVersion());
  const given = process.env.BENCH_COST_DATABASE_URL;
  const copy = given ? null : await workedCopy(SIZE, { name: `huikuan_bench_cost_${process.pid}` });
  const url = given ?? copy?.url ?? '';
  let result: Awaited<ReturnType<typeof measureRequestCost>>;
  try {
    result = await measureRequestCost(url);
  } finally {
    if (copy && !process.env.BENCH_COST_KEEP) {
      await admin(`drop database if exists ${copy.name} with (force)`).catch(() => undefined);
    }
  }
  const text = `## request-cost — statements and CPU per request of the collections screens

${describeMachine(machine)}

PostgreSQL, ${given ? `the worked database ${databaseOf(given)}` : `${SIZE.invoices.toLocaleString('en')} invoices / ${SIZE.customers.toLocaleString('en')} customers, after one engine cycle`}.
${result.reps} requests of each kind after ${WARMUP} of warm-up, one at a time, by four collectors and a collection
manager signed in with a session cookie (the worklist benchmark's rounds), through fastify.inject into the server
\`huikuan serve\` builds. Statements are counted at the pg driver (authentication, \`begin\`/\`commit\` and
settings included); Node CPU is this process's user + system time per request (routing, authentication, JSON,
the driver); DB CPU that of the database backends. Baseline (SQL): the statements the use case sends for the
same request, recorded in process and sent one after another on one connection. CPU figures are what other work
on a shared machine inflates least; wall times (p50/p99, one request at a time) are given for reference.

${costTable(result.rows)}
`;
  writeSection('request-cost', text);
  process.stdout.write(`${text}\n`);
}

if (isMain(import.meta.url)) {
  runRequestCostBench().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
