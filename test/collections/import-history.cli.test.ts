// `huikuan import promises|disputes FILE` on the real command tree (buildProgram links collections' kinds into
// the import, as the server does): a case's open promise and dispute come from files (issue 15).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/program';
import { runEngine } from '../../src/collections/engine/run-engine';
import { usePgliteDataDir } from '../support/cli';
import { addCustomer, addInvoice, startWithStandardStrategy } from './fixtures';

describe('huikuan import promises and disputes', () => {
  let code = '';
  const dataDir = usePgliteDataDir('huikuan-import-history-cli-', async (db) => {
    const { entityId, collectorId } = await startWithStandardStrategy(db);
    const customerId = await addCustomer(db, { collectorId });
    code = (
      await db.selectFrom('customer').select('code').where('id', '=', customerId).executeTakeFirstOrThrow()
    ).code;
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

  async function run(...args: string[]): Promise<string> {
    let output = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output += String(chunk);
      return true;
    });
    try {
      await buildProgram({ exitOverride: true }).parseAsync(['node', 'huikuan', ...args]);
    } finally {
      spy.mockRestore();
      process.exitCode = undefined;
    }
    return output;
  }

  it('loads a promise onto the case and a dispute onto its invoice; a second run changes nothing', async () => {
    const promises = join(dataDir, 'promises.csv');
    writeFileSync(
      promises,
      `customer code,amount,promised on,due on,note\n${code},5000,2026-03-05,2026-03-20,\n`,
    );
    const disputes = join(dataDir, 'disputes.csv');
    writeFileSync(disputes, 'invoice no,reason,raised on,department\nP-1,quantity,2026-03-06,仓库\n');
    for (const round of [1, 2]) {
      const p = JSON.parse(await run('import', 'promises', promises, '--json'));
      expect(p).toMatchObject({ kind: 'promises', status: 'loaded', inserted: round === 1 ? 1 : 0 });
      const d = JSON.parse(await run('import', 'disputes', disputes, '--json'));
      expect(d).toMatchObject({ kind: 'disputes', status: 'loaded', inserted: round === 1 ? 1 : 0 });
    }
    const shown = JSON.parse(await run('cases', 'show', '1', '--json'));
    expect(shown.promises).toMatchObject([
      { amount: 500_000, promisedOn: '2026-03-05', dueOn: '2026-03-20' },
    ]);
    const listed = JSON.parse(await run('disputes', 'list', '--json'));
    expect(listed).toMatchObject([
      { invoiceNumber: 'P-1', reasonCode: 'quantity', amount: 2_000_000, raisedOn: '2026-03-06' },
    ]);
  }, 180_000);
});
