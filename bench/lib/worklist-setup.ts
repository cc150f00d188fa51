// What the collections-screen benchmarks share: a worked copy of the demo database (one full engine cycle
// run over it), the signed-in users (the demo's collectors and collection managers), each user's round of
// requests (worklist, case list, a case of it, its customer) with the use case behind each path, and the
// statements a use case sends (recorded in process, the raw SQL baseline).
import {
  type CompiledQuery,
  createQueryId,
  type KyselyPlugin,
  type QueryId,
  type RootOperationNode,
  sql,
} from 'kysely';
import pg from 'pg';
import { createUser } from '../../src/auth/create-user';
import { hashPassword } from '../../src/auth/secrets';
import { addGrants, findUserByUsername, updateUser } from '../../src/auth/user-queries';
import { getCase } from '../../src/collections/cases/get-case';
import { listCases } from '../../src/collections/cases/list-cases';
import { listTasks } from '../../src/collections/cases/list-tasks';
import { runEngine } from '../../src/collections/engine/run-engine';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { getCustomer } from '../../src/ledger/customers/get-customer';
import { type Actor, SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { migrate } from '../../src/platform/db/migrate';
import { type Db, openStore, type Store } from '../../src/platform/db/store';
import { inTransaction } from '../../src/platform/db/transaction';
import { BENCH_AS_OF } from './demo-data';
import { type DemoSize, demoDatabase } from './demo-db';
import { BENCH_ADMIN_URL, closeStore } from './scratch-db';

export const PASSWORD = 'Bench-worklist-2026!';

export type Kind = 'worklist' | 'case list' | 'case detail' | 'customer detail';
export const KINDS: Kind[] = ['worklist', 'case list', 'case detail', 'customer detail'];
/** The case list as the screen asks for it: its three sorts and the "due today" switch. */
const CASE_LISTS = [
  'sort=nextActionOn',
  'sort=-amount',
  'sort=-daysPastDue',
  `sort=nextActionOn&dueBy=${BENCH_AS_OF}`,
];

export interface Step {
  kind: Kind;
  path: string;
  /** The use case behind the path, for recording its statements (the baseline). */
  run: (db: Db, actor: Actor, today: string) => Promise<unknown>;
}

export interface BenchUser {
  username: string;
  userId: number;
  role: 'collector' | 'collection_manager';
  steps: Step[];
}

export async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function urlOf(name: string): string {
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A private copy of the demo database, migrated and worked by one full engine cycle. */
export async function workedCopy(
  size: DemoSize,
  options: { name?: string; template?: string; oldIndexes?: boolean } = {},
): Promise<{ name: string; url: string; cycleSeconds: number }> {
  const template = options.template ?? (await demoDatabase(size)).name;
  const name = options.name ?? `huikuan_bench_worklist_${process.pid}`;
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name} template ${template}`);
  const url = urlOf(name);
  const store = await openStore({ databaseUrl: url, maxConnections: 4 });
  try {
    await migrate(store);
    await ensureDefaultStrategies(store.db);
    await store.db.updateTable('strategy').set({ active: true }).where('version', '=', 1).execute();
    process.stderr.write(`engine cycle as of ${BENCH_AS_OF}…\n`);
    const start = performance.now();
    await runEngine(store.db, { asOf: BENCH_AS_OF, kind: 'full', concurrency: 2 });
    const cycleSeconds = (performance.now() - start) / 1000;
    if (options.oldIndexes) {
      await sql`drop index collection_case_open_next_action, collection_case_open_amount, collection_case_open_dpd,
        task_open_due, task_open_assignee_due`.execute(store.db);
      await sql`create index collection_case_next on collection_case (next_action_on, id) where closed_on is null`.execute(
        store.db,
      );
      await sql`create index task_open_assignee on task (assignee_id, due_on) where status = 'open'`.execute(
        store.db,
      );
    }
    await sql`vacuum analyze`.execute(store.db);
    return { name, url, cycleSeconds };
  } finally {
    await closeStore(store);
  }
}

/** The sign-ins: the demo's collectors (their own portfolios) and, one user in five, a collection manager. */
export async function makeUsers(store: Store, count: number): Promise<Array<Omit<BenchUser, 'steps'>>> {
  const db = store.db;
  const passwordHash = await hashPassword(PASSWORD);
  const collectors = (
    await db
      .selectFrom('app_user')
      .select(['id', 'username'])
      .where('username', 'like', 'collector%')
      .orderBy('username')
      .execute()
  ).filter((u) => /^collector\d+$/.test(u.username));
  if (collectors.length === 0) throw new Error('the demo has no collectors');
  for (const c of collectors) {
    await inTransaction(db, SYSTEM_ACTOR, async (tx) => {
      await updateUser(tx, c.id, { passwordHash });
      await addGrants(tx, c.id, [{ role: 'collector', entityId: null }]);
    });
  }
  const users: Array<Omit<BenchUser, 'steps'>> = [];
  for (let k = 0; k < count; k++) {
    if (k % 5 === 4) {
      const username = `bench_manager${String(k).padStart(2, '0')}`;
      const existing = await findUserByUsername(db, username);
      const userId =
        existing?.id ??
        (
          await createUser(db, SYSTEM_ACTOR, {
            username,
            displayName: username,
            password: PASSWORD,
            roles: [{ role: 'collection_manager' }],
          })
        ).id;
      users.push({ username, userId, role: 'collection_manager' });
    } else {
      const c = collectors[k % collectors.length];
      users.push({ username: c.username, userId: c.id, role: 'collector' });
    }
  }
  return users;
}

/** Each user's round of requests: worklist, case list, a case of that list, its customer; 12 rounds. */
export async function stepsOf(db: Db, actor: Actor, today: string, seed: number): Promise<Step[]> {
  const steps: Step[] = [];
  for (let round = 0; round < 12; round++) {
    const query = CASE_LISTS[(seed + round) % CASE_LISTS.length];
    const params = Object.fromEntries(new URLSearchParams(query)) as { sort: string; dueBy?: string };
    const page = await listCases(db, actor, { ...params, limit: 50, today });
    const pick = page.items[(seed * 7 + round * 13) % Math.max(1, page.items.length)];
    steps.push({
      kind: 'worklist',
      path: '/api/collections/tasks?limit=50',
      run: (d, a) => listTasks(d, a, { limit: 50 }),
    });
    steps.push({
      kind: 'case list',
      path: `/api/collections/cases?limit=50&${query}`,
      run: (d, a, t) => listCases(d, a, { ...params, limit: 50, today: t }),
    });
    if (!pick) continue;
    steps.push({
      kind: 'case detail',
      path: `/api/collections/cases/${pick.id}`,
      run: (d, a, t) => getCase(d, a, { id: pick.id, today: t }),
    });
    steps.push({
      kind: 'customer detail',
      path: `/api/customers/${pick.customer.id}`,
      run: (d, a, t) => getCustomer(d, a, { id: pick.customer.id, today: t }),
    });
  }
  return steps;
}

/** The statements `fn` sends through `db`, compiled as sent (transaction-local settings left out). */
export async function recorded(db: Db, fn: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  // transformQuery also sees each subquery as it is built: keep the nodes of the queries whose results came
  // back (the statements sent), in the order they were sent.
  const nodes = new Map<QueryId, RootOperationNode>();
  const sent: RootOperationNode[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      nodes.set(args.queryId, args.node);
      return args.node;
    },
    transformResult: async (args) => {
      const node = nodes.get(args.queryId);
      if (node) sent.push(node);
      return args.result;
    },
  };
  await fn(db.withPlugin(plugin));
  return sent
    .map((node) => db.getExecutor().compileQuery(node, createQueryId()))
    .filter((q) => !/^\s*set local/i.test(q.sql));
}
