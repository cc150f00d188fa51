import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { convertAmount, loadRateBook } from '../../src/ledger/reference/convert-amount';
import { createEntity } from '../../src/ledger/reference/create-entity';
import { listCurrencies } from '../../src/ledger/reference/list-currencies';
import { listEntities } from '../../src/ledger/reference/list-entities';
import { listExchangeRates } from '../../src/ledger/reference/list-exchange-rates';
import { listStaff } from '../../src/ledger/reference/list-staff';
import { convertAmountSql } from '../../src/ledger/reference/rate-queries';
import { upsertExchangeRates } from '../../src/ledger/reference/upsert-exchange-rates';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { convertWithRate } from '../../src/shared/money';
import { describeEachStore } from '../support/stores';
import { entityActor } from './customers.fixtures';

describeEachStore('reference data', (store) => {
  const db = () => store().db;

  describe('exchange rates', () => {
    it('upsert by pair and date, and list the rate in force on a date', async () => {
      const first = await upsertExchangeRates(db(), SYSTEM_ACTOR, {
        items: [
          { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-01-01', rate: '7.1000' },
          { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-02-01', rate: 7.25 },
          { fromCurrency: 'JPY', toCurrency: 'CNY', rateDate: '2026-01-01', rate: '0.04785' },
          { fromCurrency: 'CNY', toCurrency: 'EUR', rateDate: '2026-01-01', rate: '0.125' },
        ],
      });
      expect(first).toMatchObject({ inserted: 4, updated: 0 });
      const again = await upsertExchangeRates(db(), SYSTEM_ACTOR, {
        items: [{ fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-02-01', rate: '7.2' }],
      });
      expect(again).toMatchObject({ inserted: 0, updated: 1 });
      const inForce = await listExchangeRates(db(), SYSTEM_ACTOR, { from: 'USD', date: '2026-01-31' });
      expect(inForce.items).toEqual([
        { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-01-01', rate: '7.1' },
      ]);
      const all = await listExchangeRates(db(), SYSTEM_ACTOR, { from: 'USD', to: 'CNY' });
      expect(all.items.map((r) => [r.rateDate, r.rate])).toEqual([
        ['2026-02-01', '7.2'],
        ['2026-01-01', '7.1'],
      ]);
    });

    it('reject bad rows naming them, and write nothing', async () => {
      const error = await upsertExchangeRates(db(), SYSTEM_ACTOR, {
        items: [
          { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-04-01', rate: '7' },
          { fromCurrency: 'USD', toCurrency: 'USD', rateDate: '2026-04-01', rate: '1' },
          { fromCurrency: 'XYZ', toCurrency: 'CNY', rateDate: '2026-02-30', rate: '-1' },
        ],
      }).catch((e) => e);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details.problems.map((p: { field: string }) => p.field)).toEqual([
        'items/1/toCurrency',
        'items/2/rateDate',
        'items/2/fromCurrency',
        'items/2/rate',
      ]);
      const april = await listExchangeRates(db(), SYSTEM_ACTOR, { from: 'USD', date: '2026-04-30' });
      expect(april.items[0].rateDate).toBe('2026-02-01');
    });

    it('convert in SQL exactly as in TypeScript: latest rate on or before the date, half-even', async () => {
      const cases: Array<[number, string, string, string, number | null]> = [
        [10_000, 'USD', 'CNY', '2026-01-31', 71_000],
        [10_000, 'USD', 'CNY', '2026-02-01', 72_000],
        [1, 'JPY', 'CNY', '2026-01-15', 5], // 4.785 fen
        [720, 'CNY', 'USD', '2026-03-01', 100], // reverse quote 7.2
        [1, 'CNY', 'USD', '2026-03-01', 0],
        [-5, 'CNY', 'EUR', '2026-01-01', -1], // -0.625 → -1
        [4, 'CNY', 'EUR', '2026-01-01', 0], // 0.5 → 0 (even)
        [12, 'CNY', 'EUR', '2026-01-01', 2], // 1.5 → 2
        [20, 'EUR', 'CNY', '2026-01-01', 160], // reverse of 0.125 = × 8
        [10_000, 'USD', 'CNY', '2025-12-31', null], // before the first rate
        [555, 'HKD', 'HKD', '2000-01-01', 555],
      ];
      for (const [amount, from, to, date, expected] of cases) {
        const { rows } = await sql<{ v: number | null }>`select ${convertAmountSql(
          sql`${amount}::bigint`,
          sql`${from}`,
          sql`${to}`,
          sql`${date}::date`,
        )} as v`.execute(db());
        expect(rows[0].v, `${amount} ${from}→${to} ${date}`).toBe(expected);
        if (expected === null) {
          await expect(convertAmount(db(), { amount, from, to, date })).rejects.toMatchObject({
            code: 'INVALID_INPUT',
          });
        } else {
          expect(await convertAmount(db(), { amount, from, to, date })).toBe(expected);
        }
      }
      const book = await loadRateBook(db(), ['USD', 'CNY', 'EUR', 'JPY'], '2026-12-31');
      expect(book.convert(720, 'CNY', 'USD', '2026-03-01')).toBe(100);
      expect(book.convert(1, 'JPY', 'CNY', '2026-01-15')).toBe(5);
    });

    it('agree with TypeScript on a grid of amounts and rates', async () => {
      const rates = ['7.1234', '0.0478', '0.5', '1.000001', '123.456789012'];
      const amounts = [1, 2, 3, 5, 99, 12_345, -12_345, 987_654_321];
      const { rows } = await sql<{ amount: number; rate: string; v: number }>`
        select a.amount, r.rate, div_half_even(a.amount * r.rate::numeric, 1)::bigint as v
        from unnest(${amounts}::bigint[]) as a(amount) cross join unnest(${rates}::text[]) as r(rate)`.execute(
        db(),
      );
      for (const row of rows) {
        expect(row.v, `${row.amount} × ${row.rate}`).toBe(
          convertWithRate(row.amount, 'USD', 'CNY', row.rate),
        );
      }
      expect(rows).toHaveLength(rates.length * amounts.length);
    });
  });

  describe('entities, currencies and staff', () => {
    it('creates an entity, lists it, and refuses a duplicate code or bad fields', async () => {
      const sz = await createEntity(db(), SYSTEM_ACTOR, {
        code: 'SZ1',
        name: '深圳公司',
        baseCurrency: 'cny',
      });
      expect(sz).toEqual({
        id: expect.any(Number),
        code: 'SZ1',
        name: '深圳公司',
        baseCurrency: 'CNY',
        country: 'CN',
        timeZone: 'Asia/Shanghai',
      });
      await expect(
        createEntity(db(), SYSTEM_ACTOR, { code: 'SZ1', name: 'x', baseCurrency: 'CNY' }),
      ).rejects.toMatchObject({ code: 'CONFLICT', message: 'Entity code SZ1 already exists' });
      const bad = await createEntity(db(), SYSTEM_ACTOR, {
        code: 'X',
        name: 'x',
        baseCurrency: 'XYZ',
        timeZone: 'Nowhere',
      }).catch((e) => e);
      expect(bad.details.problems.map((p: { field: string }) => p.field)).toEqual(['timeZone']);
      const unknown = await createEntity(db(), SYSTEM_ACTOR, {
        code: 'X',
        name: 'x',
        baseCurrency: 'XYZ',
      }).catch((e) => e);
      expect(unknown.details.problems).toEqual([
        { field: 'baseCurrency', value: 'XYZ', reason: 'is not a known currency' },
      ]);
      const hk = await createEntity(db(), SYSTEM_ACTOR, {
        code: 'HK1',
        name: '香港公司',
        baseCurrency: 'HKD',
        country: 'hk',
        timeZone: 'Asia/Hong_Kong',
      });
      expect((await listEntities(db(), SYSTEM_ACTOR)).items.map((e) => e.code)).toEqual(['HK1', 'SZ1']);
      expect((await listEntities(db(), entityActor([hk.id]))).items.map((e) => e.code)).toEqual(['HK1']);
    });

    it('lists currencies with minor units and staff for pickers', async () => {
      const currencies = (await listCurrencies(db(), SYSTEM_ACTOR)).items;
      expect(currencies.find((c) => c.code === 'JPY')).toEqual({
        code: 'JPY',
        minorUnits: 0,
        name: 'Japanese yen',
      });
      const users = await db()
        .insertInto('app_user')
        .values([
          { username: 'ref-li', display_name: '李四' },
          { username: 'ref-zhang', display_name: '张三' },
          { username: 'ref-wang', display_name: '王五' },
        ])
        .returning('id')
        .execute();
      // Pickers list collectors and salespeople only (王五 holds no such role).
      await db()
        .insertInto('user_role')
        .values([
          { user_id: users[0].id, role: 'collector', entity_id: null },
          { user_id: users[1].id, role: 'salesperson', entity_id: null },
        ])
        .execute();
      const staff = (await listStaff(db(), SYSTEM_ACTOR, {})).items;
      expect(staff.map((s) => s.displayName).sort()).toEqual(['张三', '李四']);
      expect((await listStaff(db(), SYSTEM_ACTOR, { q: '张' })).items.map((s) => s.displayName)).toEqual([
        '张三',
      ]);
    });
  });
});
