// Shapes of the API's JSON. The ledger's are generated from the server's OpenAPI document (schema.d.ts, by
// `npx tsx scripts/gen-web-types.ts`), so they cannot drift from the routes; test/web/api-schema.test.ts
// fails when schema.d.ts is stale. Money fields are integer minor units beside `currency`.
import type { ApiPaths } from './schema';

/** The JSON a route answers on success. */
export type ApiResponse<
  P extends keyof ApiPaths,
  M extends keyof ApiPaths[P] = 'get' & keyof ApiPaths[P],
> = ApiPaths[P][M] extends { response: infer R } ? R : never;
/** One item of a paged list route. */
export type ApiItem<P extends keyof ApiPaths> = ApiResponse<P> extends { items: Array<infer I> } ? I : never;
/** The JSON body a route takes. */
export type ApiBody<P extends keyof ApiPaths, M extends keyof ApiPaths[P]> = ApiPaths[P][M] extends {
  body: infer B;
}
  ? B
  : never;

export type Customer = ApiItem<'/api/customers'>;
export type PersonRef = NonNullable<Customer['collector']>;
export type Balance = Customer['balances'][number];
export type Unapplied = Customer['unapplied'][number];
export type CustomerDetail = ApiResponse<'/api/customers/{id}'>;
export type Contact = ApiItem<'/api/customers/{id}/contacts'>;
export type ContactRole = Contact['role'];

export type Invoice = ApiItem<'/api/invoices'>;
export type InvoiceStatus = Invoice['status'];
export type InvoiceDetail = ApiResponse<'/api/invoices/{id}'>;
export type InvoiceAllocation = InvoiceDetail['allocations'][number];

export type Payment = ApiItem<'/api/payments'>;
export type PaymentDetail = ApiResponse<'/api/payments/{id}'>;
export type PaymentAllocation = PaymentDetail['allocations'][number];
export type CreditNote = ApiItem<'/api/credit-notes'>;

/** The allocation screen's open items (GET /customers/:id/open-items). */
export type OpenItems = ApiResponse<'/api/customers/{id}/open-items'>;
/** An open invoice on the allocation screen: no customer fields. */
export type OpenInvoice = OpenItems['invoices'][number];
/** What invoice tables need: a full list row or an open item (customer fields only in lists). */
export type InvoiceRow = Omit<OpenInvoice, 'status'> &
  Pick<Invoice, 'status'> &
  Partial<Pick<Invoice, 'customerId' | 'customerCode' | 'customerName' | 'orderNumber' | 'description'>>;
/** A payment or credit note with money left to apply. */
export type UnappliedItem = OpenItems['payments'][number];

export type Entity = ApiItem<'/api/entities'>;
export type Currency = ApiItem<'/api/currencies'>;
export type Staff = ApiItem<'/api/staff'>;

export interface ImportField {
  name: string;
  required: boolean;
  description: string;
  aliases: string[];
}

export interface ImportKind {
  kind: string;
  fields: ImportField[];
}

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: { columns: Record<string, string>; dateFormat?: string };
  unmappedRequired: string[];
}

export interface ImportProblem {
  line: number;
  field: string;
  value: string;
  reason: string;
  /** A stable code for the reason and its parameters: translated where the dictionary has it. */
  code?: string;
  params?: Record<string, string | number>;
}

export interface ImportReport {
  batchId: number;
  kind: string;
  fileName: string;
  status: 'loaded' | 'validated' | 'rejected' | 'running' | 'failed';
  rowsTotal: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: ImportProblem[];
  dryRun?: boolean;
  startedAt?: string;
  finishedAt?: string | null;
  /** How the file was read and which column fed which field. */
  source?: ImportSource;
  /** Records made along the way: customers named by invoices, staff named by customers, the entity. */
  created?: { entity: string | null; customers: number; staff: number; payments: number };
  allocations?: { count: number; amount: number };
  /** Rows left out on purpose (a totals row), with why. */
  skipped?: ImportProblem[];
  /** What deserves a look, loaded or not: invoice numbers equal but for leading zeros. */
  warnings?: ImportProblem[];
}

export interface ImportSource {
  format: 'csv' | 'xlsx' | null;
  encoding: string | null;
  delimiter: string | null;
  totalBytes: number;
  /** field → the header it was read from */
  columns: Record<string, string>;
  /** Headers no field was read from. */
  ignoredColumns: string[];
  /** How a/b/yyyy dates were read; null when the file has none. */
  dateFormat: ImportDateReading | null;
}

export interface ImportDateReading {
  /** e.g. D/M/YYYY */
  format: string;
  /** mapping: the mapping's dateFormat; inferred: `evidence` fits this order only; assumed: no value tells. */
  basis: 'mapping' | 'inferred' | 'assumed';
  /** The value that decided, or for `assumed` the first a/b/yyyy value read that way. */
  evidence: { line: number; field: string; value: string } | null;
}

export interface ImportMapping {
  columns: Record<string, string>;
  dateFormat?: string;
  defaults?: Record<string, string>;
  decimalComma?: boolean;
}
