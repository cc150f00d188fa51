// The import carries a case's open promises and disputes (issue 15): `huikuan import promises|disputes FILE`
// writes them through collections' use cases in the import's one transaction — a bad row refuses the whole
// file with its line, field and coded reason; a re-import creates nothing twice.
import { beforeAll, expect, it } from 'vitest';
import { linkFeatures } from '../../src/app/feature-links';
import { buildServer } from '../../src/app/server';
import { getCase } from '../../src/collections/cases/get-case';
import { runEngine } from '../../src/collections/engine/run-engine';
import { listImportKinds } from '../../src/ledger/import/list-import-kinds';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import type { MessageCode } from '../../src/shared/messages/catalog';
import { formatMessage } from '../../src/shared/messages/format';
import { runImport, tempFile } from '../ledger/import.fixtures';
import { apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { addCustomer, addInvoice, startWithStandardStrategy } from './fixtures';

beforeAll(() => linkFeatures());

const csv = (name: string, header: string, ...rows: string[]) => tempFile(name, [header, ...rows].join('\n'));

/** Customer A has an overdue invoice and an open case; customer B only an invoice not yet due. */
async function setUp(db: Db) {
  const { entityId, collectorId } = await startWithStandardStrategy(db);
  const a = await addCustomer(db, { collectorId });
  const b = await addCustomer(db, { collectorId });
  const codes = await db.selectFrom('customer').select(['id', 'code']).orderBy('id').execute();
  const codeOf = (id: number) => codes.find((c) => c.id === id)!.code;
  const p1 = await addInvoice(db, {
    entityId,
    customerId: a,
    issueDate: '2026-02-01',
    dueDate: '2026-03-01',
    amount: 2_000_000,
    number: 'P-1',
  });
  const q1 = await addInvoice(db, {
    entityId,
    customerId: b,
    issueDate: '2026-02-10',
    dueDate: '2026-06-01',
    amount: 500_000,
    number: 'Q-1',
  });
  await runEngine(db, { asOf: '2026-03-03', kind: 'full' });
  const kase = await db
    .selectFrom('collection_case')
    .select('id')
    .where('customer_id', '=', a)
    .executeTakeFirst();
  return { a: codeOf(a), b: codeOf(b), p1, q1, caseId: kase!.id };
}

const counts = async (db: Db) => ({
  promises: (await db.selectFrom('promise').select('id').execute()).length,
  disputes: (await db.selectFrom('invoice_dispute').select('id').execute()).length,
});

const PROMISES = '客户编码,承诺金额,承诺日期,承诺还款日,备注';
const DISPUTES = '发票号,异议原因,异议金额,提出日期,负责部门,备注';

describeEachStore('import of promises and disputes', (store) => {
  it('lists both kinds with their fields', () => {
    const kinds = listImportKinds(SYSTEM_ACTOR).items.map((k) => k.kind);
    expect(kinds).toEqual(expect.arrayContaining(['promises', 'disputes']));
  });

  it('puts promises on the open case; a bad row refuses the file; a re-import creates nothing', async () => {
    const db = store().db;
    const { a, b, caseId } = await setUp(db);
    const bad = await runImport(
      store(),
      'promises',
      csv(
        'promises-bad.csv',
        PROMISES,
        `${a},10000.00,2026-03-05,2026-03-20,电话承诺`,
        `${b},500.00,2026-03-05,2026-03-25,`,
        `${a},100.00,2026-03-06,2026-03-01,`,
      ),
    );
    expect(bad).toMatchObject({ status: 'rejected', errorCount: 2, inserted: 0 });
    expect(bad.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'customer_code', 'import_no_open_case'],
      [4, 'due_on', 'import_due_before_promise'],
    ]);
    const noCase = bad.errors[0];
    expect(formatMessage('zh-CN', noCase.code as MessageCode, noCase.params)).toContain(`客户 ${b} 在主体`);
    expect(noCase.reason).toContain(`customer ${b} has no open collection case`);
    // Nothing half-written: line 2 was good, but the file was refused.
    expect(await counts(db)).toEqual({ promises: 0, disputes: 0 });

    const good = csv('promises.csv', PROMISES, `${a},10000.00,2026-03-05,2026-03-20,电话承诺`);
    expect(await runImport(store(), 'promises', good)).toMatchObject({
      status: 'loaded',
      inserted: 1,
      unchanged: 0,
    });
    expect(await runImport(store(), 'promises', good)).toMatchObject({
      status: 'loaded',
      inserted: 0,
      unchanged: 1,
    });
    expect(await counts(db)).toEqual({ promises: 1, disputes: 0 });
    const shown = await getCase(db, SYSTEM_ACTOR, { id: caseId, today: '2026-03-06' });
    expect(shown.promises).toMatchObject([
      {
        amount: 1_000_000,
        currency: 'CNY',
        promisedOn: '2026-03-05',
        dueOn: '2026-03-20',
        status: 'open',
        note: '电话承诺',
      },
    ]);
  });

  it('opens disputes through the dispute use case: the invoice is disputed; bad rows refuse the file', async () => {
    const db = store().db;
    const { p1, q1 } = await setUp(db);
    const bad = await runImport(
      store(),
      'disputes',
      csv(
        'disputes-bad.csv',
        DISPUTES,
        'P-1,质量,,2026-03-04,质检部,货物破损',
        'X-9,price,,2026-03-04,,',
        'Q-1,天气,,2026-03-04,,',
        'Q-1,price,9000.00,2026-03-04,,',
        'Q-1,price,100.00,2026-02-01,,',
      ),
    );
    expect(bad).toMatchObject({ status: 'rejected', inserted: 0 });
    expect(bad.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'invoice_number', 'import_unknown_invoice'],
      [4, 'reason_code', 'import_dispute_reason'],
      [5, 'amount', 'import_dispute_amount'],
      [6, 'raised_on', 'import_dispute_before_issue'],
    ]);
    expect(formatMessage('zh-CN', 'import_dispute_amount', bad.errors[2].params)).toBe(
      '发票 Q-1 最多可提出 5000.00 的异议（发票金额减去未解决的异议）',
    );
    expect(await counts(db)).toEqual({ promises: 0, disputes: 0 });
    const disputed = async () =>
      (await db.selectFrom('invoice').select(['id', 'disputed']).orderBy('id').execute()).map((i) => [
        i.id,
        i.disputed,
      ]);
    expect(await disputed()).toEqual([
      [p1, false],
      [q1, false],
    ]);

    const good = csv(
      'disputes.csv',
      DISPUTES,
      'P-1,质量,,2026-03-04,质检部,货物破损',
      'Q-1,price,300.00,2026-03-04,,',
    );
    expect(await runImport(store(), 'disputes', good)).toMatchObject({ status: 'loaded', inserted: 2 });
    expect(await runImport(store(), 'disputes', good)).toMatchObject({
      status: 'loaded',
      inserted: 0,
      unchanged: 2,
    });
    expect(await counts(db)).toEqual({ promises: 0, disputes: 2 });
    expect(await disputed()).toEqual([
      [p1, true],
      [q1, true],
    ]);
    const rows = await db
      .selectFrom('invoice_dispute')
      .select(['invoice_id', 'amount', 'reason_code', 'raised_on', 'owner_department', 'note', 'status'])
      .orderBy('invoice_id')
      .execute();
    expect(rows).toEqual([
      {
        invoice_id: p1,
        amount: 2_000_000,
        reason_code: 'quality',
        raised_on: '2026-03-04',
        owner_department: '质检部',
        note: '货物破损',
        status: 'open',
      },
      {
        invoice_id: q1,
        amount: 30_000,
        reason_code: 'price',
        raised_on: '2026-03-04',
        owner_department: null,
        note: null,
        status: 'open',
      },
    ]);
  });

  it('takes a disputes file over the API like any other kind', async () => {
    const db = store().db;
    const { p1 } = await setUp(db);
    const server = await buildServer(testApp(store()));
    try {
      const api = await apiClient(server);
      const post = (text: string, dryRun = false) => {
        const data = new FormData();
        data.append('kind', 'disputes');
        if (dryRun) data.append('dryRun', 'true');
        data.append('file', new Blob([text], { type: 'text/csv' }), 'disputes.csv');
        return api.post('/api/imports', data);
      };
      const text = [DISPUTES, 'P-1,not_delivered,500.00,2026-03-04,,'].join('\n');
      // Finance may import the ledger but not record collections' work: the file is refused whole.
      const finance = await apiClient(server, 'finance');
      const form = new FormData();
      form.append('kind', 'disputes');
      form.append('file', new Blob([text], { type: 'text/csv' }), 'disputes.csv');
      expect((await finance.post('/api/imports', form)).statusCode).toBe(403);
      expect(await counts(db)).toEqual({ promises: 0, disputes: 0 });
      const dry = await post(text, true);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ kind: 'disputes', status: 'validated', inserted: 1 });
      expect(await counts(db)).toEqual({ promises: 0, disputes: 0 });
      expect((await post(text)).json()).toMatchObject({ status: 'loaded', inserted: 1 });
      const invoice = await db
        .selectFrom('invoice')
        .select('disputed')
        .where('id', '=', p1)
        .executeTakeFirst();
      expect(invoice?.disputed).toBe(true);
      const bad = (await post([DISPUTES, 'P-404,price,,2026-03-04,,'].join('\n'))).json();
      expect(bad).toMatchObject({
        status: 'rejected',
        errors: [
          {
            line: 2,
            field: 'invoice_number',
            value: 'P-404',
            code: 'import_unknown_invoice',
            params: { number: 'P-404' },
          },
        ],
      });
    } finally {
      await server.close();
    }
  });
});
