// Calls and shapes of /api/collections (see src/collections/cases/case-dto.ts and the route files).
import { api, type Page, type Query } from '../../api/client';

export interface CaseTotals {
  currency: string;
  open: number;
  overdue: number;
  dueSoon: number;
  disputed: number;
}

export interface CaseSummary {
  id: number;
  customer: { id: number; code: string; name: string };
  entity: { id: number; code: string; name: string };
  stage: 'reminder' | 'early' | 'strong';
  stageSince: string;
  status: string;
  manualStatus: string | null;
  pausedUntil: string | null;
  collector: { id: number; displayName: string } | null;
  strategy: { name: string; version: number } | null;
  daysPastDue: number | null;
  anchorDueOn: string | null;
  totals: CaseTotals[];
  /** Null: unknown, for want of the rates in missingRates. */
  amountCny: number | null;
  missingRates?: string[];
  nextActionOn: string | null;
  nextStepKey: string | null;
  openedOn: string;
  closedOn: string | null;
}

export interface OutboxMessage {
  id: number;
  channel: string;
  templateKey: string;
  locale: string;
  recipients: Array<{ name: string; address: string }>;
  subject: string | null;
  body: string;
  status: string;
  scheduledOn: string;
  steps: string[];
  /** Why it was cancelled before sending (or why sending failed). */
  error: string | null;
  /** The message code of `error` when it has one (src/shared/messages). */
  errorCode?: string | null;
  errorParams?: Record<string, string | number> | null;
}

export interface Task {
  id: number;
  caseId: number;
  customer: { id: number; code: string; name: string };
  type: string;
  title: string;
  instructions: string | null;
  dueOn: string;
  assignee: { id: number; displayName: string } | null;
  assigneeRole: string;
  status: string;
  outcome: string | null;
  /** Why the engine cancelled it: 'case_closed', 'invoices_paid' or 'invoices_disputed'. */
  cancelReason: string | null;
}

export interface CaseDetail extends CaseSummary {
  invoices: Array<{
    id: number;
    number: string;
    dueDate: string;
    currency: string;
    openAmount: number;
    daysPastDue: number;
    disputed: boolean;
  }>;
  /** The one basis of the days past due shown on the case view (today). */
  daysPastDueAsOf?: string;
  /** Late interest (违约金) under the contract terms as of today; null when not available. */
  lateInterest?: {
    asOf: string;
    totals: Array<{ currency: string; interest: number }>;
    invoices: Array<{ invoiceId: number; interest: number; days: number; accruesFrom: string | null }>;
  } | null;
  firings: Array<{
    id: number;
    firedOn: string;
    stepKey: string;
    action: string;
    outcome: string;
    detail: string | null;
    /** The message code of `detail` when it has one (src/shared/messages). */
    detailCode?: string | null;
    detailParams?: Record<string, string | number> | null;
    stage: string;
    strategy: string;
  }>;
  messages: OutboxMessage[];
  tasks: Task[];
  promises: Array<{
    id: number;
    amount: number;
    currency: string;
    dueOn: string;
    status: string;
    paidAmount: number;
  }>;
  plans: Array<{
    id: number;
    status: string;
    currency: string;
    installments: Array<{ seq: number; dueOn: string; amount: number; status: string }>;
  }>;
  creditHold: { id: number; placedOn: string; reason: string } | null;
  upcoming: Array<{
    date: string;
    stepKey: string;
    label: string;
    action: string;
    channel: string;
    stage: string;
  }>;
}

export type Trigger =
  | { type: 'daysFromDue' | 'daysInStage'; days: number; repeatEveryDays?: number; maxRepeats?: number }
  | { type: 'brokenPromise' | 'missedInstallment' }
  /** Fires once per case when its undisputed open amount, in `currency`, reaches `amount` (minor units). */
  | { type: 'amountAbove'; currency: string; amount: number }
  /** Fires once per case when the customer's credit grade is one of `grades`. */
  | { type: 'grade'; grades: string[] };

