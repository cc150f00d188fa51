// Customers (with staff named by the ERP and group parents) and contacts.
import { expect, it } from 'vitest';
import { describeEachStore } from '../support/stores';
import { fixture, runImport, tempFile } from './import.fixtures';

describeEachStore('import customers and contacts', (store) => {
  it('loads customers, creating the staff they name and linking group parents from the same file', async () => {
    const report = await runImport(store(), 'customers', fixture('customers.csv'));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ status: 'loaded', inserted: 3, updated: 0, created: { staff: 3 } });
    const rows = await store()
      .db.selectFrom('customer as c')
      .leftJoin('customer as p', 'p.id', 'c.parent_id')
      .leftJoin('app_user as s', 's.id', 'c.salesperson_id')
      .leftJoin('app_user as k', 'k.id', 'c.collector_id')
      .select([
        'c.code',
        'c.name',
        'c.tax_id',
        'c.region',
        'c.payment_terms_days',
        'p.code as parent',
        's.username as sales',
        'k.username as collector',
      ])
      .orderBy('c.code')
      .execute();
    expect(rows).toEqual([
      {
        code: 'C001',
        name: '上海甲公司',
        tax_id: '91310000MA1FL0002X',
        region: '华东',
        payment_terms_days: 30,
        parent: 'G001',
        sales: '张三',
        collector: '李四',
      },
      {
        code: 'C002',
        name: '北京乙公司',
        tax_id: null,
        region: '华北',
        payment_terms_days: 45,
        parent: null,
        sales: '王五',
        collector: null,
      },
      {
        code: 'G001',
        name: '甲集团',
        tax_id: '91310000MA1FL0001X',
        region: '华东',
        payment_terms_days: 60,
        parent: null,
        sales: '张三',
        collector: '李四',
      },
    ]);
  });

  it('re-import changes nothing; a changed customer is updated; staff match by display name', async () => {
    const same = await runImport(store(), 'customers', fixture('customers.csv'));
    expect(same).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, created: { staff: 0 } });
    await store()
      .db.updateTable('app_user')
      .set({ display_name: '赵六' })
      .where('username', '=', '王五')
      .execute();
    const path = tempFile(
      'customers2.csv',
      '客户编码,客户名称,上级客户编码,业务员\nC002,北京乙公司,G001,赵六\n',
    );
    const report = await runImport(store(), 'customers', path);
    expect(report).toMatchObject({ inserted: 0, updated: 1, created: { staff: 0 } });
    const c2 = await store()
      .db.selectFrom('customer')
      .selectAll()
      .where('code', '=', 'C002')
      .executeTakeFirstOrThrow();
    const wang = await store()
      .db.selectFrom('app_user')
      .select('id')
      .where('username', '=', '王五')
      .executeTakeFirstOrThrow();
    expect([c2.salesperson_id, c2.region, c2.payment_terms_days]).toEqual([wang.id, '华北', 45]);
  });

  it('reports an unknown parent and a duplicate code', async () => {
    const path = tempFile(
      'customers3.csv',
      '客户编码,客户名称,上级客户编码\nC005,戊公司,NOPE\nC005,戊公司,\n',
    );
    const report = await runImport(store(), 'customers', path);
    expect(report.errors).toEqual([
      { line: 2, field: 'parent_code', value: 'NOPE', reason: 'unknown parent customer "NOPE"' },
      { line: 3, field: 'customer_code', value: 'C005', reason: 'duplicate of line 2' },
    ]);
  });

  it('reads countries as ISO codes or as their names in Chinese and English', async () => {
    const rows = [
      ['K01', 'CN'],
      ['K02', 'cn'],
      ['K03', '中国大陆'],
      ['K04', 'China'],
      ['K05', ' 香港 '],
      ['K06', 'Hong Kong'],
      ['K07', 'united states'],
      ['K08', '德国'],
      ['K09', 'USA'],
    ];
    const path = tempFile(
      'countries.csv',
      ['客户编码,客户名称,国家', ...rows.map(([code, country]) => `${code},公司${code},${country}`)].join(
        '\n',
      ),
    );
    const report = await runImport(store(), 'customers', path);
    expect(report.errors).toEqual([]);
    const stored = await store()
      .db.selectFrom('customer')
      .select(['code', 'country'])
      .where('code', 'like', 'K0%')
      .orderBy('code')
      .execute();
    expect(stored.map((c) => c.country)).toEqual(['CN', 'CN', 'CN', 'CN', 'HK', 'HK', 'US', 'DE', 'US']);
    const bad = tempFile('countries-bad.csv', '客户编码,客户名称,国家\nK10,公司K10,Narnia\nK11,公司K11,C\n');
    expect((await runImport(store(), 'customers', bad)).errors).toEqual([
      {
        line: 2,
        field: 'country',
        value: 'Narnia',
        reason: 'not a country: give its 2-letter ISO code (CN) or its name (中国, China)',
      },
      {
        line: 3,
        field: 'country',
        value: 'C',
        reason: 'not a country: give its 2-letter ISO code (CN) or its name (中国, China)',
      },
    ]);
  });

  it('loads contacts keyed by customer and name, reading roles and hours as people write them', async () => {
    const report = await runImport(store(), 'contacts', fixture('contacts.csv'));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ inserted: 2 });
    const contacts = await store()
      .db.selectFrom('contact')
      .select(['name', 'role', 'title', 'mobile', 'email', 'preferred_hours', 'is_primary'])
      .orderBy('name')
      .execute();
    expect(contacts).toEqual([
      {
        name: '刘会计',
        role: 'finance',
        title: '财务经理',
        mobile: '13800000001',
        email: 'liu@example.com',
        preferred_hours: '09:00-17:30',
        is_primary: true,
      },
      {
        name: '陈总',
        role: 'owner',
        title: '总经理',
        mobile: '13800000002',
        email: null,
        preferred_hours: null,
        is_primary: false,
      },
    ]);
    expect(await runImport(store(), 'contacts', fixture('contacts.csv'))).toMatchObject({ unchanged: 2 });
  });
});
