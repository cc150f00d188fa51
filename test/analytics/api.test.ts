// The reports through the API: JSON figures, CSV and Excel exports, role scoping and the admin-only settings.
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { apiClient, apiClientFor } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { type Fixture, loadFixture } from './fixture';

describeEachStore('analytics API', (store) => {
  let server: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    // testApp's webDistDir is relative, which @fastify/static refuses.
    const app = testApp(store());
    server = await buildServer({
      ...app,
      config: { ...app.config, webDistDir: resolve(app.config.webDistDir) },
    });
    fx = await loadFixture(store().db);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers the aging as JSON with totals per bucket in minor units and counts', async () => {
    const api = await apiClient(server, 'finance');
    const res = await api.get('/api/reports/aging?asOf=2026-03-31&by=customer');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals.amounts).toEqual([30000, 40000, 83200, 0, 80000, 0, 0]);
    expect(body.totals.counts).toEqual([1, 1, 2, 0, 1, 0, 0]);
    expect(body.groups.map((g: { code: string }) => g.code)).toEqual(['FX-B', 'FX-A', 'FX-C']);
    expect(body.buckets[1]).toMatchObject({ key: '1-30', minDays: 1, maxDays: 30 });
    const drill = await api.get(`/api/reports/aging/invoices?asOf=2026-03-31&bucket=4`);
    expect(drill.json().items.map((i: { number: string }) => i.number)).toEqual(['FX-I3']);
  });

  it('exports CSV and Excel', async () => {
    const api = await apiClient(server, 'finance');
    const csv = await api.get('/api/reports/aging?asOf=2026-03-31&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('Total,,300.00,1,400.00,1,832.00,2,0.00,0,800.00,1,0.00,0,0.00,0,2332.00,5');
    const xlsx = await api.inject({
      method: 'GET',
      url: `/api/reports/statement?customerId=${fx.customers.A}&from=2026-02-01&to=2026-03-31&format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const closing = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(2).value === 'Closing balance')!;
    expect(closing.getCell(7).value).toBe(800);
  });

  it("writes the exports in the requester's language, the statement with its letterhead and confirmation line", async () => {
    const api = await apiClient(server, 'finance');
    const workbook = async (url: string, headers: Record<string, string> = {}) => {
      const res = await api.inject({ method: 'GET', url, headers });
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return book;
    };
    const texts = (sheet: ExcelJS.Worksheet) =>
      sheet
        .getRows(1, sheet.rowCount)!
        .flatMap((r) => (r.values as unknown[]).filter((v) => typeof v === 'string'));
    const statement = `/api/reports/statement?customerId=${fx.customers.A}&from=2026-02-01&to=2026-03-31&format=xlsx`;

    const zh = (await workbook(`${statement}&locale=zh-CN`)).worksheets[0];
    const zhTexts = texts(zh);
    expect(zhTexts.slice(0, 3)).toEqual(['回款测试', '对账单', expect.stringMatching(/^客户：.+（FX-A）$/)]);
    expect(zhTexts).toEqual(
      expect.arrayContaining([
        '期间：2026-02-01 至 2026-03-31，币种 CNY',
        '日期',
        '单据',
        '借方',
        '贷方',
        '余额',
        '期初余额',
        '发票',
        '贷项通知单',
        '期末余额',
        '账龄 未到期',
        '账龄 1–30 天',
        '本公司确认截至 2026-03-31 欠回款测试款项余额为 CNY 800.00，核对无误。',
        expect.stringContaining('客户（盖章）'),
      ]),
    );
    expect(zhTexts.some((t) => /Closing|Opening|invoice|Balance|Aging/.test(t))).toBe(false);
    const zhClosing = zh.getRows(1, zh.rowCount)!.find((r) => r.getCell(2).value === '期末余额')!;
    expect(zhClosing.getCell(7).value).toBe(800);

    // English from Accept-Language when the query does not say.
    const en = texts((await workbook(statement, { 'accept-language': 'en-GB,en;q=0.9' })).worksheets[0]);
    expect(en.slice(0, 2)).toEqual(['回款测试', 'Statement of account']);
    expect(en).toEqual(
      expect.arrayContaining([
        'Opening balance',
        'Invoice',
        'Closing balance',
        'Aging Not yet due',
        'We confirm that the balance we owe 回款测试 as of 2026-03-31 is CNY 800.00, and that it is correct.',
      ]),
    );
    // …and Chinese from a Chinese browser.
    expect(
      texts((await workbook(statement, { 'accept-language': 'zh-CN,zh;q=0.9' })).worksheets[0]),
    ).toContain('对账单');

    // Every other export too: sheet names, headers, bucket labels and the total row.
    const aging = await workbook('/api/reports/aging?asOf=2026-03-31&by=customer&format=xlsx&locale=zh-CN');
    expect(aging.worksheets.map((w) => w.name)).toEqual(['账龄 2026-03-31（按到期日）', '按币种']);
    expect(aging.worksheets[0].getRow(1).values).toEqual(
      expect.arrayContaining(['分组', '编码', '未到期', '1–30 天', '合计（CNY）', '发票数']),
    );
    expect(texts(aging.worksheets[0])).toContain('合计');
    const provisions = await workbook('/api/reports/provisions?asOf=2026-03-31&format=xlsx&locale=zh-CN');
    expect(provisions.worksheets.map((w) => w.name)).toEqual([
      '账龄分析法',
      '减值矩阵',
      '单项计提',
      '计算说明',
    ]);
    expect(texts(provisions.worksheets[3])[1]).toMatch(/^余额为 2026-03-31 的发票未结金额/);
    const dso = await workbook('/api/reports/dso?from=2026-01-01&to=2026-03-31&format=xlsx&locale=zh-CN');
    expect(dso.worksheets.map((w) => w.name)).toEqual(['期间', '各月', '回款效率 CEI', '客户']);
    expect(texts(dso.worksheets[2])).toContain('公式');
    const dashboard = await workbook('/api/reports/dashboard?format=xlsx&locale=zh-CN');
    expect(dashboard.worksheets.map((w) => w.name)).toEqual(['账龄', '趋势', '逾期最多的客户']);
    const drill = await workbook('/api/reports/aging/invoices?asOf=2026-03-31&format=xlsx&locale=zh-CN');
    expect(drill.worksheets[0].getRow(1).values).toEqual(
      expect.arrayContaining(['发票号', '客户编码', '2026-03-31 未结金额', '逾期天数']),
    );
    const csv = await api.get('/api/reports/aging?asOf=2026-03-31&format=csv&locale=zh-CN');
    expect(csv.body).toContain('合计,,300.00');
  });

  it('scopes reports to the actor: a collector sees the assigned customers, an entity grant its entity', async () => {
    const db = store().db;
    const collector = await apiClient(server, 'collector');
    await db
      .updateTable('customer')
      .set({ collector_id: collector.userId })
      .where('id', '=', fx.customers.A)
      .execute();
    const aging = (await collector.get('/api/reports/aging?asOf=2026-03-31&by=customer')).json();
    expect([aging.totals.amount, aging.groups.map((g: { code: string }) => g.code)]).toEqual([
      80000,
      ['FX-A'],
    ]);
    expect((await collector.get('/api/reports/dashboard')).json().totals.ar).toBe(80000);
    const drill = (await collector.get('/api/reports/aging/invoices?asOf=2026-03-31')).json();
    expect(drill.items.map((i: { number: string }) => i.number).sort()).toEqual(['FX-I1', 'FX-I2']);
    const dso = (await collector.get('/api/reports/dso?from=2026-03-01&to=2026-03-31')).json();
    // A alone: 28 Feb I1 40000 + I2 50000; 31 Mar after the credit note 80000; no invoice issued in March.
    expect([dso.months[0].openingAr, dso.months[0].closingAr, dso.months[0].creditSales]).toEqual([
      90000, 80000, 0,
    ]);
    expect((await collector.get(`/api/reports/statement?customerId=${fx.customers.B}`)).statusCode).toBe(404);
    expect((await collector.get(`/api/reports/statement?customerId=${fx.customers.A}`)).statusCode).toBe(200);

    await db.insertInto('entity').values({ code: 'FX-E2', name: '另一主体', base_currency: 'CNY' }).execute();
    const other = await apiClientFor(server, {
      username: 'fin_e2',
      roles: [{ role: 'finance', entityCode: 'FX-E2' }],
    });
    const none = await other.get('/api/reports/aging?asOf=2026-03-31');
    expect([none.statusCode, none.json().totals.amount, none.json().totals.count]).toEqual([200, 0, 0]);
    expect((await other.get('/api/reports/dashboard')).json().totals.ar).toBe(0);
  });

  it('shows the dashboard totals as of today', async () => {
    const api = await apiClient(server, 'admin');
    const res = await api.get('/api/reports/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    // Every fixture invoice is long overdue today; USD at the latest rate 7.2.
    expect(d.source).toBe('summary');
    expect(d.totals).toMatchObject({ ar: 233200, current: 0, overdue: 233200 });
    expect(d.trend).toHaveLength(24);
    const march = d.trend.find((t: { month: string }) => t.month === '2026-03');
    if (march)
      expect(march).toMatchObject({
        closingAr: 233200,
        closingCurrentAr: 30000,
        creditSales: 30000,
        cei: 15.7,
      });
    expect(d.topOverdue[0]).toMatchObject({ customerCode: 'FX-B', overdue: 110000 });
    expect(d.provision.total).toBeGreaterThan(0);
  });

  it('lets only admins change settings, and validates them', async () => {
    const finance = await apiClient(server, 'finance');
    expect((await finance.patch('/api/reports/settings', { provisionMethod: 'matrix' })).statusCode).toBe(
      403,
    );
    const admin = await apiClient(server, 'admin');
    const bad = await admin.patch('/api/reports/settings', { dueBuckets: [60, 30] });
    expect(bad.statusCode).toBe(400);
    const ok = await admin.patch('/api/reports/settings', {
      agingMethod: { edges: [365], rates: ['0.1', '1'] },
    });
    expect(ok.statusCode).toBe(200);
    const p = await admin.get('/api/reports/provisions?asOf=2026-03-31');
    expect(p.json().aging.buckets[0]).toMatchObject({ balance: 233200, provision: 23320 });
    await admin.patch('/api/reports/settings', {
      agingMethod: {
        edges: [365, 730, 1095, 1460, 1825],
        rates: ['0.05', '0.10', '0.30', '0.50', '0.80', '1'],
      },
    });
  });
});
