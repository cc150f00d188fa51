// A zh-CN user sees no English on the screens that showed it (import field descriptions and reasons, the
// provision derivation and buckets, case and task statuses, strategy and template keys, "Locale", the audit
// log's tables and actions). The check reads each screen's visible text and lists the Latin words that are
// not codes, currencies, numbers or the few abbreviations accounting uses in Chinese too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/create-user';
import { runEngine } from '../../src/collections/engine/run-engine';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { addDays, todayIn } from '../../src/shared/dates';
import { activate, addCustomer, addEntity, addInvoice } from '../collections/fixtures';
import { useBrowserEnv } from './support';

const ADMIN = { username: 'lang.admin', password: 'Language-Test-42' };

/** Words a Chinese screen may show: abbreviations used in Chinese finance, units and formats. */
const ALLOWED = new Set(
  [
    'DSO',
    'CEI',
    'ADD',
    'BPDSO',
    'API',
    'CSV',
    'Excel',
    'xlsx',
    'UTF',
    'GBK',
    'ID',
    'YYYY',
    'MM',
    'DD',
    'CNY',
    'USD',
    'EUR',
    'HKD',
    'JPY',
    'GB',
    'KB',
    'MB',
    'SHA',
    'JSON',
    'GMT',
    'UTC',
    'Asia',
    'Shanghai',
    'huikuan',
    'N',
    'AR',
    'IFRS',
    'IP',
    'English', // the language switch names the other language in that language
    'Kingdee',
    'SAP',
    'ERP',
    'SMS',
    'Email',
    'email',
    'WeChat',
    'PDF',
  ].map((w) => w.toLowerCase()),
);

/** Latin words on the page that are not allowed, not codes (with digits, dashes or dots) and not the data's. */
async function englishWords(page: Page, data: string[]): Promise<string[]> {
  // Stored data shown as stored (the audit log's row values) is data, not interface.
  await page.evaluate(() => {
    for (const node of document.querySelectorAll<HTMLElement>('.audit-data')) node.style.display = 'none';
  });
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point, hidden nodes are not
  const text = await page.locator('body').innerText();
  const words = text.match(/[A-Za-z][A-Za-z'’]+/g) ?? [];
  const fromData = new Set(data.flatMap((d) => d.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()));
  const codes = new Set(
    (text.match(/[\w.@-]*\d[\w.@-]*|[\w-]+[.@][\w.-]+/g) ?? []).flatMap((c) => c.match(/[A-Za-z]+/g) ?? []),
  );
  return [
    ...new Set(
      words.filter((w) => !ALLOWED.has(w.toLowerCase()) && !fromData.has(w.toLowerCase()) && !codes.has(w)),
    ),
  ];
}

describe('zh-CN screens in Chinese', () => {
  const env = useBrowserEnv();
  const today = todayIn('Asia/Shanghai');

  it('shows no English words on the named screens', { timeout: 600_000 }, async () => {
    const db = env().store.db;
    await createUser(db, SYSTEM_ACTOR, {
      username: ADMIN.username,
      displayName: '语言管理员',
      password: ADMIN.password,
      roles: [{ role: 'admin' }],
    });
    await ensureDefaultStrategies(db);
    await activate(db, 'standard');
    const entityId = await addEntity(db, '华东制造有限公司');
    const customerId = await addCustomer(db, { name: '苏州精工机械有限公司' });
    await addInvoice(db, {
      entityId,
      customerId,
      dueDate: addDays(today, -20),
      amount: 4_567_800,
      number: 'FP-1',
    });
    await runEngine(db, { asOf: today, kind: 'full' });

    const page = await env().open('/login', { signedIn: false, locale: 'zh-CN' });
    expect((await page.request.post('/api/auth/login', { data: ADMIN })).ok()).toBe(true);
    const cases = (await (await page.request.get('/api/collections/cases')).json()).items;
    const ourCase = cases.find((c: { customer: { id: number } }) => c.customer.id === customerId);
    const strategies = (await (await page.request.get('/api/collections/strategies')).json()).items;
    const standard = strategies.find(
      (s: { name: string; active: boolean }) => s.name === 'standard' && s.active,
    );
    // Names and codes the fixtures gave (customers, users), which are data, not interface.
    const customers = (await (await page.request.get('/api/customers?limit=100')).json()).items;
    const data = [
      ...customers.flatMap((c: { code: string; name: string }) => [c.code, c.name]),
      ADMIN.username,
      'finance.qa',
      'postgres', // the database login of changes made outside the application
    ];

    const found: Record<string, string[]> = {};
    const screens: [string, (p: Page) => Promise<void>][] = [
      [
        '/imports',
        async (p) => {
          // Through the wizard to a refused row: field descriptions, field names and the reason.
          await p.getByTestId('import-kind').getByText('发票/应收单').click();
          await p.locator('input[type=file]').setInputFiles({
            name: '应收明细.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(
              '客户编码,客户名称,发票号,开票日期,到期日,金额,币种\r\nC900,深圳华南电子,IMP-9,2024-02-30,2024-03-30,800.50,CNY\r\n',
            ),
          });
          await p.getByTestId('mapping-table').waitFor();
          found['/imports (mapping)'] = await englishWords(p, data);
          await p.getByTestId('import-validate').click();
          await p.getByTestId('import-errors').waitFor();
        },
      ],
      [
        '/analytics/provisions',
        async (p) => {
          await p.locator('.ant-table-row').first().waitFor();
        },
      ],
      [
        '/analytics/performance',
        async (p) => {
          await p.locator('.ant-table-row').first().waitFor();
        },
      ],
      [
        `/collections/cases/${ourCase.id}`,
        async (p) => {
          await p.getByText('苏州精工机械有限公司').first().waitFor();
          for (const tab of await p.getByRole('tab').all()) {
            await tab.click();
            await p.waitForTimeout(300);
          }
        },
      ],
      [
        '/collections/strategies',
        async (p) => {
          await p.locator('.ant-table-row').first().waitFor();
        },
      ],
      [
        `/collections/strategies/${standard.id}`,
        async (p) => {
          await p.locator('.ant-table-row').first().waitFor();
        },
      ],
      [
        '/admin/audit',
        async (p) => {
          await p.locator('.ant-table-row').first().waitFor();
        },
      ],
    ];
    for (const [path, ready] of screens) {
      await page.goto(path);
      await ready(page);
      await page.waitForTimeout(500);
      const words = await englishWords(page, data);
      if (words.length > 0) found[path] = words;
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, words]) => words.length > 0))).toEqual({});
  });
});
