// Prints the demo ledger's shape (issue 11): overdue share of CNY receivables on the as-of date, the
// receivables every 30.44 days over the window (max/min, change over the last year), by payment profile.
// Computed from the generated rows in memory (no database; a second or two per seed), with the same
// definitions as test/demo-live.test.ts: invoices issued by a date less allocations effective and not
// reversed by it, CNY only.
//   npx tsx scripts/demo-shape.ts [--seeds 2024,7,11] [--as-of 2026-12-07] [--customers 300] [--invoices 12000]
import { DEFAULT_DEMO, GenContext, TABLES } from '../src/demo/context';
import { generateDemo } from '../src/demo/generate';
import { addDays, toDayNumber } from '../src/shared/dates';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const asOf = arg('as-of', '2026-12-07');
const seeds = arg('seeds', String(DEFAULT_DEMO.seed)).split(',').map(Number);
const customers = Number(arg('customers', String(DEFAULT_DEMO.customers)));
const invoiceCount = Number(arg('invoices', String(DEFAULT_DEMO.invoices)));

for (const seed of seeds) {
  const startIds = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<(typeof TABLES)[number], number>;
  const ctx = new GenContext(
    { customers, invoices: invoiceCount, seed, asOf, months: DEFAULT_DEMO.months },
    { domestic: { id: 1, code: 'CN01' }, export: { id: 2, code: 'HK01' } },
    { salespeople: [1, 2, 3], collectors: [4, 5] },
    startIds,
  );
  const invoices = new Map<number, { customer: number; issue: number; due: number; amount: number }>();
  const allocs: { invoice: number; amount: number; on: number; reversed: number }[] = [];
  const profileOf = new Map<number, string>();
  for (const batch of generateDemo(ctx)) {
    for (const line of batch.rows.customer) {
      const f = line.split('\t');
      profileOf.set(Number(f[0]), JSON.parse(f[13].replace(/\\\\/g, '\\')).demoProfile.profile);
    }
    for (const line of batch.rows.invoice) {
      const f = line.split('\t');
      if (f[6] !== 'CNY') continue;
      invoices.set(Number(f[0]), {
        customer: Number(f[2]),
        issue: toDayNumber(f[4]),
        due: toDayNumber(f[5]),
        amount: Number(f[7]),
      });
    }
    for (const line of batch.rows.allocation) {
      const f = line.split('\t');
      const rev = f[7].trim();
      allocs.push({
        invoice: Number(f[1]),
        amount: Number(f[5]),
        on: toDayNumber(f[6]),
        reversed: rev === '\\N' ? Number.POSITIVE_INFINITY : toDayNumber(rev),
      });
    }
  }
  const paidBy = (day: number) => {
    const paid = new Map<number, number>();
    for (const a of allocs)
      if (a.on <= day && a.reversed > day) paid.set(a.invoice, (paid.get(a.invoice) ?? 0) + a.amount);
    return paid;
  };
  const on = (date: string) => {
    const day = toDayNumber(date);
    const paid = paidBy(day);
    let ar = 0;
    let overdue = 0;
    const byProfile = new Map<string, { ar: number; overdue: number; buckets: number[] }>();
    for (const [id, inv] of invoices) {
      if (inv.issue > day) continue;
      const open = inv.amount - (paid.get(id) ?? 0);
      ar += open;
      const p = profileOf.get(inv.customer) ?? '?';
      const e = byProfile.get(p) ?? { ar: 0, overdue: 0, buckets: [0, 0, 0, 0, 0] };
      e.ar += open;
      if (inv.due < day) {
        overdue += open;
        e.overdue += open;
        const age = day - inv.due;
        e.buckets[age <= 15 ? 0 : age <= 30 ? 1 : age <= 60 ? 2 : age <= 180 ? 3 : 4] += open;
      }
      byProfile.set(p, e);
    }
    return { ar, overdue, byProfile };
  };
  const now = on(asOf);
  const monthly: number[] = [];
  const overdueShares: number[] = [];
  for (let m = 24; m >= 0; m--) {
    const r = on(addDays(asOf, -Math.round(m * 30.44)));
    monthly.push(r.ar);
    overdueShares.push(r.overdue / r.ar);
  }
  const max = Math.max(...monthly);
  const min = Math.min(...monthly);
  console.log(
    `seed ${seed}: overdue ${((100 * now.overdue) / now.ar).toFixed(1)} %, AR max/min ${(max / min).toFixed(3)}, ` +
      `vs a year ago ${((now.ar / monthly[12] - 1) * 100).toFixed(1)} %, AR now ${(now.ar / 1e8).toFixed(1)} M CNY`,
  );
  if (process.argv.includes('--detail')) {
    console.log('  AR (M CNY) by month:', monthly.map((a) => (a / 1e8).toFixed(1)).join(' '));
    console.log('  overdue share by month:', overdueShares.map((s) => (s * 100).toFixed(0)).join(' '));
    const yearAgo = on(addDays(asOf, -Math.round(12 * 30.44)));
    console.log(
      '  AR a year ago by profile (M CNY):',
      [...yearAgo.byProfile]
        .sort()
        .map(([p, e]) => `${p} ${(e.ar / 1e8).toFixed(1)}`)
        .join(', '),
    );
    for (const [p, e] of [...now.byProfile].sort())
      console.log(
        `  ${p.padEnd(14)} AR ${(e.ar / 1e8).toFixed(1).padStart(6)} M (${((100 * e.ar) / now.ar).toFixed(0)} %), overdue ${(e.overdue / 1e8).toFixed(1)} M = ${((100 * e.overdue) / now.overdue).toFixed(0)} % of overdue; own ${((100 * e.overdue) / e.ar).toFixed(0)} %; by age (1-15,-30,-60,-180,180+) ${e.buckets.map((b) => (b / 1e8).toFixed(1)).join(' ')}`,
      );
  }
}
