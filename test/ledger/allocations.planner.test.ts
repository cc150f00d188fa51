import { describe, expect, it } from 'vitest';
import {
  type AllocationPlan,
  type OpenInvoice,
  type PlanSource,
  planAllocation,
  planBatch,
} from '../../src/ledger/allocations/allocate';
import { prng } from '../support/random';

const inv = (
  id: number,
  number: string,
  dueDate: string,
  openAmount: number,
  extra: Partial<OpenInvoice> = {},
): OpenInvoice => ({ id, number, issueDate: '2026-01-01', dueDate, openAmount, disputed: false, ...extra });

describe('planAllocation — examples', () => {
  const invoices = [
    inv(1, 'INV-001', '2026-03-01', 10_000),
    inv(2, 'INV-002', '2026-02-01', 20_000),
    inv(3, 'INV-003', '2026-04-01', 30_000),
  ];

  it('pays oldest due first without a remittance', () => {
    const plan = planAllocation({ amount: 25_000, invoices });
    expect(plan.lines).toEqual([
      { invoiceId: 2, amount: 20_000, method: 'fifo' },
      { invoiceId: 1, amount: 5_000, method: 'fifo' },
    ]);
    expect(plan).toMatchObject({ allocated: 25_000, remaining: 0, method: 'fifo' });
  });

  it('pays the named invoices first, in the order named, then FIFO', () => {
    const plan = planAllocation({ amount: 45_000, invoiceNumbers: ['INV-003', 'INV-001'], invoices });
    expect(plan.lines).toEqual([
      { invoiceId: 3, amount: 30_000, method: 'reference' },
      { invoiceId: 1, amount: 10_000, method: 'reference' },
      { invoiceId: 2, amount: 5_000, method: 'fifo' },
    ]);
    expect(plan.method).toBe('reference');
  });

  it('stops at the amount when the named invoices absorb it all', () => {
    const plan = planAllocation({ amount: 35_000, invoiceNumbers: ['INV-003', 'INV-001'], invoices });
    expect(plan.lines).toEqual([
      { invoiceId: 3, amount: 30_000, method: 'reference' },
      { invoiceId: 1, amount: 5_000, method: 'reference' },
    ]);
  });

  it('leaves an over-payment unapplied', () => {
    const plan = planAllocation({ amount: 70_000, invoices });
    expect(plan.allocated).toBe(60_000);
    expect(plan.remaining).toBe(10_000);
    expect(plan.lines.map((l) => l.invoiceId)).toEqual([2, 1, 3]);
  });

  it('matches named numbers ignoring case and spaces, ignores unknown and repeated ones', () => {
    const plan = planAllocation({
      amount: 12_000,
      invoiceNumbers: [' inv-001 ', 'NOPE', 'INV-001', 'inv - 003'],
      invoices,
    });
    expect(plan.lines).toEqual([
      { invoiceId: 1, amount: 10_000, method: 'reference' },
      { invoiceId: 3, amount: 2_000, method: 'reference' },
    ]);
  });

  it('skips disputed invoices in FIFO but pays them when named', () => {
    const disputed = [inv(1, 'A', '2026-01-01', 5_000, { disputed: true }), inv(2, 'B', '2026-02-01', 5_000)];
    expect(planAllocation({ amount: 4_000, invoices: disputed }).lines).toEqual([
      { invoiceId: 2, amount: 4_000, method: 'fifo' },
    ]);
    expect(planAllocation({ amount: 4_000, invoiceNumbers: ['A'], invoices: disputed }).lines).toEqual([
      { invoiceId: 1, amount: 4_000, method: 'reference' },
    ]);
  });

  it('breaks due-date ties by issue date, then id', () => {
    const tied = [
      inv(9, 'C', '2026-02-01', 100, { issueDate: '2026-01-05' }),
      inv(7, 'B', '2026-02-01', 100, { issueDate: '2026-01-02' }),
      inv(5, 'A', '2026-02-01', 100, { issueDate: '2026-01-05' }),
    ];
    expect(planAllocation({ amount: 300, invoices: tied }).lines.map((l) => l.invoiceId)).toEqual([7, 5, 9]);
  });

  it('can refuse the FIFO fallback', () => {
    const plan = planAllocation({ amount: 50_000, invoiceNumbers: ['INV-001'], invoices, fifo: false });
    expect(plan.lines).toEqual([{ invoiceId: 1, amount: 10_000, method: 'reference' }]);
    expect(plan.remaining).toBe(40_000);
  });

  it('plans nothing for a zero amount or no open invoices', () => {
    expect(planAllocation({ amount: 0, invoices })).toEqual({
      lines: [],
      allocated: 0,
      remaining: 0,
      method: null,
    });
    expect(planAllocation({ amount: 500, invoices: [] })).toMatchObject({ remaining: 500, method: null });
    expect(planAllocation({ amount: 500, invoices: [inv(1, 'X', '2026-01-01', 0)] }).lines).toEqual([]);
  });

  it('refuses fractional or negative amounts', () => {
    expect(() => planAllocation({ amount: 10.5, invoices })).toThrow(/integer/);
    expect(() => planAllocation({ amount: -1, invoices })).toThrow(/non-negative/);
    expect(() => planAllocation({ amount: 1, invoices: [inv(1, 'X', '2026-01-01', -5)] })).toThrow();
  });

  it('does not change the invoices it was given', () => {
    const copy = structuredClone(invoices);
    planAllocation({ amount: 60_000, invoices });
    expect(invoices).toEqual(copy);
  });
});

