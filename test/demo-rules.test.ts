// Pure parts of the demo generator: PRNG, 统一社会信用代码, invoice counts, profiles, COPY text, rates,
// and determinism of the whole stream without a database.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { copyLine, GenContext, TABLES, textArray } from '../src/demo/context';
import { generateDemo, invoiceCounts } from '../src/demo/generate';
import { createRng, rngFor } from '../src/demo/prng';
import { chooseProfile, planInvoice } from '../src/demo/profiles';
import { demoExchangeRates } from '../src/demo/rates';
import { isValidUscc, makeUscc, orgCodeCheck, usccCheck } from '../src/demo/uscc';
import { fromDayNumber, toDayNumber } from '../src/shared/dates';

function streamDigest(seed: number, asOf: string, customers = 40, invoices = 1500): Record<string, string> {
  const ctx = new GenContext(
    { customers, invoices, seed, asOf, months: 24 },
    { domestic: { id: 1, code: 'CN01' }, export: { id: 2, code: 'HK01' } },
    { salespeople: [1, 2, 3], collectors: [4, 5] },
    Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<(typeof TABLES)[number], number>,
  );
  const hashes = Object.fromEntries(TABLES.map((t) => [t, createHash('sha256')]));
  for (const batch of generateDemo(ctx, 300))
    for (const t of TABLES) hashes[t].update(batch.rows[t].join(''));
  return Object.fromEntries(TABLES.map((t) => [t, hashes[t].digest('hex')]));
}

describe('prng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(rngFor(1, 2).next()).toBe(rngFor(1, 2).next());
  });

  it('keeps int() within bounds, both inclusive', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('统一社会信用代码', () => {
  it('accepts a published example and computes both check characters', () => {
    expect(orgCodeCheck('M000100Y')).toBe('4');
    expect(usccCheck('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });

  it('builds valid 18-character codes for a city', () => {
    const code = makeUscc('320500', 12_345_678);
    expect(code).toMatch(/^91320500\d{8}[0-9X][0-9A-HJ-NPQRTUWXY]$/);
    expect(isValidUscc(code)).toBe(true);
  });
});

describe('invoiceCounts', () => {
  it('sums exactly to the total, gives everyone at least one and is skewed', () => {
    const counts = invoiceCounts(1000, 40_000, 9);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40_000);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeGreaterThan(120); // a few big accounts, mean is 40
  });

  it('gives some customers none when there are fewer invoices than customers', () => {
    const counts = invoiceCounts(10, 4, 1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('profiles', () => {
  const asOf = toDayNumber('2025-06-30');
  const isoOf = (d: number) => fromDayNumber(d);
  const inv = { issueDay: asOf - 200, dueDay: asOf - 140, amount: 1_000_000 };

  it('prompt customers pay within days of the due date, in full', () => {
    const rng = createRng(3);
    const p = chooseProfile(rng, 'prompt', asOf, isoOf);
    for (let i = 0; i < 200; i++) {
      const plan = planInvoice(rng, { ...p, disputeRate: 0 }, inv, toDayNumber);
      const paid = plan.settlements.reduce((s, x) => s + x.amount, 0);
      expect(paid).toBe(1_000_000);
      const pay = plan.settlements.find((x) => x.kind === 'pay')!;
      expect(pay.day - inv.dueDay).toBeGreaterThanOrEqual(-7);
      expect(pay.day - inv.dueDay).toBeLessThanOrEqual(25);
    }
  });

  it('slow customers pay 5 to 30 days late', () => {
    const rng = createRng(4);
    const p = chooseProfile(rng, 'slow', asOf, isoOf);
    const lates = Array.from({ length: 200 }, () => {
      const plan = planInvoice(rng, { ...p, disputeRate: 0 }, inv, toDayNumber);
      return plan.settlements.at(-1)!.day - inv.dueDay;
    });
    expect(Math.min(...lates)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...lates)).toBeLessThanOrEqual(30);
  });

  it('deadbeats pay at most a token after they stopped', () => {
    const rng = createRng(5);
    const p = chooseProfile(rng, 'deadbeat', asOf, isoOf);
    const after = {
      issueDay: toDayNumber(p.stoppedPayingOn!) + 1,
      dueDay: toDayNumber(p.stoppedPayingOn!) + 31,
      amount: 1_000_000,
    };
    for (let i = 0; i < 200; i++) {
      const plan = planInvoice(rng, { ...p, disputeRate: 0 }, after, toDayNumber);
      const paid = plan.settlements.reduce((s, x) => s + x.amount, 0);
      expect(paid).toBeLessThanOrEqual(200_000);
    }
  });

  it('disputed invoices are settled by payment or credit note after months', () => {
    const rng = createRng(6);
    const p = chooseProfile(rng, 'disputing', asOf, isoOf);
    const plan = planInvoice(rng, { ...p, disputeRate: 1 }, inv, toDayNumber);
    expect(plan.disputeResolvedDay! - inv.dueDay).toBeGreaterThanOrEqual(30);
    expect(plan.settlements.reduce((s, x) => s + x.amount, 0)).toBe(1_000_000);
  });

  it('seasonal customers move payments out of their tight months', () => {
    const rng = createRng(8);
    const p = { ...chooseProfile(rng, 'seasonal', asOf, isoOf), tightMonths: [1, 2], disputeRate: 0 };
    const january = {
      issueDay: toDayNumber('2024-11-20'),
      dueDay: toDayNumber('2025-01-10'),
      amount: 500_000,
    };
    const plan = planInvoice(rng, p, january, toDayNumber);
    expect(fromDayNumber(plan.settlements.at(-1)!.day).slice(0, 7)).toBe('2025-03');
  });
});

describe('COPY text', () => {
  it('escapes tabs, newlines and backslashes and writes \\N for null', () => {
    expect(copyLine([1, 'a\tb', null, true, 'x\\y\nz'])).toBe('1\ta\\tb\t\\N\tt\tx\\\\y\\nz\n');
    expect(textArray(['CN01-2501-0000001', 'A B'])).toBe('{CN01-2501-0000001,"A B"}');
  });
});

describe('exchange rates', () => {
  it('covers every month with USD, EUR and cross rates as 4-decimal strings', () => {
    const rows = demoExchangeRates(1, '2024-11', '2025-02');
    expect(rows).toHaveLength(16);
    expect(new Set(rows.map((r) => r.rate_date))).toEqual(
      new Set(['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01']),
    );
    const usd = rows.find((r) => r.from_currency === 'USD')!;
    expect(usd.rate).toMatch(/^[67]\.\d{4}$/);
  });
});

describe('the generated stream', () => {
  it('is identical for the same seed and as-of date, and differs for another seed', () => {
    const a = streamDigest(11, '2025-06-30');
    expect(streamDigest(11, '2025-06-30')).toEqual(a);
    const other = streamDigest(12, '2025-06-30');
    expect(other.invoice).not.toBe(a.invoice);
    expect(streamDigest(11, '2025-07-31').invoice).not.toBe(a.invoice);
  });
});
