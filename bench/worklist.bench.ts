// Concurrent users on the collections screens: N signed-in users (default 50: collectors of the demo's
// portfolios and a collection manager in every five) each request in turn the task worklist, a page of the
// case list (the screen's sorts and "due today"), a case from it and that case's customer, with a think time
// (default 1 s) after each answer, through the real HTTP API of `huikuan serve` in a process of its own
// (loopback, sign-in with a password, session cookie). Reported per request: throughput, p50/p95/p99.
// Baseline, in the same run: the same statements the use cases send for those requests (recorded in
// process), sent straight to PostgreSQL by the same number of users with the same think time, on a pool as
// large as the server's. Goal: p99 < 50 ms at 50 users.
//
// Size: the demo data set at BENCH_WORKLIST_CUSTOMERS / BENCH_WORKLIST_INVOICES (default 10,000 / 100,000,
// a run of a few minutes; the issue's full size is 100,000 / 1,000,000, whose demo load alone takes minutes),
// copied, migrated and worked by one full engine cycle as of the demo date (every case opened, tasks and
// messages made). BENCH_WORKLIST_TEMPLATE names an already loaded demo database to
// copy instead. BENCH_WORKLIST_USERS, BENCH_WORKLIST_SECONDS (measured, after BENCH_WORKLIST_WARMUP
// seconds), BENCH_WORKLIST_THINK_MS. BENCH_WORKLIST_OLD_INDEXES=1 puts back the indexes before migration 0024
// (to measure what it changed).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledQuery } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import { actorOfUser } from '../src/auth/authenticate';
import { openStore } from '../src/platform/db/store';
import { todayIn } from '../src/shared/dates';
import { backendCpu, cpuBetween, processCpuSeconds } from './lib/cpu';
import { describeMachine, machineInfo } from './lib/machine';
import { isMain, table, writeSection } from './lib/results';
import { BENCH_ADMIN_URL, closeStore, serverVersion } from './lib/scratch-db';
import { ms, type Percentiles, percentiles } from './lib/timing';
import {
  admin,
  type BenchUser,
  KINDS,
  type Kind,
  makeUsers,
  PASSWORD,
  recorded,
  type Step,
  stepsOf,
  workedCopy,
} from './lib/worklist-setup';

const SIZE = {
  customers: Number(process.env.BENCH_WORKLIST_CUSTOMERS ?? 10_000),
  invoices: Number(process.env.BENCH_WORKLIST_INVOICES ?? 100_000),
};
const USERS = Number(process.env.BENCH_WORKLIST_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_WORKLIST_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.BENCH_WORKLIST_WARMUP ?? 10);
const THINK_MS = Number(process.env.BENCH_WORKLIST_THINK_MS ?? 1000);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TIME_ZONE = process.env.HUIKUAN_TIME_ZONE ?? 'Asia/Shanghai';

interface Sample {
  kind: Kind;
  ms: number;
  /** Seconds since the measured window began. */
  at: number;
  status: number;
}

interface LoadResult {
  samples: Sample[];
  seconds: number;
  errors: string[];
}

/**
 * USERS loops for WARMUP + SECONDS: each does its next step, thinks, and so on; only the answers of the
 * measured window are kept. `act` does one step and returns its status.
 */
async function load(
  users: BenchUser[],
  act: (user: number, step: Step) => Promise<number>,
): Promise<LoadResult> {
  const samples: Sample[] = [];
  const errors: string[] = [];
  const begin = performance.now();
  const measureFrom = begin + WARMUP_SECONDS * 1000;
  const end = measureFrom + SECONDS * 1000;
  const sleep = (msToWait: number) => new Promise((done) => setTimeout(done, msToWait));
  await Promise.all(
    users.map(async (user, u) => {
      // Users start spread over one think time, as people do, not all in the same millisecond.
      await sleep((THINK_MS * u) / users.length);
      for (let k = 0; performance.now() < end; k++) {
        const step = user.steps[k % user.steps.length];
        const start = performance.now();
        let status = 0;
        try {
          status = await act(u, step);
        } catch (error) {
          errors.push(`${step.path}: ${(error as Error).message}`);
        }
        const done = performance.now();
        if (start >= measureFrom && done <= end) {
          samples.push({ kind: step.kind, ms: done - start, at: (start - measureFrom) / 1000, status });
        }
        await sleep(THINK_MS);
      }
    }),
  );
  return { samples, seconds: SECONDS, errors };
}

