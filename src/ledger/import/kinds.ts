// Each import kind as the pipeline sees it: staging columns, row conversion, set-based checks, the load.
import { suspendInvoiceSummaries } from '../../analytics/bulk-summaries';
import { suspendInsertAudit } from '../../auth/bulk-audit';
import type { Actor } from '../../platform/auth/actor';
import type { RawConnection } from '../../platform/db/connection';
import type { ImportError } from '../../platform/db/schema';
import type { Db } from '../../platform/db/store';
import { autoAllocate } from '../allocations/auto-allocate';
import { bulkLoadRows, isTableEmpty, ownsTable, suspendForBulkLoad } from './bulk-load-queries';
import type { StageValue } from './copy-text';
import {
  CREDIT_NOTE_SOURCE,
  checkAllocatable,
  checkOrders,
  PAYMENT_SOURCE,
  upsertCreditNotes,
  upsertOrders,
  upsertPayments,
} from './document-queries';
import type { ImportKind } from './fields';
import {
  allocateSettlements,
  checkSettlements,
  reverseStaleSettlements,
  stageSettlements,
  upsertSettlementPayments,
} from './history-queries';
import {
  checkInvoices,
  createNamedCustomers,
  deriveDueDates,
  INVOICE_OPTIONAL_COLUMNS,
  leadingZeroWarnings,
  nameCustomersByCode,
  upsertInvoices,
  upsertInvoicesTracked,
} from './invoice-queries';
import {
  checkContacts,
  checkCustomers,
  resolveStaff,
  upsertContacts,
  upsertCustomers,
} from './party-queries';
import type { ProblemLog } from './report';
import type { RowReader } from './row-reader';
import {
  CREDIT_NOTE_STAGE,
  creditNoteRow,
  INVOICE_STAGE,
  invoiceRow,
  ORDER_STAGE,
  orderRow,
  PAYMENT_STAGE,
  paymentRow,
  type StageColumns,
} from './rows-documents';
import { CONTACT_STAGE, CUSTOMER_STAGE, contactRow, customerRow } from './rows-parties';
import { countTracked, createChangeTracker } from './stage-queries';

export interface LoadContext {
  raw: RawConnection;
  /** Row problems found while loading (kinds whose rules live in another module's use cases): any rolls all back. */
  log: ProblemLog;
  /** Kysely on the same pinned connection and transaction as `raw`. */
  db: Db;
  actor: Actor;
  /** The file has this field (a column or a default): fields it lacks keep their stored values. */
  has(field: string): boolean;
  /** Rows in the staging table. */
  rows: number;
}

export interface LoadResult {
  inserted: number;
  updated: number;
  customers?: number;
  staff?: number;
  payments?: number;
  allocations?: { count: number; amount: number };
}

export interface KindHandler {
  stage: StageColumns;
  row(r: RowReader): StageValue[] | null;
  /** Warnings about rows that pass every check (near-duplicate invoices), before the load. */
  warn?(raw: RawConnection): Promise<ImportError[]>;
  /** Staged rows whose customer is unknown and unnamed are named by their code (mapping.createCustomers). */
  nameCustomersByCode?(raw: RawConnection): Promise<void>;
  check(raw: RawConnection, log: ProblemLog): Promise<void>;
  /**
   * The kind's rules are checked row by row as it loads (another module's use cases): it loads the good rows
   * even when others are wrong, to report every problem at once; any problem still rolls everything back.
   */
  checksWhileLoading?: boolean;
  load(ctx: LoadContext): Promise<LoadResult>;
}

const countOutcomes = (rows: Array<{ inserted: boolean }>) => ({
  inserted: rows.filter((row) => row.inserted).length,
  updated: rows.filter((row) => !row.inserted).length,
});

interface BulkLoad {
  /** The customers the load creates, audited as a batch of their own. */
  createCustomers(): Promise<number>;
  /** Right after the statement that loads the rows: audits and summarises the batch set-based. */
  loaded(): Promise<void>;
  /** Builds the suspended indexes and foreign keys. */
  rebuild(): Promise<void>;
}

/**
 * An initial load of many invoices builds the invoice indexes once, after the rows (bulk-load-queries), and
 * audits and summarises the batch with one statement each instead of the per-statement triggers that hash
 * and expand every row (the audit module's batch entry, the analytics module's summary of the batch).
 */
async function bulkLoadMode(ctx: LoadContext): Promise<BulkLoad | null> {
  if (ctx.rows < bulkLoadRows() || !(await isTableEmpty(ctx.raw, 'invoice'))) return null;
  // Suspending indexes and triggers needs the table's owner: the application role (huikuan_app) loads row by
  // row, with every row audited by the trigger.
  if (!(await ownsTable(ctx.raw, 'invoice'))) return null;
  const rebuild = await suspendForBulkLoad(ctx.raw, 'invoice');
  const audit = await suspendInsertAudit(ctx.raw, 'invoice');
  const summarise = await suspendInvoiceSummaries(ctx.raw);
  return {
    async createCustomers() {
      const auditCustomers = await suspendInsertAudit(ctx.raw, 'customer');
      const ids = await createNamedCustomers(ctx.raw);
      await auditCustomers(ids);
      return ids.length;
    },
    async loaded() {
      await audit();
      await summarise();
    },
    rebuild,
  };
}

const createCustomers = async (ctx: LoadContext, bulk: BulkLoad | null) =>
  bulk ? bulk.createCustomers() : (await createNamedCustomers(ctx.raw)).length;

const invoiceOptional = (ctx: LoadContext) => INVOICE_OPTIONAL_COLUMNS.filter((column) => ctx.has(column));

