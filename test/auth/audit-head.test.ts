// Whoever owns the database can rewrite the audit chain: switch the triggers off, change an entry and
// re-hash every entry after it and the head. `audit verify` alone then says OK, since the chain is
// consistent with itself. A head recorded outside the database (`huikuan audit head`) catches it:
// `audit verify --head HASH` fails when the chain no longer leads through that hash.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { auditHead, verifyAudit } from '../../src/auth/verify-audit';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { inPinnedTransaction } from '../../src/platform/db/store';
import { inTransaction } from '../../src/platform/db/transaction';
import { describeEachStore } from '../support/stores';

describeEachStore('audit head recorded outside the database', (store) => {
  it('tells a rewritten chain from an intact one', async () => {
    const db = store().db;
    for (const code of ['AH-1', 'AH-2', 'AH-3']) {
      await inTransaction(db, SYSTEM_ACTOR, (tx) =>
        sql`insert into entity (code, name, base_currency) values (${code}, ${code}, 'CNY')`.execute(tx),
      );
    }
    const recorded = await auditHead(db, SYSTEM_ACTOR);
    expect(recorded.entries).toBeGreaterThanOrEqual(3);
    expect(recorded.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(recorded.newestAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Later entries do not matter: the chain still leads through the recorded head.
    await inTransaction(db, SYSTEM_ACTOR, (tx) =>
      sql`insert into entity (code, name, base_currency) values ('AH-4', 'AH-4', 'CNY')`.execute(tx),
    );
    const intact = await verifyAudit(db, SYSTEM_ACTOR, 5000, recorded.hash);
    expect(intact.ok).toBe(true);
    expect(intact.recordedHead).toEqual({ hash: recorded.hash, foundAt: recorded.entries });

    let rewritten: { plain: boolean; withHead: Awaited<ReturnType<typeof verifyAudit>> } | undefined;
    await inPinnedTransaction(store(), async ({ db: tx }) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      await sql`do $$
        declare r record; prev text := repeat('0', 64); h text;
        begin
          update audit_log set actor_name = 'mallory' where id = 1;
          for r in select * from audit_log order by id loop
            h := encode(sha256(convert_to(prev || audit_content(r.id, r.at, r.actor_user_id, r.actor_name,
              r.table_name, r.op, r.row_key, r.before, r.after, r.row_count, r.rows_digest), 'UTF8')), 'hex');
            update audit_log set prev_hash = prev, hash = h where id = r.id;
            prev := h;
          end loop;
          update audit_chain_head set last_hash = prev;
        end $$`.execute(tx);
      await sql`set local session_replication_role = origin`.execute(tx);
      rewritten = {
        plain: (await verifyAudit(tx, SYSTEM_ACTOR)).ok,
        withHead: await verifyAudit(tx, SYSTEM_ACTOR, 5000, recorded.hash),
      };
      throw new Error('roll back the rewrite');
    }).catch((error: Error) => {
      if (error.message !== 'roll back the rewrite') throw error;
    });
    // The rewrite is consistent with itself…
    expect(rewritten?.plain).toBe(true);
    // …but no longer leads through the head recorded outside.
    expect(rewritten?.withHead.ok).toBe(false);
    expect(rewritten?.withHead.firstBroken?.reason).toContain(recorded.hash);
    expect(rewritten?.withHead.recordedHead?.foundAt).toBeNull();
  });

  it('refuses a recorded head that is not a hash', async () => {
    await expect(verifyAudit(store().db, SYSTEM_ACTOR, 5000, 'not-a-hash')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