export interface StrategyStep {
  key: string;
  stage: 'reminder' | 'early' | 'strong' | 'any';
  label: string;
  trigger: Trigger;
  conditions?: { minAmount?: number; maxAmount?: number; currency?: string; grades?: string[] };
  action: string;
  channel: string;
  template: string;
  raiseStage?: 'early' | 'strong';
  setStatus?: 'legal' | 'agency';
}

export interface StrategyDefinition {
  name: string;
  label: string;
  description?: string | null;
  locale: 'zh-CN' | 'en';
  stages: { early: { fromDay: number }; strong: { fromDay: number } };
  settings: { catchUpDays: number; promiseGraceDays: number; installmentGraceDays: number };
  steps: StrategyStep[];
}

export interface Strategy extends StrategyDefinition {
  id: number;
  version: number;
  active: boolean;
}

export interface StrategySummary {
  id: number;
  name: string;
  version: number;
  label: string;
  locale: string;
  active: boolean;
  stepCount: number;
  createdAt: string;
}

export interface PreviewEvent {
  date: string;
  stepKey: string;
  label: string;
  action: string;
  channel: string;
  stage: string;
  message: {
    channel: string;
    locale: string;
    subject: string | null;
    body: string;
    recipients: string[];
  } | null;
  task: { type: string; title: string; instructions: string; assigneeRole: string } | null;
  skipped: string | null;
}

export interface Template {
  key: string;
  kind: 'message' | 'sms' | 'task';
  tone: string;
  texts: Record<string, { subject: string; body: string }>;
}

export interface StrategyOutcome {
  name: string;
  label: string;
  version: number | null;
  /** In the result's report currency; null when a rate is missing (see missingRates). */
  collected: number | null;
  overdueStart: number | null;
  overdueEnd: number | null;
  openEnd: number | null;
  dso: number | null;
  messages: { email: number; sms: number; letter: number; total: number };
  tasks: Record<string, number> & { total: number };
  promises: { made: number; kept: number; broken: number };
  daily: Array<{ date: string; collected: number | null; overdue: number | null }>;
}

export interface Simulation {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  params: { from: string; days: number; strategies: string[] };
  result: {
    from: string;
    to: string;
    customers: number;
    invoices: number;
    sampled: boolean;
    reportCurrency: string;
    missingRates: string[];
    strategies: StrategyOutcome[];
  } | null;
  error: string | null;
  createdAt: string;
}

const base = '/collections';

export const collectionsApi = {
  cases: (query: Query) => api.get<Page<CaseSummary>>(`${base}/cases`, query),
  getCase: (id: number) => api.get<CaseDetail>(`${base}/cases/${id}`),
  updateCase: (id: number, body: { manualStatus?: string | null; pausedUntil?: string | null }) =>
    api.patch<CaseDetail>(`${base}/cases/${id}`, body),
  addPromise: (id: number, body: { amount: number; currency: string; dueOn: string; note?: string }) =>
    api.post(`${base}/cases/${id}/promises`, body),
  updateTask: (id: number, status: string) => api.patch<Task>(`${base}/tasks/${id}`, { status }),
  runEngine: () => api.post<{ casesEvaluated: number; stepsFired: number }>(`${base}/engine/run`, {}),
  strategies: () => api.get<{ items: StrategySummary[] }>(`${base}/strategies`),
  strategy: (id: number) => api.get<Strategy>(`${base}/strategies/${id}`),
  saveStrategy: (definition: StrategyDefinition, activate: boolean) =>
    api.post<Strategy>(`${base}/strategies`, { definition, activate }),
  setActive: (id: number, active: boolean) =>
    api.post<Strategy>(`${base}/strategies/${id}/${active ? 'activate' : 'deactivate'}`),
  preview: (strategy: StrategyDefinition, customerId: number, from?: string, days?: number) =>
    api.post<{ items: PreviewEvent[] }>(`${base}/strategies/preview`, { strategy, customerId, from, days }),
  templates: () => api.get<{ items: Template[] }>(`${base}/templates`),
  simulate: (body: { from: string; days: number; strategies: string[] }) =>
    api.post<Simulation>(`${base}/simulations`, body),
  simulations: () => api.get<{ items: Simulation[] }>(`${base}/simulations`),
  simulation: (id: number) => api.get<Simulation>(`${base}/simulations/${id}`),
};
