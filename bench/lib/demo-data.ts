// Loads the demo data set (src/demo) into a store for a benchmark, timing it.
import { type DemoSummary, loadDemo } from '../../src/demo/load-demo';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Store } from '../../src/platform/db/store';

/** A fixed as-of date, so that every run of a benchmark works on the same data. */
export const BENCH_AS_OF = '2025-06-30';

export async function loadBenchDemo(
  store: Store,
  size: { customers: number; invoices: number; seed?: number },
  label = '',
): Promise<DemoSummary> {
  let last = 0;
  return loadDemo(store, SYSTEM_ACTOR, { seed: 2024, asOf: BENCH_AS_OF, ...size }, (p) => {
    // A progress line every 10% on stderr, so long loads show they are alive.
    const tenth = Math.floor((p.invoicesDone / Math.max(1, p.invoices)) * 10);
    if (tenth > last) {
      last = tenth;
      process.stderr.write(`  ${label}demo: ${p.invoicesDone}/${p.invoices} invoices\n`);
    }
  });
}
