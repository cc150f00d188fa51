// Streams the demo data set batch by batch: each batch is the COPY text of a few hundred customers with
// all their contacts, orders, invoices, payments, credit notes, write-offs and allocations, so a million
// invoices never sit in memory at once. Deterministic: customer i's rows depend only on (seed, i, as-of).

import { generateCash } from './cash';
import { type DemoTable, GenContext } from './context';
import { customerLife, generateCustomer, sizeOf } from './customers';
import { generateInvoices } from './invoices';

export interface DemoBatch {
  rows: Record<DemoTable, string[]>;
  customersDone: number;
  invoicesDone: number;
}

/**
 * Invoices per customer: skewed (a few big accounts, many small ones, like real ledgers) and summing
 * exactly to the requested total. Every customer gets at least one while there are enough invoices.
 */
export function invoiceCounts(
  customers: number,
  invoices: number,
  seed: number,
  exposure?: (index: number) => number,
): Int32Array {
  const weights = new Float64Array(customers);
  let total = 0;
  for (let i = 0; i < customers; i++) {
    weights[i] = sizeOf(seed, i + 1) * (exposure ? exposure(i + 1) : 1);
    total += weights[i];
  }
  const counts = new Int32Array(customers);
  const base = invoices >= customers ? 1 : 0;
  const spread = invoices - base * customers;
  let cumulative = 0;
  let assigned = 0;
  for (let i = 0; i < customers; i++) {
    cumulative += weights[i];
    const upTo = Math.round((spread * cumulative) / total);
    counts[i] = base + upTo - assigned;
    assigned = upTo;
  }
  return counts;
}

/** A batch closes after this many invoices: big enough that per-statement trigger work is amortised. */
export const BATCH_INVOICES = 25_000;

export function* generateDemo(ctx: GenContext, batchInvoices = BATCH_INVOICES): Generator<DemoBatch> {
  const { customers } = ctx.options;
  const { seed } = ctx.options;
  const lifeOf = (index: number) => customerLife(seed, index, ctx.startDay, ctx.asOfDay);
  // A customer's invoices are in proportion to its size and the time it bought in: one that joined or
  // left in the window orders at the same pace as the others, not the same number of times in less time.
  const counts = invoiceCounts(customers, ctx.options.invoices, seed, (i) => lifeOf(i).exposure);
  const usedNames = new Set<string>();
  let batchStart = 0;
  for (let index = 1; index <= customers; index++) {
    const spec = generateCustomer(ctx, index, usedNames, lifeOf(index));
    const { invoices, events } = generateInvoices(ctx, spec, index, counts[index - 1]);
    generateCash(ctx, spec, index, invoices, events);
    if (
      ctx.invoicesWritten - batchStart >= batchInvoices ||
      ctx.rows.customer.length >= 10_000 ||
      index === customers
    ) {
      batchStart = ctx.invoicesWritten;
      yield { rows: ctx.takeRows(), customersDone: index, invoicesDone: ctx.invoicesWritten };
    }
  }
}

export { GenContext };