const invoices: KindHandler = {
  stage: INVOICE_STAGE,
  row: (r) => invoiceRow(r, false),
  nameCustomersByCode,
  warn: leadingZeroWarnings,
  async check(raw, log) {
    await deriveDueDates(raw);
    await checkInvoices(raw, log, false);
  },
  async load(ctx) {
    const bulk = await bulkLoadMode(ctx);
    const customers = await createCustomers(ctx, bulk);
    const counts = await upsertInvoices(ctx.raw, invoiceOptional(ctx));
    await bulk?.loaded();
    await bulk?.rebuild();
    return { ...counts, customers };
  },
};

const history: KindHandler = {
  stage: INVOICE_STAGE,
  row: (r) => invoiceRow(r, true),
  nameCustomersByCode,
  warn: leadingZeroWarnings,
  async check(raw, log) {
    await deriveDueDates(raw);
    await checkInvoices(raw, log, true);
    await checkSettlements(raw, log);
  },
  async load(ctx) {
    await createChangeTracker(ctx.raw);
    const bulk = await bulkLoadMode(ctx);
    const customers = await createCustomers(ctx, bulk);
    await stageSettlements(ctx.raw);
    await reverseStaleSettlements(ctx.raw);
    await upsertInvoicesTracked(ctx.raw, invoiceOptional(ctx));
    await bulk?.loaded();
    await bulk?.rebuild();
    const payments = await upsertSettlementPayments(ctx.raw);
    const allocations = await allocateSettlements(ctx.raw, ctx.actor.userId);
    return { ...(await countTracked(ctx.raw)), customers, payments, allocations };
  },
};

const payments: KindHandler = {
  stage: PAYMENT_STAGE,
  row: paymentRow,
  check: (raw, log) => checkAllocatable(raw, log, PAYMENT_SOURCE),
  async load(ctx) {
    const optional = [
      ...(ctx.has('method') ? ['method'] : []),
      ...(ctx.has('invoice_numbers') ? ['remittance_invoice_numbers'] : []),
      ...(ctx.has('note') ? ['note'] : []),
    ];
    const written = await upsertPayments(ctx.raw, optional);
    // Only payments this file created or changed: an unchanged payment is never allocated twice.
    const result = await autoAllocate(ctx.db, ctx.actor, { paymentIds: written.map((row) => row.id) });
    return {
      ...countOutcomes(written),
      allocations: { count: result.allocationCount, amount: result.allocatedAmount },
    };
  },
};

const creditNotes: KindHandler = {
  stage: CREDIT_NOTE_STAGE,
  row: creditNoteRow,
  check: (raw, log) => checkAllocatable(raw, log, CREDIT_NOTE_SOURCE),
  async load(ctx) {
    const optional = ['invoice_number', 'reason'].filter((field) => ctx.has(field));
    const written = await upsertCreditNotes(ctx.raw, optional);
    const result = await autoAllocate(ctx.db, ctx.actor, { creditNoteIds: written.map((row) => row.id) });
    return {
      ...countOutcomes(written),
      allocations: { count: result.allocationCount, amount: result.allocatedAmount },
    };
  },
};

const orders: KindHandler = {
  stage: ORDER_STAGE,
  row: orderRow,
  check: checkOrders,
  load: (ctx) => upsertOrders(ctx.raw),
};

const CUSTOMER_COLUMNS: Record<string, string> = {
  tax_id: 'tax_id',
  region: 'region',
  country: 'country',
  time_zone: 'time_zone',
  language: 'language',
  segment: 'segment',
  payment_terms_days: 'payment_terms_days',
  salesperson: 'salesperson_id',
  collector: 'collector_id',
};

const customers: KindHandler = {
  stage: CUSTOMER_STAGE,
  row: customerRow,
  check: checkCustomers,
  async load(ctx) {
    await createChangeTracker(ctx.raw);
    const staff = await resolveStaff(ctx.raw);
    const optional = Object.entries(CUSTOMER_COLUMNS)
      .filter(([field]) => ctx.has(field))
      .map(([, column]) => column);
    await upsertCustomers(ctx.raw, optional, ctx.has('parent_code'));
    return { ...(await countTracked(ctx.raw)), staff };
  },
};

const CONTACT_FIELDS = [
  'role',
  'title',
  'phone',
  'mobile',
  'email',
  'wechat',
  'do_not_contact',
  'preferred_hours',
  'language',
  'is_primary',
];

const contacts: KindHandler = {
  stage: CONTACT_STAGE,
  row: contactRow,
  check: checkContacts,
  load: (ctx) =>
    upsertContacts(
      ctx.raw,
      CONTACT_FIELDS.filter((field) => ctx.has(field)),
    ),
};

// The ledger's own kinds; other modules' kinds (promises, disputes) are registered by the composition root.
const LEDGER_KINDS: Partial<Record<ImportKind, KindHandler>> = {
  customers,
  contacts,
  invoices,
  payments,
  'credit-notes': creditNotes,
  orders,
  history,
};

const registered = new Map<ImportKind, KindHandler>();

/** A kind another module loads through its own use cases (wired by src/app/feature-links.ts). */
export function registerImportKind(kind: ImportKind, handler: KindHandler): void {
  if (LEDGER_KINDS[kind]) throw new Error(`import kind ${kind} belongs to the ledger`);
  registered.set(kind, handler);
}

export function kindHandler(kind: ImportKind): KindHandler {
  const handler = LEDGER_KINDS[kind] ?? registered.get(kind);
  if (!handler) throw new Error(`import kind ${kind} is not registered (linkFeatures not called?)`);
  return handler;
}
