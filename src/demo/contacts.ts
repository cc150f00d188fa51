// The contacts (联系人) of a demo customer: 财务 (finance, primary), 采购 (purchasing), the owner (老板) or the
// legal representative (法人), sometimes a cashier (出纳) and a personal guarantor (担保人); foreign customers
// have accounts payable and a buyer. A few refuse contact (拒绝联系) or SMS.
import type { GenContext } from './context';
import type { City, Market } from './geography';
import { chineseMobile, chinesePersonName, emailLocalPart, foreignPersonName, landline } from './names';
import type { Rng } from './prng';
import type { DemoProfile } from './profiles';

type ContactRow = {
  name: string;
  role: string;
  title: string;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  hours: string | null;
  language: string;
  primary: boolean;
};

function writeContacts(ctx: GenContext, rng: Rng, customerId: number, rows: ContactRow[], sinceDay: number) {
  const names = new Set<string>();
  const created = ctx.stamp(Math.min(sinceDay, ctx.startDay) - 10);
  for (const row of rows) {
    if (names.has(row.name)) continue; // (customer, name) is unique
    names.add(row.name);
    const channels = { email: row.email !== null, sms: rng.chance(0.9), phone: true, letter: true };
    ctx.push('contact', [
      ctx.nextId('contact'),
      customerId,
      row.name,
      row.role,
      row.title,
      row.phone,
      row.mobile,
      row.email,
      row.wechat,
      JSON.stringify(channels),
      rng.chance(0.03), // 拒绝联系
      row.hours,
      row.language,
      row.primary,
      created,
      created,
    ]);
  }
}

export function writeChineseContacts(
  ctx: GenContext,
  rng: Rng,
  id: number,
  city: City,
  p: DemoProfile,
  since: number,
) {
  const person = (role: string, title: string, primary: boolean, withLandline: boolean): ContactRow => {
    const name = chinesePersonName(rng);
    const mobile = chineseMobile(rng);
    return {
      name,
      role,
      title,
      phone: withLandline ? landline(rng, city.areaCode) : null,
      mobile,
      email: rng.chance(0.8)
        ? `${emailLocalPart(name, id)}@${rng.pick(['163.com', 'qq.com', '126.com', 'sina.com'])}`
        : null,
      wechat: rng.chance(0.7) ? mobile : null,
      hours: rng.chance(0.4) ? '08:30-17:30' : null,
      language: 'zh-CN',
      primary,
    };
  };
  const rows = [
    person('finance', '财务经理', true, true),
    person('purchasing', '采购主管', false, rng.chance(0.5)),
  ];
  rows.push(
    rng.chance(0.5)
      ? person('owner', '总经理（老板）', false, false)
      : person('legal_rep', '法定代表人', false, false),
  );
  if (rng.chance(0.25)) rows.push(person('finance', '出纳', false, true));
  // Riskier customers more often gave a personal guarantee (担保人) when credit was granted.
  if (rng.chance(p.profile === 'deadbeat' || p.profile === 'deteriorating' ? 0.4 : 0.08)) {
    rows.push(person('guarantor', '担保人', false, false));
  }
  writeContacts(ctx, rng, id, rows, since);
}

export function writeForeignContacts(
  ctx: GenContext,
  rng: Rng,
  id: number,
  m: Market,
  company: string,
  since: number,
) {
  const slug = company
    .toLowerCase()
    .replace(/[^a-z]+/g, '')
    .slice(0, 16);
  const person = (role: string, title: string, box: string, primary: boolean): ContactRow => ({
    name: foreignPersonName(rng),
    role,
    title,
    phone: `${m.phonePrefix} ${rng.int(100, 999)} ${rng.int(1000000, 9999999)}`,
    mobile: null,
    email: `${box}@${slug}.${m.domain}`,
    wechat: null,
    hours: '09:00-17:00',
    language: m.language,
    primary,
  });
  writeContacts(
    ctx,
    rng,
    id,
    [person('finance', 'Accounts Payable', 'ap', true), person('purchasing', 'Buyer', 'purchasing', false)],
    since,
  );
}
