// The audit log in the database: what the triggers record, that nobody can change or remove entries through
// SQL, and that `audit verify` finds any entry altered or deleted behind the triggers' back.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, canonicalContent, entryHash, GENESIS_HASH } from '../../src/auth/audit-chain';
import type { ChainRow } from '../../src/auth/audit-queries';
import { selectChainBatch } from '../../src/auth/audit-queries';
import { verifyAudit } from '../../src/auth/verify-audit';
import { type Actor, SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { type Db, inPinnedTransaction, type Store } from '../../src/platform/db/store';
import { inTransaction, setTransactionActor } from '../../src/platform/db/transaction';
import { waitForLockWaiters } from '../support/locks';
import { describeEachStore } from '../support/stores';

const alice: Actor = { ...SYSTEM_ACTOR, userId: 42, name: 'alice' };

interface Entry {
  id: number;
  actor_user_id: number | null;
  actor_name: string;
  table_name: string;
  op: string;
  row_key: unknown;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  row_count: number;
  rows_digest: string | null;
}

async function entriesAfter(db: Db, id: number): Promise<Entry[]> {
  const { rows } = await sql<Entry>`
    select id, actor_user_id, actor_name, table_name, op, row_key, before, after, row_count, rows_digest
    from audit_log where id > ${id} order by id`.execute(db);
  return rows;
}

async function lastId(db: Db): Promise<number> {
  const { rows } = await sql<{ id: number }>`select coalesce(max(id), 0)::int as id from audit_log`.execute(
    db,
  );
  return rows[0].id;
}

/** Tampers as a database superuser would (triggers off for this transaction), checks, then rolls back. */
async function tampered(store: Store, statement: ReturnType<typeof sql>) {
  let report: Awaited<ReturnType<typeof verifyAudit>> | undefined;
  await inPinnedTransaction(store, async ({ db }) => {
    await sql`set local session_replication_role = replica`.execute(db);
    await statement.execute(db);
    await sql`set local session_replication_role = origin`.execute(db);
    report = await verifyAudit(db, SYSTEM_ACTOR);
    throw new Error('roll back the tampering');
  }).catch((error: Error) => {
    if (error.message !== 'roll back the tampering') throw error;
  });
  return report as NonNullable<typeof report>;
}

describeEachStore('audit log', (store, kind) => {
  it('records inserts, updates (changed columns only) and deletes with who did them', async () => {
    const db = store().db;
    const start = await lastId(db);
    const customerId = await inTransaction(db, alice, async (tx) => {
      const c = await tx
        .insertInto('customer')
        .values({ code: 'AUD-1', name: '上海审计有限公司', attributes: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('customer').set({ region: '华东' }).where('id', '=', c.id).execute();
      await tx.updateTable('customer').set({ region: '华东' }).where('id', '=', c.id).execute(); // no change
      await tx.insertInto('contact').values({ customer_id: c.id, name: '张会计', channels: '{}' }).execute();
      await tx.deleteFrom('contact').where('customer_id', '=', c.id).execute();
      return c.id;
    });
    const entries = await entriesAfter(db, start);
    expect(entries.map((e) => `${e.table_name} ${e.op}`)).toEqual([
      'customer INSERT',
      'customer UPDATE',
      'contact INSERT',
      'contact DELETE',
    ]);
    expect(entries.every((e) => e.actor_user_id === 42 && e.actor_name === 'alice')).toBe(true);
    expect(entries[0]).toMatchObject({ row_key: { id: customerId }, before: null, after: { code: 'AUD-1' } });
    expect(entries[1].before).toEqual({ region: null });
    expect(entries[1].after).toEqual({ region: '华东' });
    expect(entries[3]).toMatchObject({ before: { name: '张会计' }, after: null });
  });

  it('attributes changes made outside the application to the database role', async () => {
    const db = store().db;
    const start = await lastId(db);
    await sql`insert into exchange_rate values ('USD', 'CNY', '2026-01-06', 7.1234)`.execute(db);
    const [entry] = await entriesAfter(db, start);
    expect(entry).toMatchObject({
      actor_user_id: null,
      actor_name: 'db:postgres',
      row_key: { from_currency: 'USD', to_currency: 'CNY', rate_date: '2026-01-06' },
    });
  });

  it('keeps secrets out: no password hash or token hash in any entry', async () => {
    const db = store().db;
    const start = await lastId(db);
    await inTransaction(db, alice, async (tx) => {
      await tx
        .insertInto('app_user')
        .values({
          username: 'secret.keeper',
          display_name: 'x',
          email: null,
          password_hash: '$argon2id$v=19$SECRET',
          password_changed_at: null,
          disabled_at: null,
        })
        .execute();
      await tx
        .updateTable('app_user')
        .set({ password_hash: '$argon2id$v=19$OTHER' })
        .where('username', '=', 'secret.keeper')
        .execute();
    });
    const entries = await entriesAfter(db, start);
    expect(entries).toHaveLength(1); // the hash-only change is not a change the log can show
    expect(JSON.stringify(entries)).not.toContain('argon2');
  });

  it('refuses to insert, update, delete or truncate entries by hand, and to move the chain head', async () => {
    const db = store().db;
    await expect(sql`update audit_log set actor_name = 'mallory'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(
      sql`insert into audit_log (id, at, actor_name, table_name, op, prev_hash, hash)
          select max(id) + 1, now(), 'mallory', 'invoice', 'INSERT', max(hash), max(hash) from audit_log`.execute(
        db,
      ),
    ).rejects.toThrow(/written only by the audit triggers/);
    await expect(sql`update audit_chain_head set last_id = 1`.execute(db)).rejects.toThrow(/chain head/);
    await expect(sql`delete from audit_chain_head`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain', async () => {
    const report = await verifyAudit(store().db, SYSTEM_ACTOR);
    expect(report.ok).toBe(true);
    expect(report.firstBroken).toBeNull();
    expect(report.checked).toBe(await lastId(store().db));
  });

  it('finds an altered entry, an entry re-hashed to hide it, and deleted entries', async () => {
    const db = store().db;
    const last = await lastId(db);
    expect(last).toBeGreaterThan(4);
    const changed = await tampered(store(), sql`update audit_log set actor_name = 'mallory' where id = 3`);
    expect(changed.firstBroken).toEqual({ id: 3, reason: expect.stringContaining('content does not match') });

    // A careful forger recomputes the entry's own hash: the next entry's link gives it away.
    const rehashed = await tampered(
      store(),
      sql`update audit_log set after = jsonb_set(after, '{code}', '"FORGED"'),
            hash = encode(sha256(convert_to(prev_hash || audit_content(id, at, actor_user_id, actor_name,
              table_name, op, row_key, before, jsonb_set(after, '{code}', '"FORGED"'), row_count, rows_digest), 'UTF8')), 'hex')
          where id = 1`,
    );
    expect(rehashed.firstBroken).toEqual({ id: 2, reason: expect.stringContaining('previous-hash link') });

    const deleted = await tampered(store(), sql`delete from audit_log where id = 2`);
    expect(deleted.firstBroken).toEqual({ id: 2, reason: 'entries 2–2 are missing (deleted)' });

    const newestGone = await tampered(store(), sql`delete from audit_log where id = ${last}`);
    expect(newestGone.firstBroken).toEqual({
      id: last,
      reason: `entries ${last}–${last} are missing (deleted from the end)`,
    });
    // After the rollbacks the chain is whole again.
    expect((await verifyAudit(db, SYSTEM_ACTOR)).ok).toBe(true);
  });

  it('hashes the same text in TypeScript as in the database, whatever the values contain', async () => {
    const db = store().db;
    const nasty = `"quote" \\back\\slash\n\ttab \u0001ctl \u2028sep 😀 客户 ' or 1=1 -- <script>alert(1)</script>`;
    await inTransaction(db, { ...alice, name: nasty }, (tx) =>
      tx
        .insertInto('customer')
        .values({ code: 'AUD-NASTY', name: nasty, attributes: JSON.stringify({ note: nasty, n: 1.5 }) })
        .execute(),
    );
    const rows = await selectChainBatch(db, 0, 10_000);
    const { rows: sqlTexts } = await sql<{ id: number; content: string }>`
      select id, audit_content(id, at, actor_user_id, actor_name, table_name, op, row_key, before, after, row_count,
                               rows_digest) as content from audit_log order by id`.execute(db);
    const byId = new Map(sqlTexts.map((r) => [r.id, r.content]));
    for (const row of rows) expect(canonicalContent(row)).toBe(byId.get(row.id));
    expect(rows.some((row) => row.actor_name === nasty)).toBe(true);
  });

  it('records a statement over the row limit as one entry with the row count and a digest', async () => {
    const db = store().db;
    const start = await lastId(db);
    await inPinnedTransaction(store(), async ({ db: tx }) => {
      await setTransactionActor(tx, alice);
      await sql`select set_config('huikuan.audit_row_limit', '2', true)`.execute(tx);
      await sql`insert into customer (code, name) select 'BULK-' || g, '批量' || g from generate_series(1, 5) g`.execute(
        tx,
      );
    });
    const entries = await entriesAfter(db, start);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ table_name: 'customer', op: 'INSERT', row_count: 5, row_key: null });
    expect(entries[0].rows_digest).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAudit(db, SYSTEM_ACTOR)).ok).toBe(true);
  });

  it('audits a new table with one line', async () => {
    const db = store().db;
    await sql`create table credit_limit_demo (id bigint primary key, amount bigint not null)`.execute(db);
    await sql`select audit_enable('credit_limit_demo')`.execute(db);
    const start = await lastId(db);
    await inTransaction(db, alice, async (tx) => {
      await sql`insert into credit_limit_demo values (1, 500000)`.execute(tx);
      await sql`update credit_limit_demo set amount = 800000 where id = 1`.execute(tx);
    });
    const entries = await entriesAfter(db, start);
    expect(entries.map((e) => [e.op, e.before, e.after])).toEqual([
      ['INSERT', null, { id: 1, amount: 500000 }],
      ['UPDATE', { amount: 500000 }, { amount: 800000 }],
    ]);
  });

  if (kind === 'postgres') {
    it('keeps one unbroken chain when many transactions write at once', async () => {
      const db = store().db;
      const start = await lastId(db);
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          inTransaction(db, { ...alice, name: `writer-${i}` }, (tx) =>
            tx
              .insertInto('customer')
              .values({ code: `PAR-${i}`, name: `并发${i}`, attributes: '{}' })
              .execute(),
          ),
        ),
      );
      const entries = await entriesAfter(db, start);
      expect(entries.map((e) => e.id)).toEqual(Array.from({ length: 12 }, (_, i) => start + 1 + i));
      expect((await verifyAudit(db, SYSTEM_ACTOR)).ok).toBe(true);
    });

    it('does not deadlock two writers that touch the same rows in opposite order', async () => {
      const db = store().db;
      const ids = await sql<{ id: number }>`
        insert into customer (code, name) values ('DL-X', 'x'), ('DL-Y', 'y') returning id`.execute(db);
      const [x, y] = ids.rows.map((r) => r.id);
      const update = (tx: Db, id: number, region: string) =>
        sql`update customer set region = ${region} where id = ${id}`.execute(tx);
      let bStarted!: () => void;
      const bIsWaiting = new Promise<void>((resolve) => {
        bStarted = resolve;
      });
      const a = inTransaction(db, alice, async (tx) => {
        await update(tx, x, 'A');
        const b = inTransaction(db, { ...alice, name: 'bob' }, async (txB) => {
          bStarted();
          await update(txB, y, 'B'); // waits for the chain head before it locks row y
          await update(txB, x, 'B');
        });
        await bIsWaiting;
        await waitForLockWaiters(db); // B waits on the chain head that A holds
        await update(tx, y, 'A'); // with the head taken after the row locks, this would deadlock
        return { b }; // not the promise itself: an async callback would wait for it inside A
      });
      const { b } = await a;
      await b;
      const { rows } = await sql<{
        region: string;
      }>`select region from customer where id in (${x}, ${y})`.execute(db);
      expect(rows.map((r) => r.region)).toEqual(['B', 'B']);
      expect((await verifyAudit(db, SYSTEM_ACTOR)).ok).toBe(true);
    });
  }
});

