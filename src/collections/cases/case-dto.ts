// API shapes of cases and what hangs off them (camelCase), as TypeBox schemas with their static types.
import { type Static, Type } from 'typebox';

const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Ref = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

export const CaseTotals = Type.Object({
  currency: Type.String(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  dueSoon: Type.Integer(),
  disputed: Type.Integer(),
});

export const CaseSummarySchema = Type.Object({
  id: Type.Integer(),
  customer: Ref,
  entity: Ref,
  stage: Type.String(),
  stageSince: Type.String(),
  status: Type.String(),
  manualStatus: Nullable(Type.String()),
  pausedUntil: Nullable(Type.String()),
  collector: Nullable(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
  strategy: Nullable(Type.Object({ name: Type.String(), version: Type.Integer() })),
  daysPastDue: Nullable(Type.Integer()),
  anchorDueOn: Nullable(Type.String()),
  totals: Type.Array(CaseTotals),
  amountCny: Type.Integer({ description: 'open undisputed amount converted to CNY (分)' }),
  nextActionOn: Nullable(Type.String()),
  nextStepKey: Nullable(Type.String()),
  openedOn: Type.String(),
  closedOn: Nullable(Type.String()),
  evaluatedOn: Nullable(Type.String()),
});
export type CaseSummary = Static<typeof CaseSummarySchema>;

export const OutboxMessageSchema = Type.Object({
  id: Type.Integer(),
  caseId: Type.Integer(),
  customerId: Type.Integer(),
  channel: Type.String(),
  templateKey: Type.String(),
  locale: Type.String(),
  recipients: Type.Array(
    Type.Object({
      contactId: Nullable(Type.Integer()),
      name: Type.String(),
      address: Type.String(),
      language: Nullable(Type.String()),
    }),
  ),
  subject: Nullable(Type.String()),
  body: Type.String(),
  status: Type.String(),
  scheduledOn: Type.String(),
  steps: Type.Array(Type.String()),
  error: Nullable(
    Type.String({ description: 'why it was cancelled before sending (or why sending failed)' }),
  ),
});
export type OutboxMessage = Static<typeof OutboxMessageSchema>;

export const TaskSchema = Type.Object({
  id: Type.Integer(),
  caseId: Type.Integer(),
  customer: Ref,
  type: Type.String(),
  title: Type.String(),
  instructions: Nullable(Type.String()),
  dueOn: Type.String(),
  assignee: Nullable(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
  assigneeRole: Type.String(),
  status: Type.String(),
  stepKey: Nullable(Type.String()),
  completedOn: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  cancelReason: Nullable(
    Type.String({ description: "why the engine cancelled it: 'case_closed' or 'invoices_paid'" }),
  ),
});
export type TaskView = Static<typeof TaskSchema>;

export const FiringSchema = Type.Object({
  id: Type.Integer(),
  firedOn: Type.String(),
  stepKey: Type.String(),
  occurrenceKey: Type.String(),
  stage: Type.String(),
  action: Type.String(),
  outcome: Type.String(),
  detail: Nullable(Type.String({ description: 'why, in English (see detailCode to translate)' })),
  detailCode: Nullable(
    Type.String({
      description: 'the reason in the shared catalog (src/shared/messages); null for older text',
    }),
  ),
  detailParams: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  outboxId: Nullable(Type.Integer()),
  taskId: Nullable(Type.Integer()),
  strategy: Type.String(),
});

export const PromiseSchema = Type.Object({
  id: Type.Integer(),
  caseId: Type.Integer(),
  currency: Type.String(),
  amount: Type.Integer(),
  promisedOn: Type.String(),
  dueOn: Type.String(),
  status: Type.String(),
  paidAmount: Type.Integer(),
  resolvedOn: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type PromiseView = Static<typeof PromiseSchema>;

export const PlanSchema = Type.Object({
  id: Type.Integer(),
  caseId: Type.Integer(),
  currency: Type.String(),
  createdOn: Type.String(),
  status: Type.String(),
  installments: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      dueOn: Type.String(),
      amount: Type.Integer(),
      status: Type.String(),
      resolvedOn: Nullable(Type.String()),
    }),
  ),
});
export type PlanView = Static<typeof PlanSchema>;

export const CaseInvoiceSchema = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  issueDate: Type.String(),
  dueDate: Type.String(),
  currency: Type.String(),
  amount: Type.Integer(),
  openAmount: Type.Integer(),
  daysPastDue: Type.Integer(),
  disputed: Type.Boolean(),
});

export const UpcomingStepSchema = Type.Object({
  date: Type.String(),
  stepKey: Type.String(),
  label: Type.String(),
  action: Type.String(),
  channel: Type.String(),
  stage: Type.String(),
});

export const CaseDetailSchema = Type.Intersect([
  CaseSummarySchema,
  Type.Object({
    invoices: Type.Array(CaseInvoiceSchema),
    firings: Type.Array(FiringSchema),
    messages: Type.Array(OutboxMessageSchema),
    tasks: Type.Array(TaskSchema),
    promises: Type.Array(PromiseSchema),
    plans: Type.Array(PlanSchema),
    creditHold: Nullable(Type.Object({ id: Type.Integer(), placedOn: Type.String(), reason: Type.String() })),
    upcoming: Type.Array(UpcomingStepSchema),
  }),
]);
export type CaseDetail = Static<typeof CaseDetailSchema>;
