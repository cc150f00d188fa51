// Shapes of the API's JSON (see /work/brief/API.md). Money fields are integer minor units beside `currency`.

export interface PersonRef {
  id: number;
  displayName: string;
}

export interface Balance {
  currency: string;
  openAmount: number;
  overdueAmount: number;
  openCount: number;
  overdueCount: number;
}

export interface Unapplied {
  currency: string;
  amount: number;
}

export interface Customer {
  id: number;
  code: string;
  name: string;
  taxId: string | null;
  region: string | null;
  country: string;
  segment: string | null;
  language: string;
  timeZone: string;
  paymentTermsDays: number | null;
  collector: PersonRef | null;
  salesperson: PersonRef | null;
  balances: Balance[];
  unapplied: Unapplied[];
}

export type ContactRole = 'finance' | 'purchasing' | 'owner' | 'legal_rep' | 'guarantor' | 'sales' | 'other';

export interface Contact {
  id: number;
  customerId: number;
  name: string;
  role: ContactRole;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  channels: { email?: boolean; sms?: boolean; phone?: boolean; letter?: boolean };
  doNotContact: boolean;
  preferredHours: string | null;
  language: string | null;
  isPrimary: boolean;
}

export interface CustomerDetail extends Customer {
  parent: { id: number; code: string; name: string } | null;
  attributes: Record<string, unknown>;
  contacts: Contact[];
  oldestOverdueDays: number | null;
  lastPaymentDate: string | null;
}

export type InvoiceStatus = 'open' | 'overdue' | 'paid';

export interface Invoice {
  id: number;
  entityId: number;
  entityCode: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  allocatedAmount: number;
  openAmount: number;
  daysPastDue: number;
  status: InvoiceStatus;
  disputed: boolean;
  orderNumber: string | null;
  description: string | null;
}

export interface InvoiceAllocation {
  id: number;
  amount: number;
  effectiveOn: string;
  reversedOn: string | null;
  method: string;
  source: { kind: 'payment' | 'credit_note' | 'write_off'; id: number; reference: string };
}

export interface InvoiceDetail extends Invoice {
  allocations: InvoiceAllocation[];
}

export interface Payment {
  id: number;
  entityId: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  reference: string;
  receivedDate: string;
  currency: string;
  amount: number;
  allocatedAmount: number;
  unappliedAmount: number;
  method: string | null;
  remittanceInvoiceNumbers: string[];
  note: string | null;
  reversedOn: string | null;
  reversalReason: string | null;
}

export interface PaymentAllocation {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  amount: number;
  effectiveOn: string;
  reversedOn: string | null;
  method: string;
}

export interface PaymentDetail extends Payment {
  allocations: PaymentAllocation[];
}

export interface CreditNote {
  id: number;
  entityId: number;
  customerId: number;
  number: string;
  issueDate: string;
  currency: string;
  amount: number;
  allocatedAmount: number;
  unappliedAmount: number;
  invoiceNumber: string | null;
  reason: string | null;
}

/** An open invoice on the allocation screen (GET /customers/:id/open-items): no customer fields. */
export type OpenInvoice = Omit<
  Invoice,
  'customerId' | 'customerCode' | 'customerName' | 'orderNumber' | 'description'
> &
  Partial<Pick<Invoice, 'orderNumber' | 'description'>>;

/** What invoice tables need: a full list row or an open item (customer fields only in lists). */
export type InvoiceRow = OpenInvoice & Partial<Pick<Invoice, 'customerId' | 'customerCode' | 'customerName'>>;

/** A payment or credit note with money left to apply. */
export interface UnappliedItem {
  id: number;
  entityId: number;
  entityCode: string;
  /** The payment's reference or the credit note's number. */
  reference: string;
  date: string;
  currency: string;
  amount: number;
  unappliedAmount: number;
  invoiceNumbers: string[];
}

export interface OpenItems {
  invoices: OpenInvoice[];
  payments: UnappliedItem[];
  creditNotes: UnappliedItem[];
}

export interface Entity {
  id: number;
  code: string;
  name: string;
  baseCurrency: string;
  country: string;
  timeZone: string;
}

export interface Currency {
  code: string;
  minorUnits: number;
  name: string;
}

export interface Staff {
  id: number;
  username: string;
  displayName: string;
}

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