describe('planBatch — examples', () => {
  it('plans payments in date order, each seeing what the earlier ones left', () => {
    const invoices = [inv(1, 'A', '2026-01-10', 10_000), inv(2, 'B', '2026-01-20', 10_000)];
    const sources: PlanSource[] = [
      { key: 'p:2', date: '2026-02-05', order: 2, amount: 8_000 },
      { key: 'p:1', date: '2026-02-01', order: 1, amount: 6_000 },
      { key: 'c:1', date: '2026-02-05', order: 1, amount: 9_000, invoiceNumbers: ['B'] },
    ];
    const plans = planBatch(sources, invoices);
    expect(plans.get('p:1')!.lines).toEqual([{ invoiceId: 1, amount: 6_000, method: 'fifo' }]);
    // Same date: order 1 (the credit note naming B) before order 2.
    expect(plans.get('c:1')!.lines).toEqual([{ invoiceId: 2, amount: 9_000, method: 'reference' }]);
    expect(plans.get('p:2')!.lines).toEqual([
      { invoiceId: 1, amount: 4_000, method: 'fifo' },
      { invoiceId: 2, amount: 1_000, method: 'fifo' },
    ]);
    expect(plans.get('p:2')!.remaining).toBe(3_000);
  });
});

// ---- property tests with a seeded generator (reproducible: the seed is in the test name) ----

function randomCase(rand: () => number) {
  const int = (max: number) => Math.floor(rand() * (max + 1));
  const day = () => `2026-0${1 + int(2)}-${String(1 + int(3)).padStart(2, '0')}`; // few dates → many ties
  const count = int(12);
  const invoices: OpenInvoice[] = [];
  let id = 100;
  for (let i = 0; i < count; i++) {
    id += 1 + int(3); // ids increasing but not in due-date order
    const issueDate = `2025-12-${String(1 + int(3)).padStart(2, '0')}`;
    invoices.push({
      id,
      number: `INV-${i}`,
      issueDate,
      dueDate: day(),
      openAmount: rand() < 0.1 ? 0 : 1 + int(rand() < 0.5 ? 100 : 50_000),
      disputed: rand() < 0.2,
    });
  }
  const named: string[] = [];
  const namedCount = rand() < 0.4 ? 0 : int(4);
  for (let i = 0; i < namedCount; i++) {
    const pick = int(count + 1);
    named.push(rand() < 0.2 ? `inv-${pick}` : `INV-${pick}`); // some unknown, some lower case
  }
  const amount = rand() < 0.05 ? 0 : int(rand() < 0.5 ? 500 : 200_000);
  return { invoices, named, amount };
}

