// Kysely table types for the ledger migration (0001). DATE columns are `YYYY-MM-DD` strings, bigint money
// columns are JS integers (the drivers refuse values beyond Number.MAX_SAFE_INTEGER), timestamps are Dates.
import type { ColumnType, GeneratedAlways } from 'kysely';

type Id = GeneratedAlways<number>;
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface CurrencyTable {
  code: string;
  minor_units: number;
  name: string;
}

export interface ExchangeRateTable {
  from_currency: string;
  to_currency: string;
  rate_date: string;
  rate: string;
}

export interface AppUserTable {
  id: Id;
  username: string;
  display_name: string;
  email: string | null;
  created_at: CreatedAt;
}

export interface EntityTable {
  id: Id;
  code: string;
  name: string;
  base_currency: string;
  country: Defaulted<string>;
  time_zone: Defaulted<string>;
  created_at: CreatedAt;
}

export interface CustomerTable {
  id: Id;
  code: string;
  name: string;
  tax_id: string | null;
  parent_id: number | null;
  region: string | null;
  country: Defaulted<string>;
  time_zone: Defaulted<string>;
  language: Defaulted<string>;
  segment: string | null;
  payment_terms_days: number | null;
  salesperson_id: number | null;
  collector_id: number | null;
  attributes: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ContactRole = 'finance' | 'purchasing' | 'owner' | 'legal_rep' | 'guarantor' | 'sales' | 'other';
export interface ContactChannels {
  email?: boolean;
  sms?: boolean;
  phone?: boolean;
  letter?: boolean;
}

export interface ContactTable {
  id: Id;
  customer_id: number;
  name: string;
  role: Defaulted<ContactRole>;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  channels: Json<ContactChannels>;
  do_not_contact: Defaulted<boolean>;
  preferred_hours: string | null;
  language: string | null;
  is_primary: Defaulted<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InvoiceTable {
  id: Id;
  entity_id: number;
  customer_id: number;
  number: string;
  issue_date: string;
  due_date: string;
  currency: string;
  amount: number;
  allocated_amount: ColumnType<number, never, never>;
  open_amount: ColumnType<number, never, never>;
  order_number: string | null;
  description: string | null;
  disputed: Defaulted<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CreditNoteTable {
  id: Id;
  entity_id: number;
  customer_id: number;
  number: string;
  issue_date: string;
  currency: string;
  amount: number;
  allocated_amount: ColumnType<number, never, never>;
  unapplied_amount: ColumnType<number, never, never>;
  invoice_number: string | null;
  reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PaymentTable {
  id: Id;
  entity_id: number;
  customer_id: number;
  reference: string;
  received_date: string;
  currency: string;
  amount: number;
  allocated_amount: ColumnType<number, never, never>;
  unapplied_amount: ColumnType<number, never, never>;
  method: string | null;
  remittance_invoice_numbers: Defaulted<string[]>;
  note: string | null;
  reversed_on: string | null;
  reversal_reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface WriteOffTable {
  id: Id;
  invoice_id: number;
  amount: number;
  written_off_on: string;
  reason: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export type AllocationMethod = 'reference' | 'fifo' | 'manual' | 'history' | 'write_off';
export interface AllocationTable {
  id: Id;
  invoice_id: number;
  payment_id: number | null;
  credit_note_id: number | null;
  write_off_id: number | null;
  amount: number;
  effective_on: string;
  reversed_on: string | null;
  method: AllocationMethod;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface SalesOrderTable {
  id: Id;
  entity_id: number;
  customer_id: number;
  number: string;
  order_date: string;
  currency: string;
  amount: number;
  open_amount: Defaulted<number>;
  shipped_not_invoiced_amount: Defaulted<number>;
  status: Defaulted<'open' | 'shipped' | 'invoiced' | 'closed' | 'cancelled'>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ImportError {
  line: number;
  field: string | null;
  value: string | null;
  reason: string;
  /** A stable code for the reason, with its parameters, for translated messages. */
  code?: string;
  params?: Record<string, string | number>;
}

export interface ImportBatchTable {
  id: Id;
  kind: string;
  file_name: string;
  file_sha256: string;
  mapping: Json<Record<string, unknown>>;
  dry_run: Defaulted<boolean>;
  status: 'running' | 'loaded' | 'rejected' | 'failed' | 'validated';
  rows_total: Defaulted<number>;
  inserted: Defaulted<number>;
  updated: Defaulted<number>;
  unchanged: Defaulted<number>;
  error_count: Defaulted<number>;
  errors: Json<ImportError[]>;
  created_by: number | null;
  started_at: ColumnType<Date, never, never>;
  finished_at: ColumnType<Date | null, never, Date | string | null>;
  /** Migration 0014: the owner renews it while the batch runs (src/platform/db/lease.ts). */
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface Database {
  currency: CurrencyTable;
  exchange_rate: ExchangeRateTable;
  app_user: AppUserTable;
  entity: EntityTable;
  customer: CustomerTable;
  contact: ContactTable;
  invoice: InvoiceTable;
  credit_note: CreditNoteTable;
  payment: PaymentTable;
  write_off: WriteOffTable;
  allocation: AllocationTable;
  sales_order: SalesOrderTable;
  import_batch: ImportBatchTable;
  schema_migration: SchemaMigrationTable;
}

// Collections (0006_collections.sql): strategies, cases, firings, outbox, tasks, promises, plans, credit
// holds placed by strategies, jobs and simulations.
type Jsonb<T> = ColumnType<T, string | undefined, string>;
type Stamp = ColumnType<Date, never, never>;

export interface StrategyTable {
  id: Id;
  name: string;
  version: number;
  locale: Defaulted<string>;
  label: string;
  description: string | null;
  stages: Jsonb<unknown>;
  settings: Jsonb<unknown>;
  steps: Jsonb<unknown>;
  active: Defaulted<boolean>;
  created_by: number | null;
  created_at: Stamp;
}

export interface StrategyRuleTable {
  id: Id;
  priority: number;
  strategy_name: string;
  segment: string | null;
  grade: string | null;
  language: string | null;
  min_amount: number | null;
  max_amount: number | null;
  amount_currency: Defaulted<string>;
  note: string | null;
  created_at: Stamp;
}

export interface CustomerStrategyTable {
  customer_id: number;
  strategy_name: string;
  reason: string | null;
  created_by: number | null;
  created_at: Stamp;
}

export type CaseStage = 'reminder' | 'early' | 'strong';
export type CaseStatus = 'active' | 'paused' | 'promise' | 'plan' | 'dispute' | 'legal' | 'agency' | 'closed';

export interface CollectionCaseTable {
  id: Id;
  customer_id: number;
  entity_id: number;
  stage: Defaulted<CaseStage>;
  stage_since: string;
  /** 0009: per stage left before, its first entry and days spent (see StageClock in collections). */
  stage_clock: Jsonb<unknown>;
  /** 0010: pauses and all-disputed periods the engine saw, which postpone time steps (see HoldSpan). */
  hold_spans: Jsonb<unknown>;
  stage_floor: 'early' | 'strong' | null;
  status: Defaulted<CaseStatus>;
  manual_status: 'paused' | 'legal' | 'agency' | null;
  paused_until: string | null;
  collector_id: number | null;
  strategy_id: number | null;
  strategy_name: string | null;
  strategy_version: number | null;
  anchor_due_on: string | null;
  days_past_due: number | null;
  totals: Jsonb<unknown>;
  amount_cny: Defaulted<number>;
  /** Rates missing to convert its amount to CNY ('USD→CNY'); null: none missing (migration 0037). */
  missing_rates: string[] | null;
  next_action_on: string | null;
  next_step_key: string | null;
  opened_on: string;
  closed_on: string | null;
  evaluated_on: string | null;
  /** 0028: the strategy-set generation it was last evaluated under (collections_generation). */
  evaluated_generation: Defaulted<number>;
  /** The last day the engine evaluated it, never cleared (migration 0036). */
  seen_on: string | null;
  /** 0028: the day its current strategy first reached it (catch-up before then). */
  strategy_since: string | null;
  created_at: Stamp;
  updated_at: UpdatedAt;
}

/** 0028: one row: the generation of the strategy set, bumped by every change the engine decides by. */
export interface CollectionsGenerationTable {
  id: Defaulted<boolean>;
  generation: Defaulted<number>;
}

export interface EngineRunTable {
  id: Id;
  kind: 'full' | 'incremental' | 'customer';
  as_of: string;
  status: Defaulted<'running' | 'done' | 'failed'>;
  started_at: Stamp;
  finished_at: ColumnType<Date | null, never, Date | string | null>;
  cases_opened: Defaulted<number>;
  cases_closed: Defaulted<number>;
  cases_evaluated: Defaulted<number>;
  steps_fired: Defaulted<number>;
  messages: Defaulted<number>;
  tasks: Defaulted<number>;
  error: string | null;
  /** Migration 0014: the owner renews it while the run runs (src/platform/db/lease.ts). */
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type TaskType =
  | 'call'
  | 'visit'
  | 'escalation'
  | 'credit_hold'
  | 'legal_review'
  | 'agency_referral'
  | 'follow_up';

export interface TaskTable {
  id: Id;
  case_id: number;
  customer_id: number;
  entity_id: number;
  type: TaskType;
  title: string;
  instructions: string | null;
  due_on: string;
  assignee_id: number | null;
  assignee_role: Defaulted<string>;
  status: Defaulted<'open' | 'done' | 'cancelled'>;
  step_key: string | null;
  payload: Jsonb<unknown>;
  completed_on: string | null;
  outcome: string | null;
  /** Why the engine cancelled it (0011): 'case_closed', 'invoices_paid' or 'invoices_disputed'; null otherwise. */
  cancel_reason: string | null;
  created_at: Stamp;
  updated_at: UpdatedAt;
}

export interface OutboxTable {
  id: Id;
  case_id: number;
  customer_id: number;
  entity_id: number;
  channel: 'email' | 'sms' | 'letter';
  template_key: string;
  locale: string;
  recipients: Jsonb<unknown>;
  subject: string | null;
  body: string;
  payload: Jsonb<unknown>;
  status: Defaulted<'queued' | 'sent' | 'failed' | 'cancelled'>;
  dedupe_key: string;
  scheduled_on: string;
  sent_at: Date | null;
  error: string | null;
  /** SHA-256 of subject, body and recipients, set by the database (migration 0037). */
  content_hash: ColumnType<string | null, never, never>;
  created_at: Stamp;
}

export interface StepFiringTable {
  id: Id;
  case_id: number;
  step_key: string;
  occurrence_key: string;
  strategy_id: number;
  stage: string;
  action: string;
  fired_on: string;
  run_id: number | null;
  outcome: 'message' | 'task' | 'skipped';
  detail: string | null;
  outbox_id: number | null;
  task_id: number | null;
  created_at: Stamp;
}

export interface PromiseTable {
  id: Id;
  case_id: number;
  customer_id: number;
  entity_id: number;
  currency: string;
  amount: number;
  promised_on: string;
  due_on: string;
  status: Defaulted<'open' | 'kept' | 'partial' | 'broken' | 'cancelled'>;
  paid_amount: Defaulted<number>;
  resolved_on: string | null;
  note: string | null;
  created_by: number | null;
  created_at: Stamp;
}

export interface PaymentPlanTable {
  id: Id;
  case_id: number;
  customer_id: number;
  entity_id: number;
  currency: string;
  created_on: string;
  status: Defaulted<'pending' | 'active' | 'completed' | 'defaulted' | 'cancelled' | 'rejected'>;
  note: string | null;
  created_by: number | null;
  created_at: Stamp;
}

export interface PaymentPlanInstallmentTable {
  plan_id: number;
  seq: number;
  due_on: string;
  amount: number;
  status: Defaulted<'open' | 'paid' | 'missed'>;
  resolved_on: string | null;
}

export interface CreditHoldTable {
  id: Id;
  customer_id: number;
  entity_id: number | null;
  case_id: number | null;
  source: Defaulted<string>;
  reason: string;
  status: Defaulted<'active' | 'released'>;
  placed_on: string;
  released_on: string | null;
  released_by: number | null;
  /** Why it was released: a message code (migration 0036). */
  released_reason: string | null;
  /** The stage of the strategy step that placed it (migration 0036). */
  placed_stage: string | null;
  created_at: Stamp;
}

export interface JobTable {
  id: Id;
  kind: string;
  payload: Jsonb<unknown>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  status: Defaulted<'queued' | 'running' | 'done' | 'failed'>;
  attempts: Defaulted<number>;
  max_attempts: Defaulted<number>;
  locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  worker: string | null;
  dedupe_key: string | null;
  result: Jsonb<unknown> | null;
  last_error: string | null;
  created_at: Stamp;
  started_at: ColumnType<Date | null, never, Date | string | null>;
  finished_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface JobScheduleTable {
  name: string;
  kind: string;
  payload: Jsonb<unknown>;
  at_time: string;
  last_slot: string | null;
}

export interface CollectionDirtyTable {
  customer_id: number;
  since: Stamp;
}

export interface SimulationTable {
  id: Id;
  params: Jsonb<unknown>;
  status: Defaulted<'queued' | 'running' | 'done' | 'failed'>;
  result: Jsonb<unknown> | null;
  error: string | null;
  created_by: number | null;
  created_at: Stamp;
  finished_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface Database {
  strategy: StrategyTable;
  strategy_rule: StrategyRuleTable;
  customer_strategy: CustomerStrategyTable;
  collection_case: CollectionCaseTable;
  collections_generation: CollectionsGenerationTable;
  engine_run: EngineRunTable;
  task: TaskTable;
  outbox: OutboxTable;
  step_firing: StepFiringTable;
  promise: PromiseTable;
  payment_plan: PaymentPlanTable;
  payment_plan_installment: PaymentPlanInstallmentTable;
  credit_hold: CreditHoldTable;
  job: JobTable;
  job_schedule: JobScheduleTable;
  collection_dirty: CollectionDirtyTable;
  simulation: SimulationTable;
}

// Analytics (migration 0003): settings, specific provisions and the AR summary maintained by triggers.
export interface AnalyticsSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, never, Date | string>;
  updated_by: number | null;
}

export interface AnalyticsSpecificProvisionTable {
  customer_id: number;
  rate: string;
  reason: string;
  updated_at: ColumnType<Date, never, Date | string>;
  updated_by: number | null;
}

export interface AnalyticsArDeltaTable {
  entity_id: number;
  currency: string;
  basis: 'd' | 'a';
  bucket: number;
  on_date: string;
  amount: number;
}

export interface AnalyticsCustomerOpenTable {
  customer_id: number;
  entity_id: number;
  currency: string;
  amount: number;
}

export interface Database {
  analytics_setting: AnalyticsSettingTable;
  analytics_specific_provision: AnalyticsSpecificProvisionTable;
  analytics_ar_delta: AnalyticsArDeltaTable;
  analytics_customer_open: AnalyticsCustomerOpenTable;
}

// Imports (0004_import.sql): the run's report details beside the counts (merged into ImportBatchTable).
export interface ImportBatchTable {
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

// Auth (0002_auth.sql): logins on app_user (merged into AppUserTable), roles, sessions, tokens, audit log.
export interface AppUserTable {
  password_hash: string | null;
  password_changed_at: Date | null;
  disabled_at: Date | null;
  updated_at: ColumnType<Date, never, Date | string>;
}

export interface UserRoleTable {
  id: GeneratedAlways<number>;
  user_id: number;
  role: string;
  entity_id: number | null;
  created_at: ColumnType<Date, never, never>;
}

export interface LoginStateTable {
  user_id: number;
  failed_count: ColumnType<number, number | undefined, number>;
  last_failed_at: Date | null;
  locked_until: Date | null;
  last_login_at: Date | null;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: ColumnType<Date, never, never>;
  last_seen_at: ColumnType<Date, Date | undefined, Date | string>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: GeneratedAlways<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  scope: 'read' | 'write';
  created_at: ColumnType<Date, never, never>;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_name: string;
  table_name: string;
  op: string;
  row_key: unknown;
  before: unknown;
  after: unknown;
  row_count: number;
  rows_digest: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  singleton: boolean;
  last_id: number;
  last_hash: string;
}

export interface Database {
  user_role: UserRoleTable;
  login_state: LoginStateTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
}

// Approvals (0038_approvals.sql), owned by src/approvals.
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';

export interface ApprovalRuleTable {
  id: Id;
  kind: string;
  entity_id: number | null;
  rule: Json<unknown>;
  updated_by: number | null;
  updated_at: UpdatedAt;
}

export interface ApprovalRequestTable {
  id: Id;
  kind: string;
  entity_id: number;
  customer_id: number;
  subject_id: number | null;
  subject_label: string;
  amount: number;
  currency: string;
  payload: Json<Record<string, unknown>>;
  reason: string;
  status: Defaulted<ApprovalStatus>;
  steps: Json<string[][]>;
  requested_by: number | null;
  requested_at: CreatedAt;
  requested_on: string;
  expires_on: string;
  resolved_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface ApprovalDecisionTable {
  id: Id;
  request_id: number;
  step: number;
  decision: 'approved' | 'rejected' | 'cancelled';
  decided_by: number | null;
  decided_at: CreatedAt;
  comment: string | null;
}

export interface Database {
  approval_rule: ApprovalRuleTable;
  approval_request: ApprovalRequestTable;
  approval_decision: ApprovalDecisionTable;
}

// Disputes (0039, the one model since 0047), owned by src/collections/disputes.
export type DisputeReason =
  | 'price'
  | 'quantity'
  | 'quality'
  | 'not_delivered'
  | 'duplicate'
  | 'already_paid'
  | 'other';

export interface InvoiceDisputeTable {
  id: Id;
  invoice_id: number;
  customer_id: number;
  entity_id: number;
  amount: number;
  currency: string;
  reason_code: DisputeReason;
  note: string | null;
  owner_department: string | null;
  owner_user_id: number | null;
  due_on: string | null;
  status: Defaulted<'open' | 'in_review' | 'resolved'>;
  /** 'other' (0047): an outcome not recorded, such as the disputes moved from the old dates-only table. */
  resolution_code: 'credit_note' | 'rejected' | 'partly' | 'other' | null;
  resolution_note: string | null;
  credit_note_id: number | null;
  raised_on: string;
  raised_by: number | null;
  resolved_on: string | null;
  resolved_by: number | null;
  created_at: CreatedAt;
}

// Credit terms (0045_credit_terms.sql), owned by src/credit.
export interface CreditTermsTable {
  id: Id;
  entity_id: number;
  customer_id: number | null;
  grade: string | null;
  valid_from: string;
  payment_terms_days: number;
  credit_limit: number | null;
  currency: string;
  interest_kind: Defaulted<'none' | 'daily' | 'annual'>;
  interest_rate: string | null;
  day_count_basis: Defaulted<number>;
  grace_days: Defaulted<number>;
  interest_cap_percent: string | null;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface Database {
  invoice_dispute: InvoiceDisputeTable;
  credit_terms: CreditTermsTable;
}
