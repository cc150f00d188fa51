// `huikuan promises add` and `disputes open|resolve` take the day the promise was made (issue 15): a case's history can be scripted or
// imported with its real dates, and the promise holds the case from that day.
import { describe, expect, it } from 'vitest';
import { registerCaseCommands } from '../../src/cli/commands/cases';
import { runEngine } from '../../src/collections/engine/run-engine';
import { cliRunner, usePgliteDataDir } from '../support/cli';
import { addCustomer, addInvoice, startWithStandardStrategy } from './fixtures';

describe('promises add on the CLI', () => {
  usePgliteDataDir('huikuan-promises-cli-', async (db) => {
    const { entityId, collectorId } = await startWithStandardStrategy(db);
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 2_000_000 });
    await runEngine(db, { asOf: '2026-03-03', kind: 'full' });
  });
  const run = cliRunner(registerCaseCommands);

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
      await run('disputes', 'open', '1', '--on', '2026-03-06', '--note', '数量不符', '--json'),
    );
    expect(opened).toMatchObject({ invoiceId: 1, status: 'open', openedOn: '2026-03-06', note: '数量不符' });
    expect(JSON.parse(await run('cases', 'show', '1', '--json')).invoices[0].disputed).toBe(true);
    await expect(run('disputes', 'resolve', '1', '--on', '2026-03-05')).rejects.toThrow();
    const resolved = JSON.parse(await run('disputes', 'resolve', '1', '--on', '2026-03-12', '--json'));
    expect(resolved).toMatchObject({ status: 'resolved', openedOn: '2026-03-06', resolvedOn: '2026-03-12' });
    expect(JSON.parse(await run('cases', 'show', '1', '--json')).invoices[0].disputed).toBe(false);
  });
});
