// The demo's reference rows, written with ordinary inserts (they are few): the two selling entities and
// the staff (业务员 salespeople, 催收员 collectors). Existing rows with the same code or username are
// reused, so a demo login created by the auth module is the collector its customers are assigned to.
import type { Db } from '../platform/db/store';
import type { EntityRef } from './context';
import { chinesePersonName } from './names';
import { createRng, mix32 } from './prng';

export const DEMO_ENTITIES = [
  {
    code: 'CN01',
    name: '华东精密机械制造有限公司',
    base_currency: 'CNY',
    country: 'CN',
    time_zone: 'Asia/Shanghai',
  },
  {
    code: 'HK01',
    name: '华东精密（香港）国际贸易有限公司 Huadong Precision (HK) Trading Ltd.',
    base_currency: 'USD',
    country: 'HK',
    time_zone: 'Asia/Hong_Kong',
  },
] as const;

export async function ensureEntities(db: Db): Promise<{ domestic: EntityRef; export: EntityRef }> {
  await db
    .insertInto('entity')
    .values(DEMO_ENTITIES.map((e) => ({ ...e })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const rows = await db
    .selectFrom('entity')
    .select(['id', 'code'])
    .where(
      'code',
      'in',
      DEMO_ENTITIES.map((e) => e.code),
    )
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return { domestic: byCode.get('CN01')!, export: byCode.get('HK01')! };
}

export function staffCounts(customers: number): { salespeople: number; collectors: number } {
  const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
  return {
    salespeople: clamp(Math.ceil(customers / 40), 3, 60),
    collectors: clamp(Math.ceil(customers / 100), 2, 30),
  };
}

export async function ensureStaff(
  db: Db,
  seed: number,
  customers: number,
): Promise<{ salespeople: number[]; collectors: number[] }> {
  const rng = createRng(mix32(seed, 0x5354_4146));
  const counts = staffCounts(customers);
  const users = (prefix: string, n: number, title: string) =>
    Array.from({ length: n }, (_, i) => {
      const username = `${prefix}${String(i + 1).padStart(2, '0')}`;
      return {
        username,
        display_name: `${chinesePersonName(rng)}（${title}）`,
        email: `${username}@huadong-precision.cn`,
      };
    });
  const sales = users('sales', counts.salespeople, '业务员');
  const collectors = users('collector', counts.collectors, '催收员');
  await db
    .insertInto('app_user')
    .values([...sales, ...collectors])
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where(
      'username',
      'in',
      [...sales, ...collectors].map((u) => u.username),
    )
    .execute();
  const ids = new Map(rows.map((r) => [r.username, r.id]));
  return {
    salespeople: sales.map((u) => ids.get(u.username)!),
    collectors: collectors.map((u) => ids.get(u.username)!),
  };
}
