// Pure parts: strategy selection by rules, exact currency conversion, template rendering, recipients,
// and the simulator's customer behaviour.
import { describe, expect, it } from 'vitest';
import { chooseRecipients } from '../../src/collections/engine/recipients';
import type { ContactRow } from '../../src/collections/engine/snapshot-queries';
import {
  afterTouch,
  behaviourOf,
  draw,
  naturalPayDay,
  payDayFrom,
} from '../../src/collections/simulator/behaviour';
import { STANDARD } from '../../src/collections/strategy/default-strategies';
import { type PreviewFacts, previewEntity } from '../../src/collections/strategy/preview-strategy';
import { type StrategyRule, selectStrategyName } from '../../src/collections/strategy/select-strategy';
import { renderTemplate } from '../../src/collections/templates/render';
import { convertMinor, totalIn } from '../../src/shared/money';

const rule = (over: Partial<StrategyRule>): StrategyRule => ({
  id: 1,
  priority: 100,
  strategyName: 'standard',
  segment: null,
  grade: null,
  language: null,
  minAmount: null,
  maxAmount: null,
  amountCurrency: 'CNY',
  ...over,
});

describe('strategy selection', () => {
  const rules = [
    rule({ id: 1, priority: 10, strategyName: 'high-risk', grade: 'C' }),
    rule({ id: 2, priority: 20, strategyName: 'standard-en', language: 'en' }),
    rule({ id: 3, priority: 30, strategyName: 'key-account', minAmount: 100_000_00 }),
    rule({ id: 4, priority: 1000, strategyName: 'standard' }),
  ];
  const active = new Set(['high-risk', 'standard-en', 'key-account', 'standard']);
  const facts = (over: Partial<Parameters<typeof selectStrategyName>[0]>) => ({
    segment: null,
    grade: null,
    language: 'zh-CN',
    amountIn: () => 5_000_00,
    ...over,
  });

  it('takes the first matching rule by priority, then the fallback', () => {
    expect(
      selectStrategyName(facts({ grade: 'C', language: 'en-US' }), rules, null, active, 'standard'),
    ).toBe('high-risk');
    expect(selectStrategyName(facts({ language: 'en-US' }), rules, null, active, 'standard')).toBe(
      'standard-en',
    );
    expect(selectStrategyName(facts({ amountIn: () => 200_000_00 }), rules, null, active, 'standard')).toBe(
      'key-account',
    );
    expect(selectStrategyName(facts({ amountIn: () => null }), rules, null, active, 'standard')).toBe(
      'standard',
    );
  });

  it('honours an override, and passes over strategies that are off', () => {
    expect(selectStrategyName(facts({ grade: 'C' }), rules, 'key-account', active, 'standard')).toBe(
      'key-account',
    );
    const someOff = new Set(['standard']);
    expect(selectStrategyName(facts({ grade: 'C' }), rules, 'key-account', someOff, 'standard')).toBe(
      'standard',
    );
    expect(selectStrategyName(facts({}), rules, null, new Set(), 'standard')).toBeNull();
  });
});

describe('conversion', () => {
  const rates = new Map([
    ['USD>CNY', '7.1000'],
    ['JPY>CNY', '0.048500'],
  ]);
  it('converts minor units exactly, both ways and across decimals', () => {
    expect(convertMinor(100_00, 'USD', 'CNY', rates)).toBe(710_00);
    expect(convertMinor(710_00, 'CNY', 'USD', rates)).toBe(100_00);
    expect(convertMinor(10_000, 'JPY', 'CNY', rates)).toBe(485_00); // ¥10,000 → CNY 485.00
    expect(convertMinor(1, 'USD', 'EUR', rates)).toBeNull();
    expect(
      totalIn(
        [
          { currency: 'CNY', amount: 1_00 },
          { currency: 'USD', amount: 1_00 },
        ],
        'CNY',
        rates,
      ),
    ).toBe(8_10);
  });
});

describe('templates', () => {
  const ctx = {
    locale: 'zh-CN',
    asOf: '2026-03-12',
    customerName: '苏州精工',
    customerCode: 'C1',
    contactName: '李会计',
    entityName: '华东制造',
    invoices: [
      {
        id: 1,
        number: 'INV-1',
        dueDate: '2026-03-10',
        currency: 'CNY',
        openAmount: 1_234_567,
        daysPastDue: 2,
      },
    ],
    totals: [{ currency: 'CNY', open: 1_234_567, overdue: 1_234_567, dueSoon: 0, disputed: 0 }],
    oldestDaysPastDue: 2,
    nextDueOn: null,
  };
  it('renders totals, the invoice table and the tone in each language', () => {
    const zh = renderTemplate('overdue_notice', ctx);
    expect(zh.subject).toBe('逾期账款通知：苏州精工');
    expect(zh.tone).toBe('firm');
    expect(zh.body).toContain('逾期金额合计 CNY 12,345.67');
    expect(zh.body).toMatch(/INV-1\s+2026-03-10\s+CNY\s+12,345.67\s+2/);
    const en = renderTemplate('final_demand', { ...ctx, locale: 'en' });
    expect(en.tone).toBe('formal');
    expect(en.body).toContain('you owe 华东制造 CNY 12,345.67, the oldest amount 2 days past due');
    const sms = renderTemplate('sms_overdue', ctx);
    expect(sms.body).toBe(
      '【华东制造】苏州精工您好，贵司CNY 12,345.67账款已逾期2天，请尽快安排付款，如有疑问请联系我们。',
    );
  });
});