describe('ChainVerifier', () => {
  const row = (id: number, prev: string, patch: Partial<ChainRow> = {}): ChainRow => {
    const base: ChainRow = {
      id,
      at_utc: '2026-01-06T01:02:03.000004Z',
      actor_user_id: 1,
      actor_name: '王芳',
      table_name: 'invoice',
      op: 'UPDATE',
      row_key: '{"id": 7}',
      before: '{"disputed": false}',
      after: '{"disputed": true}',
      row_count: 1,
      rows_digest: null,
      prev_hash: prev,
      hash: '',
      ...patch,
    };
    return { ...base, hash: entryHash(prev, canonicalContent(base)) };
  };

  it('builds the content like jsonb_build_array(...)::text', () => {
    expect(canonicalContent(row(1, GENESIS_HASH))).toBe(
      '[1, "2026-01-06T01:02:03.000004Z", 1, "王芳", "invoice", "UPDATE", {"id": 7}, {"disputed": false}, {"disputed": true}, 1, null]',
    );
  });

  it('accepts a chain and reports the first break', () => {
    const a = row(1, GENESIS_HASH);
    const b = row(2, a.hash);
    const c = row(3, b.hash);
    const ok = new ChainVerifier();
    ok.push([a, b, c]);
    expect(ok.finish({ last_id: 3, last_hash: c.hash })).toMatchObject({ ok: true, checked: 3, lastId: 3 });

    const broken = new ChainVerifier();
    broken.push([a, { ...b, after: '{"disputed": false}' }, c]);
    expect(broken.finish({ last_id: 3, last_hash: c.hash }).firstBroken).toEqual({
      id: 2,
      reason: 'content does not match its hash (the entry was changed)',
    });
  });
});