interface ServerProcess {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** `huikuan serve` on the worked copy, in a process of its own, on a free loopback port. */
function startServer(url: string): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        HUIKUAN_WORKER: 'off', // no job may run during the measurement
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /web app:\s+(http:\/\/[^/\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve({
          baseUrl: match[1],
          pid: child.pid ?? 0,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  for (;;) {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (response.status === 429) {
      await new Promise((done) => setTimeout(done, 1000 * Number(response.headers.get('retry-after') ?? 5)));
      continue;
    }
    if (response.status !== 200) throw new Error(`sign-in of ${username}: HTTP ${response.status}`);
    await response.arrayBuffer();
    const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
    return cookies.join('; ');
  }
}

interface Row {
  kind: string;
  n: number;
  throughput: number;
  api: Percentiles;
  sql: Percentiles;
  apiNon200: number;
}

function summarise(api: LoadResult, raw: LoadResult): Row[] {
  const rows: Row[] = [];
  for (const kind of [...KINDS, 'all' as const]) {
    const a = api.samples.filter((s) => kind === 'all' || s.kind === kind);
    const r = raw.samples.filter((s) => kind === 'all' || s.kind === kind);
    const ok = a.filter((s) => s.status === 200);
    if (ok.length === 0 || r.length === 0) continue;
    rows.push({
      kind,
      n: ok.length,
      throughput: ok.length / api.seconds,
      api: percentiles(ok.map((s) => s.ms)),
      sql: percentiles(r.map((s) => s.ms)),
      apiNon200: a.length - ok.length,
    });
  }
  return rows;
}

export async function runWorklistBench(): Promise<void> {
  const version = await serverVersion();
  const machine = machineInfo(version);
  const copy = await workedCopy(SIZE, {
    template: process.env.BENCH_WORKLIST_TEMPLATE,
    oldIndexes: Boolean(process.env.BENCH_WORKLIST_OLD_INDEXES),
  });
  process.stderr.write(`worked copy ${copy.name} ready (engine cycle ${copy.cycleSeconds.toFixed(1)} s)\n`);
  const store = await openStore({ databaseUrl: copy.url, maxConnections: 10 });
  let api: LoadResult | null = null;
  let raw: LoadResult | null = null;
  let counts: { cases: number; tasks: number };
  const cpu = { server: 0, db: 0, rawDb: 0 };
  try {
    const today = todayIn(TIME_ZONE);
    const signIns = await makeUsers(store, USERS);
    const users: BenchUser[] = [];
    for (const [u, s] of signIns.entries()) {
      const actor = await actorOfUser(store.db, s.userId);
      users.push({ ...s, steps: await stepsOf(store.db, actor, today, u) });
    }
    const c = (
      await sql<{ cases: number; tasks: number }>`select
        (select count(*) from collection_case where closed_on is null)::int as cases,
        (select count(*) from task where status = 'open')::int as tasks`.execute(store.db)
    ).rows[0];
    counts = c;
    // The baseline's statements, recorded once per user and step.
    const statements: CompiledQuery[][][] = [];
    for (const user of users) {
      const actor = await actorOfUser(store.db, user.userId);
      const list: CompiledQuery[][] = [];
      for (const step of user.steps) list.push(await recorded(store.db, (d) => step.run(d, actor, today)));
      statements.push(list);
    }

    // 1. Through the API.
    const server = await startServer(copy.url);
    try {
      const cookies: string[] = [];
      for (const user of users) cookies.push(await signIn(server.baseUrl, user.username));
      process.stderr.write(`${users.length} users signed in; API for ${WARMUP_SECONDS} + ${SECONDS} s…\n`);
      const serverCpu0 = processCpuSeconds(server.pid);
      const db0 = await backendCpu(BENCH_ADMIN_URL, copy.name);
      api = await load(users, async (u, step) => {
        const response = await fetch(server.baseUrl + step.path, { headers: { cookie: cookies[u] } });
        await response.arrayBuffer();
        return response.status;
      });
      cpu.server = processCpuSeconds(server.pid) - serverCpu0;
      cpu.db = cpuBetween(db0, await backendCpu(BENCH_ADMIN_URL, copy.name));
    } finally {
      await server.stop();
    }

    // 2. The same statements straight to PostgreSQL, same users, think time and pool size.
    const pool = new pg.Pool({ connectionString: copy.url, max: 10 });
    try {
      process.stderr.write(`raw SQL for ${WARMUP_SECONDS} + ${SECONDS} s…\n`);
      await Promise.all(Array.from({ length: 10 }, () => pool.query('select 1')));
      const db0 = await backendCpu(BENCH_ADMIN_URL, copy.name);
      raw = await load(users, async (u, step) => {
        const list = statements[u][users[u].steps.indexOf(step)];
        const client = await pool.connect();
        try {
          for (const q of list) await client.query(q.sql, [...q.parameters] as unknown[]);
        } finally {
          client.release();
        }
        return 200;
      });
      cpu.rawDb = cpuBetween(db0, await backendCpu(BENCH_ADMIN_URL, copy.name));
    } finally {
      await pool.end();
    }
  } finally {
    await closeStore(store);
    await new Promise((done) => setTimeout(done, 1000));
    if (!process.env.BENCH_WORKLIST_KEEP) {
      await admin(`drop database if exists ${copy.name} with (force)`).catch((error) =>
        process.stderr.write(`could not drop ${copy.name}: ${(error as Error).message}\n`),
      );
    }
  }
  if (!api || !raw) throw new Error('no result');
  for (const e of [...api.errors, ...raw.errors].slice(0, 10)) process.stderr.write(`  error: ${e}\n`);
  const rows = summarise(api, raw);
  const managers = Math.floor((USERS + 1) / 5);
  const text = `## worklist — ${USERS} concurrent users on the collections screens

${describeMachine(machine)}

${SIZE.invoices >= 1_000_000 ? 'At the full size of the issue.' : '**Run at a reduced size** (the default): the full size of the issue is 1,000,000 invoices / 100,000 customers\n(`BENCH_WORKLIST_INVOICES=1000000 BENCH_WORKLIST_CUSTOMERS=100000`).'} The machine is shared (2 cores,
other work running, see the load average): figures are noisy, compare them with the baseline of the same run.

### PostgreSQL${process.env.BENCH_WORKLIST_OLD_INDEXES ? ' (indexes before migration 0024)' : ''}, ${SIZE.invoices.toLocaleString('en')} invoices / ${SIZE.customers.toLocaleString('en')} customers, after one engine cycle (${counts!.cases.toLocaleString('en')} open cases, ${counts!.tasks.toLocaleString('en')} open tasks)

${USERS} users signed in with a password (${USERS - managers} collectors of the demo's portfolios, ${managers}
collection managers seeing every customer), each requesting in turn the task worklist, a case list page (next
action, amount, days past due, due today), a case of that page and its customer, with ${THINK_MS} ms of think time
after each answer; ${SECONDS} s measured after ${WARMUP_SECONDS} s of warm-up. Server: \`huikuan serve\` in a
process of its own (pool of 10 connections, job worker off), fetch with keep-alive on loopback. Baseline: the
statements the use cases send for the same requests (recorded in process), sent by the same users with the
same think time straight to PostgreSQL on a pool of 10. CPU during the measured window: server process
${cpu.server.toFixed(1)} s (${((cpu.server * 1000) / Math.max(1, api.samples.length)).toFixed(1)} ms per answer), its database backends ${cpu.db.toFixed(1)} s; raw SQL
backends ${cpu.rawDb.toFixed(1)} s. CPU time is what the other work on the machine does not inflate.

${table(
  [
    'request',
    'answers',
    'per s',
    'API p50 ms',
    'API p95 ms',
    'API p99 ms',
    'SQL p50 ms',
    'SQL p99 ms',
    'p50 ratio',
    'p99 < 50 ms',
    'not 200',
  ],
  rows.map((r) => [
    r.kind,
    r.n,
    r.throughput.toFixed(1),
    ms(r.api.p50),
    ms(r.api.p95),
    ms(r.api.p99),
    ms(r.sql.p50),
    ms(r.sql.p99),
    `${(r.api.p50 / r.sql.p50).toFixed(1)}×`,
    r.api.p99 < 50 ? 'yes' : '**no**',
    r.apiNon200,
  ]),
)}
`;
  writeSection(process.env.BENCH_WORKLIST_OLD_INDEXES ? 'worklist-old-indexes' : 'worklist', text);
  process.stdout.write(`${text}\n`);
}

if (isMain(import.meta.url)) {
  runWorklistBench().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
