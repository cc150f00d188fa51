import { describe, expect, it } from 'vitest';
import { accruedInterest, type InterestTerms, termsProblems } from './interest-rules';

const daily = (rate: string, more: Partial<InterestTerms> = {}): InterestTerms => ({
  kind: 'daily',
  rate,
  basis: 365,
  graceDays: 0,
  capPercent: null,
  ...more,
});
const annual = (rate: string, basis: 365 | 360): InterestTerms => ({
  kind: 'annual',
  rate,
  basis,
  graceDays: 0,
  capPercent: null,
});

describe('late interest per invoice', () => {
  it('万分之五 a day on CNY 100,000.00 for 30 days is 1,500.00', () => {
    // Due 31 Jan: 1 Feb … 2 Mar 2025 is 30 days.
    const invoice = { dueDate: '2025-01-31', amount: 10_000_000, reductions: [] };
    const result = accruedInterest(invoice, daily('0.0005'), '2025-03-02');
    expect(result).toMatchObject({ interest: 150_000, days: 30, accruesFrom: '2025-02-01' });
  });

  it('nothing on the due date itself, one day the day after', () => {
    const invoice = { dueDate: '2025-01-31', amount: 10_000_000, reductions: [] };
    expect(accruedInterest(invoice, daily('0.0005'), '2025-01-31').interest).toBe(0);
    expect(accruedInterest(invoice, daily('0.0005'), '2025-02-01').interest).toBe(5_000);
  });

  it('partial payments reduce the base from their effective date', () => {
    // 100,000.00 due 31 Jan; 40,000.00 paid on 11 Feb: 10 days on 100,000, then 20 days on 60,000.
    const invoice = {
      dueDate: '2025-01-31',
      amount: 10_000_000,
      reductions: [{ effectiveOn: '2025-02-11', amount: 4_000_000 }],
    };
    const result = accruedInterest(invoice, daily('0.0005'), '2025-03-02');
    expect(result.interest).toBe(50_000 + 60_000);
    // A payment after the as-of date changes nothing yet; one before the due date lowers the whole base.
    const later = { ...invoice, reductions: [{ effectiveOn: '2025-03-03', amount: 4_000_000 }] };
    expect(accruedInterest(later, daily('0.0005'), '2025-03-02').interest).toBe(150_000);
    const early = { ...invoice, reductions: [{ effectiveOn: '2025-01-10', amount: 4_000_000 }] };
    expect(accruedInterest(early, daily('0.0005'), '2025-03-02').interest).toBe(90_000);
  });

  it('stops when paid in full', () => {
    const invoice = {
      dueDate: '2025-01-31',
      amount: 10_000_000,
      reductions: [
        { effectiveOn: '2025-02-06', amount: 6_000_000 },
        { effectiveOn: '2025-02-04', amount: 4_000_000 },
      ],
    };
    const result = accruedInterest(invoice, daily('0.0005'), '2025-12-31');
    // 3 days on 100,000 (1–3 Feb), 2 days on 60,000 (4–5 Feb), nothing after.
    expect(result).toMatchObject({ interest: 15_000 + 6_000, days: 5 });
  });

  it('grace days only delay the start', () => {
    const invoice = { dueDate: '2025-01-31', amount: 10_000_000, reductions: [] };
    const terms = daily('0.0005', { graceDays: 10 });
    expect(accruedInterest(invoice, terms, '2025-02-10').interest).toBe(0);
    const result = accruedInterest(invoice, terms, '2025-03-02');
    expect(result).toMatchObject({ accruesFrom: '2025-02-11', days: 20, interest: 100_000 });
  });

  it('counts 29 February in a leap year', () => {
    const invoice = { dueDate: '2024-02-27', amount: 10_000_000, reductions: [] };
    expect(accruedInterest(invoice, daily('0.0005'), '2024-03-01').days).toBe(3);
    const notLeap = { ...invoice, dueDate: '2025-02-27' };
    expect(accruedInterest(notLeap, daily('0.0005'), '2025-03-01').days).toBe(2);
    // Actual/365 in a leap year: 366 days of 12 % on 36,500.00 is 12 % × 366/365.
    const year = { dueDate: '2023-12-31', amount: 3_650_000, reductions: [] };
    expect(accruedInterest(year, annual('0.12', 365), '2024-12-31')).toMatchObject({
      days: 366,
      interest: 439_200,
    });
  });

  it('annual rate on actual/365 and actual/360', () => {
    // 36,000.00 at 12 % a year for 30 days: 355.07 (/365, 35506.849… rounds up) and 360.00 (/360).
    const invoice = { dueDate: '2025-01-31', amount: 3_600_000, reductions: [] };
    expect(accruedInterest(invoice, annual('0.12', 365), '2025-03-02').interest).toBe(35_507);
    expect(accruedInterest(invoice, annual('0.12', 360), '2025-03-02').interest).toBe(36_000);
  });

  it('rounds once, half to even, at an exact half', () => {
    // 1 day of 0.0005 on 1,000 minor units = 0.5 → 0; on 3,000 = 1.5 → 2; on 5,000 = 2.5 → 2.
    const on = (amount: number) =>
      accruedInterest({ dueDate: '2025-01-31', amount, reductions: [] }, daily('0.0005'), '2025-02-01')
        .interest;
    expect([on(1_000), on(3_000), on(5_000), on(7_000)]).toEqual([0, 2, 2, 4]);
    // Rounded once over the days, not per day: 3 days of 0.5 = 1.5 → 2 (per day would give 0).
    expect(
      accruedInterest({ dueDate: '2025-01-31', amount: 1_000, reductions: [] }, daily('0.0005'), '2025-02-03')
        .interest,
    ).toBe(2);
  });

  it('caps at a percentage of the invoice amount', () => {
    const invoice = { dueDate: '2024-01-31', amount: 10_000_000, reductions: [] };
    const result = accruedInterest(invoice, daily('0.0005', { capPercent: '10' }), '2025-12-31');
    expect(result).toMatchObject({ interest: 1_000_000, capped: true });
    expect(accruedInterest(invoice, daily('0.0005', { capPercent: '10' }), '2024-02-10').capped).toBe(false);
  });

  it('no interest terms, no interest', () => {
    const invoice = { dueDate: '2024-01-31', amount: 10_000_000, reductions: [] };
    const none: InterestTerms = { kind: 'none', rate: null, basis: 365, graceDays: 0, capPercent: null };
    expect(accruedInterest(invoice, none, '2025-01-31')).toMatchObject({ interest: 0, accruesFrom: null });
  });

  it('checks terms', () => {
    expect(termsProblems(daily('0.0005'))).toEqual([]);
    expect(termsProblems(daily('0.5'))).toHaveLength(1);
    expect(termsProblems(daily('1e-4'))).toHaveLength(1);
    expect(termsProblems(daily('0.0005', { graceDays: -1 }))).toHaveLength(1);
    expect(termsProblems({ ...daily('0.0005'), kind: 'none' })).toHaveLength(1);
  });
});