function checkPlan(plan: AllocationPlan, amount: number, invoices: OpenInvoice[], named: string[]) {
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const namedKeys = new Set(named.map((n) => n.toUpperCase()));
  const isNamed = (i: OpenInvoice) => namedKeys.has(i.number.toUpperCase());
  const given = new Map<number, number>();
  for (const line of plan.lines) {
    const invoice = byId.get(line.invoiceId)!;
    expect(invoice).toBeDefined();
    expect(Number.isSafeInteger(line.amount) && line.amount > 0).toBe(true);
    expect(given.has(line.invoiceId)).toBe(false); // one line per invoice
    given.set(line.invoiceId, line.amount);
    expect(line.amount).toBeLessThanOrEqual(invoice.openAmount); // never over-allocates the invoice
    if (line.method === 'reference') expect(isNamed(invoice)).toBe(true);
    if (line.method === 'fifo') expect(invoice.disputed).toBe(false);
  }
  const total = plan.lines.reduce((s, l) => s + l.amount, 0);
  expect(total).toBe(plan.allocated); // exact sums
  expect(plan.allocated + plan.remaining).toBe(amount);
  expect(plan.remaining).toBeGreaterThanOrEqual(0); // never over-allocates the source
  const fullyUsed = (i: OpenInvoice) => (given.get(i.id) ?? 0) === i.openAmount;
  const eligible = invoices.filter((i) => isNamed(i) || !i.disputed);
  // Maximal: money is left over only when every eligible invoice is paid in full.
  if (plan.remaining > 0) for (const i of eligible) expect(fullyUsed(i)).toBe(true);
  // Reference first: any FIFO line means every named invoice was paid in full.
  if (plan.lines.some((l) => l.method === 'fifo')) {
    for (const i of invoices.filter(isNamed)) expect(fullyUsed(i)).toBe(true);
  }
  // FIFO order: an invoice gets FIFO money only when every older eligible invoice is paid in full.
  const fifoOrder = invoices
    .filter((i) => !i.disputed)
    .sort((a, b) =>
      a.dueDate !== b.dueDate
        ? a.dueDate.localeCompare(b.dueDate)
        : a.issueDate !== b.issueDate
          ? a.issueDate.localeCompare(b.issueDate)
          : a.id - b.id,
    );
  const lastFifo = fifoOrder.findLastIndex((i) =>
    plan.lines.some((l) => l.invoiceId === i.id && l.method === 'fifo'),
  );
  for (let k = 0; k < lastFifo; k++) expect(fullyUsed(fifoOrder[k])).toBe(true);
}

describe('planAllocation — properties', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`holds for 400 random cases (seed ${seed})`, () => {
      const rand = prng(seed);
      for (let n = 0; n < 400; n++) {
        const { invoices, named, amount } = randomCase(rand);
        const plan = planAllocation({ amount, invoiceNumbers: named, invoices });
        checkPlan(plan, amount, invoices, named);
      }
    });
  }
});

describe('planBatch — properties', () => {
  for (const seed of [11, 12, 13]) {
    it(`equals planning one source at a time on what is left (seed ${seed})`, () => {
      const rand = prng(seed);
      for (let n = 0; n < 200; n++) {
        const { invoices } = randomCase(rand);
        const sources: PlanSource[] = [];
        const sourceCount = 1 + Math.floor(rand() * 6);
        for (let s = 0; s < sourceCount; s++) {
          const extra = randomCase(rand);
          sources.push({
            key: `p:${s}`,
            date: `2026-02-0${1 + Math.floor(rand() * 3)}`,
            order: s,
            amount: extra.amount,
            invoiceNumbers: extra.named,
          });
        }
        const plans = planBatch(sources, invoices);
        // Oracle: sequentially, in date then order, re-planning against reduced invoices.
        let current = invoices.map((i) => ({ ...i }));
        const ordered = [...sources].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
        const totals = new Map<number, number>();
        for (const source of ordered) {
          const expected = planAllocation({
            amount: source.amount,
            invoiceNumbers: source.invoiceNumbers,
            invoices: current,
          });
          const actual = plans.get(source.key)!;
          expect(actual).toEqual(expected);
          checkPlan(actual, source.amount, current, [...(source.invoiceNumbers ?? [])]);
          for (const line of actual.lines) {
            totals.set(line.invoiceId, (totals.get(line.invoiceId) ?? 0) + line.amount);
          }
          current = current.map((i) => ({
            ...i,
            openAmount: i.openAmount - (actual.lines.find((l) => l.invoiceId === i.id)?.amount ?? 0),
          }));
        }
        for (const invoice of invoices) {
          expect(totals.get(invoice.id) ?? 0).toBeLessThanOrEqual(invoice.openAmount);
        }
      }
    });
  }

  it('plans 5,000 payments against 5,000 invoices quickly', () => {
    const invoices = Array.from({ length: 5_000 }, (_, i) =>
      inv(i + 1, `N${i}`, `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, 1_000),
    );
    const sources = Array.from({ length: 5_000 }, (_, i) => ({
      key: `p:${i}`,
      date: '2026-02-01',
      order: i,
      amount: 900,
      invoiceNumbers: i % 3 === 0 ? [`N${4_999 - i}`] : [],
    }));
    const started = performance.now();
    const plans = planBatch(sources, invoices);
    expect(performance.now() - started).toBeLessThan(5_000);
    const total = [...plans.values()].reduce((s, p) => s + p.allocated, 0);
    expect(total).toBe(4_500_000);
  });
});