describe('recipients', () => {
  const contact = (over: Partial<ContactRow>): ContactRow => ({
    id: 1,
    customer_id: 1,
    name: 'A',
    role: 'finance',
    email: 'a@x.cn',
    mobile: '138',
    channels: { email: true, sms: true, phone: true, letter: true },
    language: null,
    is_primary: false,
    ...over,
  });
  it('addresses consenting debtor contacts only, guarantors only under pressure', () => {
    const contacts = [
      contact({ id: 1, name: 'sales', role: 'sales' }),
      contact({ id: 2, name: 'no sms', channels: { sms: false } }),
      contact({ id: 3, name: 'guarantor', role: 'guarantor' }),
      contact({ id: 4, name: 'primary owner', role: 'owner', is_primary: true }),
    ];
    expect(chooseRecipients(contacts, 'email', 'early').map((r) => r.name)).toEqual([
      'primary owner',
      'no sms',
    ]);
    expect(chooseRecipients(contacts.slice(0, 3), 'sms', 'early').map((r) => r.name)).toEqual([]);
    expect(chooseRecipients(contacts.slice(0, 3), 'sms', 'strong').map((r) => r.name)).toEqual(['guarantor']);
  });
});

describe('simulated behaviour', () => {
  it('is deterministic, follows the demo profile and responds to touches', () => {
    expect(draw(1, 2, 3)).toBe(draw(1, 2, 3));
    expect(draw(1, 2, 3)).not.toBe(draw(1, 2, 4));
    const slow = behaviourOf({ demoProfile: { profile: 'slow', lateDays: [20, 40] } }, null);
    expect(slow.profile).toBe('slow');
    const day = naturalPayDay(slow, 1, 42, 1000);
    expect(day).toBe(naturalPayDay(slow, 1, 42, 1000));
    if (Number.isFinite(day)) expect(day - 1000).toBeGreaterThanOrEqual(20);
    // 30 days left, responsiveness 0.3 × call weight 0.25: 30 × 0.925 → 28 days.
    expect(afterTouch(1030, 1000, slow, 0.25)).toBe(1028);
    expect(afterTouch(1001, 1000, slow, 0.25)).toBe(1001);
    const fitted = behaviourOf({}, { p25: 3, p75: 12, unpaidShare: 0.1 });
    expect(fitted).toMatchObject({ profile: 'fitted', lateDays: [3, 12], neverPays: 0.1 });
  });

  it('draws the payment day of an invoice still unpaid at the start knowing it is unpaid', () => {
    const start = 2000;
    const slow = behaviourOf({ demoProfile: { profile: 'slow', lateDays: [10, 40] } }, null);
    const days: number[] = [];
    for (let id = 1; id <= 400; id++) {
      // Due 20 to 80 days before the start: for most, the profile's day has passed, unpaid.
      const due = start - 20 - (id % 61);
      const day = payDayFrom(slow, 7, id, due, start);
      expect(day).toBe(payDayFrom(slow, 7, id, due, start)); // deterministic by seed
      const natural = naturalPayDay(slow, 7, id, due);
      if (natural >= start)
        expect(day).toBe(natural); // a day still ahead is kept
      else if (due + 40 >= start) expect(day).toBeLessThanOrEqual(due + 40); // within what the profile allows
      if (Number.isFinite(day)) days.push(day);
      expect(day).toBeGreaterThanOrEqual(start); // never before the start: it was unpaid then
    }
    // Not all on the first day (taking the passed day as it was paid them all there), but spread out.
    const first = days.filter((d) => d === start).length;
    expect(first / days.length).toBeLessThan(0.1);
    expect(new Set(days).size).toBeGreaterThan(20);
    expect(payDayFrom(slow, 8, 1, start - 30, start)).not.toBe(payDayFrom(slow, 9, 1, start - 30, start));
  });
});

describe('strategy preview (the case view’s next steps)', () => {
  const strategy = { ...STANDARD, id: 1, version: 1, active: true };
  const facts: PreviewFacts = {
    customer: { id: 1, code: 'C1', name: '华东客户', language: 'zh-CN', collector_id: null, grade: null },
    entityId: 1,
    entityName: '华东制造有限公司',
    kase: null,
    invoices: [
      {
        id: 1,
        number: 'INV-1',
        issueDate: '2025-05-01',
        dueDate: '2025-07-10',
        currency: 'CNY',
        openAmount: 1_000_000,
        daysPastDue: 0,
        disputed: false,
      },
    ],
    contacts: [],
    fired: new Set<string>(),
    promises: [],
    rates: new Map(),
  };
  const input = { strategy, customerId: 1, from: '2025-06-30', days: 120, render: false };

  it('stops once it has the steps asked for, and they are the first ones of the whole preview', () => {
    const all = previewEntity(input, facts);
    expect(all.length).toBeGreaterThan(3);
    const first = previewEntity({ ...input, limit: 3 }, facts);
    expect(first.length).toBeGreaterThanOrEqual(3);
    expect(first.length).toBeLessThan(all.length);
    expect(first).toEqual(all.slice(0, first.length));
  });
});
