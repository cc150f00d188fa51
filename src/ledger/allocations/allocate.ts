// The allocation planner (核销规则), pure: given what a payment or credit note still has unapplied, the
// invoice numbers it names and the customer's open invoices, decide which invoices it pays and how much.
//   1. by reference: the named invoices, in the order named (a disputed invoice is paid when named — the
//      customer chose to pay it);
//   2. FIFO: what is left goes to the oldest due first (tie-break issue date, then id), skipping disputed
//      invoices, which automatic allocation must not settle behind the customer's back;
//   3. what is still left stays unapplied on the customer (over-payment, 未核销).
// The caller guarantees the invoices are of the same customer, entity and currency as the source.
import type { IsoDate } from '../../shared/dates';

export type PlannedMethod = 'reference' | 'fifo';

export interface OpenInvoice {
  id: number;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  openAmount: number;
  disputed: boolean;
}

export interface PlannedAllocation {
  invoiceId: number;
  amount: number;
  method: PlannedMethod;
}

export interface AllocationPlan {
  lines: PlannedAllocation[];
  allocated: number;
  /** What stays unapplied on the source after the plan. */
  remaining: number;
  /** 'reference' when any line came from a named invoice, else 'fifo'; null when nothing was allocated. */
  method: PlannedMethod | null;
}

export interface PlanInput {
  /** The source's unapplied amount in minor units (≥ 0). */
  amount: number;
  /** Invoice numbers named by the remittance advice or the credit note. */
  invoiceNumbers?: readonly string[];
  invoices: readonly OpenInvoice[];
  /** Fall back to FIFO for what the named invoices do not absorb (default true). */
  fifo?: boolean;
}

/** Invoice numbers as people type them on remittances: case and spaces do not matter. */
export function normalizeInvoiceNumber(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase();
}

/** Oldest due first; ties by issue date, then id — a total order, so plans are deterministic. */
export function compareFifo(a: OpenInvoice, b: OpenInvoice): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  return a.id - b.id;
}

function assertAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${what} must be a non-negative integer of minor units, got ${value}`);
  }
}

/**
 * The open invoices of one customer, entity and currency while a plan is being made: open amounts shrink
 * as sources take from them. Built once per batch so that planning thousands of payments stays linear.
 */
class InvoicePool {
  private readonly open = new Map<number, number>();
  private readonly byNumber = new Map<string, OpenInvoice[]>();
  private readonly fifoQueue: OpenInvoice[];
  /** Everything before this index of the FIFO queue is used up. */
  private fifoStart = 0;

  constructor(invoices: readonly OpenInvoice[]) {
    for (const invoice of invoices) {
      assertAmount(invoice.openAmount, `open amount of invoice ${invoice.number}`);
      if (this.open.has(invoice.id)) throw new Error(`invoice ${invoice.id} is listed twice`);
      this.open.set(invoice.id, invoice.openAmount);
      const key = normalizeInvoiceNumber(invoice.number);
      const list = this.byNumber.get(key);
      if (list) list.push(invoice);
      else this.byNumber.set(key, [invoice]);
    }
    this.fifoQueue = invoices.filter((invoice) => !invoice.disputed).sort(compareFifo);
  }

  plan(amount: number, invoiceNumbers: readonly string[] = [], fifo = true): AllocationPlan {
    assertAmount(amount, 'amount');
    let remaining = amount;
    const lines = new Map<number, PlannedAllocation>();
    const take = (invoice: OpenInvoice, method: PlannedMethod) => {
      const available = this.open.get(invoice.id) ?? 0;
      const taken = Math.min(available, remaining);
      if (taken <= 0) return;
      this.open.set(invoice.id, available - taken);
      remaining -= taken;
      const line = lines.get(invoice.id);
      if (line) line.amount += taken;
      else lines.set(invoice.id, { invoiceId: invoice.id, amount: taken, method });
    };

    const seen = new Set<string>();
    for (const number of invoiceNumbers) {
      if (remaining === 0) break;
      const key = normalizeInvoiceNumber(number);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      // An exact spelling wins over a case/space-insensitive one when both exist.
      const candidates = this.byNumber.get(key) ?? [];
      const exact = candidates.filter((invoice) => invoice.number === number.trim());
      for (const invoice of exact.length > 0 ? exact : candidates) take(invoice, 'reference');
    }

    if (fifo) {
      for (let i = this.fifoStart; i < this.fifoQueue.length && remaining > 0; i++) {
        take(this.fifoQueue[i], 'fifo');
      }
      while (
        this.fifoStart < this.fifoQueue.length &&
        (this.open.get(this.fifoQueue[this.fifoStart].id) ?? 0) === 0
      ) {
        this.fifoStart++;
      }
    }

    const result = [...lines.values()];
    const method =
      result.length === 0 ? null : result.some((l) => l.method === 'reference') ? 'reference' : 'fifo';
    return { lines: result, allocated: amount - remaining, remaining, method };
  }
}

/** Plans one source against the invoices as given; does not change them. */
export function planAllocation(input: PlanInput): AllocationPlan {
  return new InvoicePool(input.invoices).plan(input.amount, input.invoiceNumbers, input.fifo !== false);
}

export interface PlanSource {
  /** Opaque key the caller uses to match results to its documents (e.g. `p:12`, `c:7`). */
  key: string;
  date: IsoDate;
  /** Orders sources of the same date (payments before credit notes, then by id). */
  order: number;
  amount: number;
  invoiceNumbers?: readonly string[];
}

/**
 * Plans many sources of one customer, entity and currency against one set of open invoices: sources in
 * date order (then `order`), each seeing what the earlier ones left open. Never over-allocates an invoice.
 */
export function planBatch(
  sources: readonly PlanSource[],
  invoices: readonly OpenInvoice[],
): Map<string, AllocationPlan> {
  const pool = new InvoicePool(invoices);
  const sorted = [...sources].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.order - b.order,
  );
  const plans = new Map<string, AllocationPlan>();
  for (const source of sorted) plans.set(source.key, pool.plan(source.amount, source.invoiceNumbers));
  return plans;
}
