// `huikuan disputes open|list|resolve` in-process on a PGlite data directory.
import { describe, expect, it } from 'vitest';
import { registerDisputeCommands } from '../../src/cli/commands/disputes';
import type { Db } from '../../src/platform/db/store';
import { cliRunner, usePgliteDataDir } from '../support/cli';
import { addCustomer, addEntity, addInvoice } from './fixtures';

async function seed(db: Db) {
  const entityId = await addEntity(db, '华东制造');
  const customerId = await addCustomer(db, { name: '异议客户' });
  await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 500_00, number: 'D-1' });
}

describe('disputes CLI', () => {
  usePgliteDataDir('huikuan-disputes-cli-', seed);
  const run = cliRunner(registerDisputeCommands);

  it('opens, lists and resolves a dispute', async () => {
    await expect(run('disputes', 'open', '--invoice', 'D-1', '--reason', 'taste')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const opened = await run(
      'disputes',
      'open',
      '--invoice',
      'D-1',
      '--reason',
      'price',
      '--amount',
      '100.00',
      '--owner-department',
      '销售部',
      '--due',
      '2099-01-31',
    );
    expect(opened).toMatch(
      /^#\d+ D-1 CNY 100\.00 price open · raised \d{4}-\d{2}-\d{2}, 0 days · 销售部 · due 2099-01-31\n$/,
    );
    const id = opened.slice(1, opened.indexOf(' '));
    expect(await run('disputes', 'list', '--open')).toBe(opened);
    const resolved = JSON.parse(
      await run('disputes', 'resolve', id, '--resolution', 'partly', '--note', '让价一半', '--json'),
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolutionCode: 'partly',
      resolutionNote: '让价一半',
    });
    expect(await run('disputes', 'list', '--open')).toBe('no disputes\n');
    expect(await run('disputes', 'list', '--invoice', 'D-1')).toContain('price resolved → partly');
  });
});
