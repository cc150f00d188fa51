// `huikuan promises add` and `disputes open|resolve` take the day the promise was made (issue 15): a case's history can be scripted or
// imported with its real dates, and the promise holds the case from that day.
import { describe, expect, it } from 'vitest';
import { registerCaseCommands } from '../../src/cli/commands/cases';
import { registerDisputeCommands } from '../../src/cli/commands/disputes';
import { runEngine } from '../../src/collections/engine/run-engine';
import { cliRunner, usePgliteDataDir } from '../support/cli';
import { addCustomer, addInvoice, startWithStandardStrategy } from './fixtures';

describe('promises add on the CLI', () => {
  usePgliteDataDir('huikuan-promises-cli-', async (db) => {
    const { entityId, collectorId } = await startWithStandardStrategy(db);
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, {
      entityId,
      customerId,
      issueDate: '2026-02-01',
      dueDate: '2026-03-01',
      amount: 2_000_000,
      number: 'P-1',
    });
    await runEngine(db, { asOf: '2026-03-03', kind: 'full' });
  });
  const run = cliRunner(registerCaseCommands, registerDisputeCommands);

  it('records a promise made on the given day, due on another', async () => {
    const out = JSON.parse(
      await run(
        'promises',
        'add',
        '1',
        '--amount',
        '20000',
        '--due',
        '2026-03-20',
        '--on',
        '2026-03-05',
        '--json',
      ),
    );
    expect(out).toMatchObject({
      caseId: 1,
      amount: 2_000_000,
      currency: 'CNY',
      promisedOn: '2026-03-05',
      dueOn: '2026-03-20',
      status: 'open',
    });
    const shown = JSON.parse(await run('cases', 'show', '1', '--json'));
    expect(shown.promises).toMatchObject([{ promisedOn: '2026-03-05', dueOn: '2026-03-20' }]);
  });

  it('refuses a due date before the day the promise was made', async () => {
    await expect(
      run('promises', 'add', '1', '--amount', '100', '--due', '2026-03-04', '--on', '2026-03-05'),
    ).rejects.toThrow();
  });

  it('opens and resolves a dispute with its days; the invoice is disputed in between', async () => {
    const opened = JSON.parse(
      await run(
        'disputes',
        'open',
        '--invoice',
        'P-1',
        '--reason',
        'quantity',
        '--on',
        '2026-03-06',
        '--note',
        '数量不符',
        '--json',
      ),
    );
    expect(opened).toMatchObject({ invoiceId: 1, status: 'open', raisedOn: '2026-03-06', note: '数量不符' });
    expect(JSON.parse(await run('cases', 'show', '1', '--json')).invoices[0].disputed).toBe(true);
    const id = String(opened.id);
    await expect(
      run('disputes', 'resolve', id, '--resolution', 'rejected', '--on', '2026-03-05'),
    ).rejects.toThrow();
    await expect(
      run('disputes', 'resolve', id, '--resolution', 'rejected', '--on', 'soon'),
    ).rejects.toThrow();
    const resolved = JSON.parse(
      await run('disputes', 'resolve', id, '--resolution', 'other', '--on', '2026-03-12', '--json'),
    );
    expect(resolved).toMatchObject({ status: 'resolved', raisedOn: '2026-03-06', resolvedOn: '2026-03-12' });
    expect(JSON.parse(await run('cases', 'show', '1', '--json')).invoices[0].disputed).toBe(false);
  });
});
