// On PostgreSQL the owner runs the migrations (HUIKUAN_MIGRATE_DATABASE_URL) and the server connects as
// huikuan_app (0030_audit_app_role.sql): it appends audit entries only through functions that run as the
// owner and can neither change nor remove them, nor switch the triggers off. PGlite has one user: there the
// head recorded outside the database (audit-head.test.ts) is the defence.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent, lockAuditChain } from '../../src/auth/audit-queries';
import { verifyAudit } from '../../src/auth/verify-audit';
import { ownsTable } from '../../src/ledger/import/bulk-load-queries';
import { type AppContext, openApp } from '../../src/platform/app';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { loadConfig } from '../../src/platform/config';
import { migrate } from '../../src/platform/db/migrate';
import { openStore, type Store } from '../../src/platform/db/store';
import { inTransaction } from '../../src/platform/db/transaction';
import { ADMIN_URL } from '../support/stores';
import { authTestServer, login, userWithPassword } from './helpers';

const onPostgres = (process.env.HUIKUAN_TEST_STORES ?? 'pglite,postgres').split(',').includes('postgres');

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

function urlFor(database: string, user?: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}

describe.skipIf(!onPostgres)('the application role cannot rewrite the audit chain [postgres]', () => {
  const database = `huikuan_t_role_${process.pid}_${randomBytes(4).toString('hex')}`;
  let app: AppContext;
  let owner: Store;

  beforeAll(async () => {
    await adminQuery(`create database ${database}`);
    // The role belongs to the cluster: the first migration anywhere creates it (NOLOGIN); signing in as it
    // is the administrator's step (README), done here on the trust-configured test server.
    await adminQuery(`do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'huikuan_app') then create role huikuan_app; end if;
      exception when duplicate_object or unique_violation then null; end $$`);
    await adminQuery('alter role huikuan_app login');
    // The server as it starts in production: migrations over the owner URL, then the app role's pool.
    const config = {
      ...loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: urlFor(database, 'huikuan_app'),
        HUIKUAN_MIGRATE_DATABASE_URL: urlFor(database),
      }),
      logLevel: 'silent',
    };
    app = await openApp(config);
    owner = await openStore({ databaseUrl: urlFor(database), maxConnections: 2 });
  });

  afterAll(async () => {
    await app?.store.close();
    await owner?.close();
    await adminQuery(`drop database if exists ${database} with (force)`);
  });

  it('connects as huikuan_app, which owns nothing and is no superuser', async () => {
    const { rows } = await sql<{ who: string; superuser: boolean; owned: number }>`
      select current_user as who, (select rolsuper from pg_roles where rolname = current_user) as superuser,
             (select count(*)::int from pg_class where relowner = (select oid from pg_roles where rolname = current_user)
                and relnamespace = 'public'::regnamespace) as owned`.execute(app.store.db);
    expect(rows[0]).toEqual({ who: 'huikuan_app', superuser: false, owned: 0 });
    // Nothing left to apply, and the app role may run the check at start without creating anything.
    expect((await migrate(app.store)).applied).toEqual([]);
  });

  it('records its changes and events through the owner’s functions', async () => {
    const db = app.store.db;
    const before = await verifyAudit(db, SYSTEM_ACTOR);
    await inTransaction(db, SYSTEM_ACTOR, async (tx) => {
      await lockAuditChain(tx);
      await sql`insert into entity (code, name, base_currency) values ('ROLE-1', 'Role one', 'CNY')`.execute(
        tx,
      );
      await appendAuditEvent(tx, 'audit_log', 'EXPORT', null, { format: 'csv' });
    });
    // The server's own path: a sign-in is an audit event, a user is an audited row.
    await userWithPassword(app.store, 'role_admin', [{ role: 'admin' }]);
    const server = await authTestServer(app.store);
    try {
      expect((await login(server, 'role_admin')).statusCode).toBe(200);
    } finally {
      await server.close();
    }
    const after = await verifyAudit(db, SYSTEM_ACTOR);
    expect(after.ok).toBe(true);
    expect(after.lastId).toBeGreaterThanOrEqual(before.lastId + 4);
    const { rows } = await sql<{ op: string; actor_name: string }>`
      select op, actor_name from audit_log where id > ${before.lastId} order by id`.execute(db);
    expect(rows.map((row) => row.op)).toEqual(expect.arrayContaining(['INSERT', 'EXPORT', 'LOGIN']));
  });

  it.each([
    ['change an entry', `update audit_log set actor_name = 'mallory' where id = 1`],
    ['delete an entry', 'delete from audit_log where id = 1'],
    ['empty the log', 'truncate audit_log'],
    ['move the head', 'update audit_chain_head set last_id = 0'],
    ['lock the head row itself', 'select 1 from audit_chain_head for update'],
    ['switch the log’s triggers off', 'alter table audit_log disable trigger all'],
    ['switch an audited table’s trigger off', 'alter table invoice disable trigger invoice_audit_ins'],
    ['drop an audit trigger', 'drop trigger invoice_audit_ins on invoice'],
    ['bypass triggers', 'set session_replication_role = replica'],
    ['turn auditing off', `select audit_disable('invoice')`],
    [
      'redefine an audit function',
      'create or replace function audit_refuse_change() returns trigger language plpgsql as $$ begin return null; end $$',
    ],
  ])('may not %s', async (_what, statement) => {
    // Refused by the rights of the role, not just by the log's own triggers (which the owner can switch off).
    await expect(sql.raw(statement).execute(app.store.db)).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/permission denied|must be owner/),
    });
  });

  it('may not write an entry by hand, even with the writers’ flag raised', async () => {
    const attempt = app.store.db.transaction().execute(async (tx) => {
      await sql`select set_config('huikuan.audit_writing', 'on', true)`.execute(tx);
      await sql`insert into audit_log (id, at, actor_name, table_name, op, prev_hash, hash)
                values (999999, now(), 'mallory', 'invoice', 'INSERT', repeat('0', 64), repeat('0', 64))`.execute(
        tx,
      );
    });
    await expect(attempt).rejects.toMatchObject({
      code: '42501',
      message: 'permission denied for table audit_log',
    });
  });

  it('may not forge a bulk load’s row digests, even with the writers’ flag raised', async () => {
    const attempt = app.store.db.transaction().execute(async (tx) => {
      await sql`select set_config('huikuan.audit_writing', 'on', true)`.execute(tx);
      await sql`insert into audit_batch (audit_id, row_ids, digests) values (1, '{1}', '{}')`.execute(tx);
    });
    await expect(attempt).rejects.toMatchObject({
      code: '42501',
      message: 'permission denied for table audit_batch',
    });
  });

  it('may not attach the owner’s trigger function to a table of its own', async () => {
    const attempt = app.store.withConnection(async ({ raw }) => {
      await raw.exec('begin');
      try {
        await raw.exec('create temp table mine (id int primary key) on commit drop');
        await raw.exec(`create trigger mine_audit after insert on mine referencing new table as new_rows
                          for each statement execute function audit_capture('{id}', '{}')`);
      } finally {
        await raw.exec('rollback');
      }
    });
    await expect(attempt).rejects.toMatchObject({
      code: '42501',
      message: 'permission denied for function audit_capture',
    });
  });

  it('leaves the chain intact, and the owner still sees every entry', async () => {
    const asApp = await verifyAudit(app.store.db, SYSTEM_ACTOR);
    const asOwner = await verifyAudit(owner.db, SYSTEM_ACTOR);
    expect(asApp.ok).toBe(true);
    expect(asOwner).toMatchObject({ ok: true, lastId: asApp.lastId, lastHash: asApp.lastHash });
  });

  it('loads a first large import row by row, since only the owner may drop the invoice indexes', async () => {
    expect(await app.store.withConnection(({ raw }) => ownsTable(raw, 'invoice'))).toBe(false);
    expect(await owner.withConnection(({ raw }) => ownsTable(raw, 'invoice'))).toBe(true);
  });
});
