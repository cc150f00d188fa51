// A file with two entities in the store and customer codes but no names: the wizard's defaults (entity,
// currency) and "create customers" reach the import through the API as through the mapping file and the CLI;
// the dry run says how many customers it would create.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { registerImportCommands } from '../../src/cli/commands/import';
import type { Db } from '../../src/platform/db/store';
import { cliRunner, usePgliteDataDir } from '../support/cli';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';

const FILE = [
  '客户编码,发票号,开票日期,到期日,金额',
  'K001,CC-1,2024-01-06,2024-02-05,100.00',
  'K002,CC-2,2024-01-06,2024-02-05,200.00',
  'K001,CC-3,2024-01-07,2024-02-06,300.00',
].join('\n');

async function twoEntities(db: Db): Promise<void> {
  await sql`insert into entity (code, name, base_currency) values ('SH', '上海', 'CNY'), ('HK', '香港', 'HKD')`.execute(
    db,
  );
}

const upload = (fields: Record<string, string>) => {
  const data = new FormData();
  data.append('kind', 'invoices');
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append('file', new Blob([FILE], { type: 'text/csv' }), 'codes-only.csv');
  return data;
};

describeEachStore('import defaults and customers created from codes (API)', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  beforeAll(async () => {
    await twoEntities(store().db);
    server = await buildServer(testApp(store()));
    api = await apiClient(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('with two entities, takes the default entity and currency and creates the customers it is told to', async () => {
    const plain = await api.post('/api/imports', upload({ dryRun: 'true' }));
    expect(plain.json().status).toBe('rejected');
    const mapping = JSON.stringify({ defaults: { entity: 'HK', currency: 'USD' } });
    const unnamed = (await api.post('/api/imports', upload({ dryRun: 'true', mapping }))).json();
    expect(unnamed.errors[0]).toMatchObject({ field: 'customer_code', value: 'K001' });

    const dry = await api.post('/api/imports', upload({ dryRun: 'true', mapping, createCustomers: 'true' }));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ status: 'validated', inserted: 3, created: { customers: 2 } });
    expect(await store().db.selectFrom('customer').select('code').execute()).toEqual([]);

    const loaded = await api.post('/api/imports', upload({ mapping, createCustomers: 'true' }));
    expect(loaded.json()).toMatchObject({ status: 'loaded', inserted: 3, created: { customers: 2 } });
    const customers = await store()
      .db.selectFrom('customer')
      .select(['code', 'name'])
      .orderBy('code')
      .execute();
    expect(customers).toEqual([
      { code: 'K001', name: 'K001' },
      { code: 'K002', name: 'K002' },
    ]);
    const invoices = await store()
      .db.selectFrom('invoice')
      .innerJoin('entity', 'entity.id', 'invoice.entity_id')
      .select(['entity.code', 'invoice.currency'])
      .distinct()
      .execute();
    expect(invoices.map((row) => [row.code, row.currency.trim()])).toEqual([['HK', 'USD']]);
  });

  it('refuses createCustomers for a kind that does not create customers', async () => {
    const data = new FormData();
    data.append('kind', 'payments');
    data.append('createCustomers', 'true');
    data.append('file', new Blob(['客户编码,收款单号,收款日期,金额\nK001,P1,2024-01-06,1\n']), 'p.csv');
    const response = await api.post('/api/imports', data);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.problems[0]).toMatchObject({ field: 'createCustomers' });
  });
});

describe('huikuan import --create-customers', () => {
  const dataDir = usePgliteDataDir('huikuan-import-create-', twoEntities);
  const run = cliRunner(registerImportCommands);

  it('says in the dry run how many customers it would create, then creates them', async () => {
    const path = join(dataDir, 'codes-only.csv');
    writeFileSync(path, FILE);
    const mapping = join(dataDir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ defaults: { entity: 'SH' } }));
    const dry = await run(
      'import',
      'invoices',
      path,
      '--mapping',
      mapping,
      '--create-customers',
      '--dry-run',
    );
    expect(dry).toContain('validated (dry run, nothing written): 3 row(s) would be 3 inserted');
    expect(dry).toContain('would create: 2 customer(s)');
    const loaded = await run('import', 'invoices', path, '--mapping', mapping, '--create-customers');
    expect(loaded).toContain('created: 2 customer(s)');
  });
});
