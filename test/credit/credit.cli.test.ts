// `huikuan credit terms set|show` and `huikuan credit interest` in-process on a PGlite data directory:
// 万分之五 set from the command line, shown, and applied to an overdue invoice.
import { describe, expect, it } from 'vitest';
import { registerCreditCommands } from '../../src/cli/commands/credit';
import type { Db } from '../../src/platform/db/store';
import { addCustomer, addEntity, addInvoice } from '../collections/fixtures';
import { cliRunner, usePgliteDataDir } from '../support/cli';

const seeded = { customer: '', entity: '' };

async function seed(db: Db) {
  const entityId = await addEntity(db, '华东制造');
  const customerId = await addCustomer(db, { name: '命令行客户' });
  await addInvoice(db, {
    entityId,
    customerId,
    number: 'INV-CLI-1',
    issueDate: '2025-01-01',
    dueDate: '2025-01-31',
    amount: 10_000_000,
  });
  const codes = await db
    .selectFrom('customer')
    .innerJoin('entity', (join) => join.on('entity.id', '=', entityId))
    .select(['customer.code as customer', 'entity.code as entity'])
    .where('customer.id', '=', customerId)
    .executeTakeFirstOrThrow();
  Object.assign(seeded, codes);
}

describe('credit CLI', () => {
  usePgliteDataDir('huikuan-credit-cli-', seed);
  const run = cliRunner(registerCreditCommands);

  it('sets and shows terms, then computes interest', async () => {
    const set = await run(
      'credit',
      'terms',
      'set',
      '--customer',
      seeded.customer,
      '--entity',
      seeded.entity,
      '--from',
      '2025-01-01',
      '--terms-days',
      '30',
      '--limit',
      '500,000.00',
      '--currency',
      'CNY',
      '--daily-rate',
      '0.0005',
    );
    expect(set).toContain('from 2025-01-01: net 30 days, limit CNY 500,000.00, daily 0.0005, grace 0d');
    const shown = await run(
      'credit',
      'terms',
      'show',
      '--customer',
      seeded.customer,
      '--as-of',
      '2025-02-01',
    );
    expect(shown).toContain('(customer): from 2025-01-01');
    const interest = await run('credit', 'interest', '--customer', seeded.customer, '--as-of', '2025-03-02');
    expect(interest).toContain('INV-CLI-1 due 2025-01-31');
    expect(interest).toContain('30 days from 2025-02-01 → CNY 1,500.00');
    const json = JSON.parse(
      await run('credit', 'interest', '--customer', seeded.customer, '--as-of', '2025-03-02', '--json'),
    );
    expect(json.totals).toEqual([{ currency: 'CNY', interest: 150_000 }]);
    await expect(
      run(
        'credit',
        'terms',
        'set',
        '--customer',
        seeded.customer,
        '--entity',
        seeded.entity,
        '--terms-days',
        '30',
        '--currency',
        'CNY',
        '--daily-rate',
        '0.0005',
        '--annual-rate',
        '0.1',
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
