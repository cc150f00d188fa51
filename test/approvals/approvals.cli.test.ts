// `huikuan approvals list|show|approve|reject` in-process on a PGlite data directory: a collector's plans
// wait; the collector cannot approve them from the command line either; the team lead approves one and
// rejects the other with a reason.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/create-user';
import { actorFor } from '../../src/auth/roles';
import { registerApprovalCommands } from '../../src/cli/commands/approvals';
import { createPlan } from '../../src/collections/cases/create-plan';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { todayIn } from '../../src/shared/dates';
import { addCustomer, addEntity } from '../collections/fixtures';
import { cliRunner, usePgliteDataDir } from '../support/cli';

const ids = { first: 0, second: 0, firstPlan: 0, secondPlan: 0 };

async function seed(db: Db) {
  const entityId = await addEntity(db, '华东制造');
  const collector = await createUser(db, SYSTEM_ACTOR, {
    username: 'cli.collector',
    displayName: '王催收',
    roles: [{ role: 'collector' }],
  });
  await createUser(db, SYSTEM_ACTOR, {
    username: 'cli.lead',
    displayName: '李主管',
    roles: [{ role: 'collection_manager' }],
  });
  const customer = await addCustomer(db, { name: '命令行客户', collectorId: collector.id });
  const caseId = (
    await sql<{ id: number }>`insert into collection_case (customer_id, entity_id, stage_since, opened_on)
      values (${customer}, ${entityId}, '2026-01-01', '2026-01-01') returning id`.execute(db)
  ).rows[0].id;
  const actor = actorFor({ id: collector.id, username: 'cli.collector', displayName: '王催收' }, [
    { role: 'collector', entityId: null },
  ]);
  const propose = (amount: number) =>
    createPlan(db, actor, {
      caseId,
      today: todayIn('Asia/Shanghai'), // the CLI judges expiry by the real date
      currency: 'CNY',
      installments: [{ dueOn: '2099-01-10', amount }],
      note: '分期申请',
    });
  const first = await propose(3_000_00);
  const second = await propose(4_000_00);
  Object.assign(ids, {
    first: first.approvalId,
    second: second.approvalId,
    firstPlan: first.id,
    secondPlan: second.id,
  });
}

describe('approvals CLI', () => {
  usePgliteDataDir('huikuan-approvals-cli-', seed);
  const run = cliRunner(registerApprovalCommands);

  it('lists, refuses the proposer, approves and rejects', async () => {
    const todo = await run('approvals', 'list', '--as', 'cli.lead');
    expect(todo).toContain(`#${ids.first} payment_plan pending step 1/1 (collection_manager|admin)`);
    expect(todo).toContain('命令行客户');
    expect(todo).toContain('CNY 3,000.00');
    expect(await run('approvals', 'list', '--as', 'cli.collector')).toBe('no requests\n');

    await expect(
      run('approvals', 'approve', String(ids.first), '--as', 'cli.collector'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const approved = await run(
      'approvals',
      'approve',
      String(ids.first),
      '--as',
      'cli.lead',
      '--comment',
      '同意',
    );
    expect(approved).toContain('approved');
    expect(approved).toContain('step 1: approved by 李主管');

    await expect(run('approvals', 'reject', String(ids.second), '--as', 'cli.lead')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await run('approvals', 'reject', String(ids.second), '--as', 'cli.lead', '--comment', '首付不足');
    const shown = JSON.parse(await run('approvals', 'show', String(ids.second), '--json'));
    expect(shown).toMatchObject({
      status: 'rejected',
      decisions: [{ step: 1, decision: 'rejected', comment: '首付不足' }],
    });
    const all = JSON.parse(await run('approvals', 'list', '--json'));
    expect(all.items.map((a: { status: string }) => a.status)).toEqual(['rejected', 'approved']);
  });
});
