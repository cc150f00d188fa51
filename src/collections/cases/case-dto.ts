// API shapes of cases and what hangs off them (camelCase), as TypeBox schemas with their static types.
import { type Static, Type } from 'typebox';
import { MessageParamsSchema } from '../../platform/http/schemas';

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
  amountCny: Nullable(
    Type.Integer({
      description: 'open undisputed amount converted to CNY (分); null: unknown, see missingRates',
    }),
  ),
  missingRates: Type.Array(
    Type.String({ description: "a rate the CNY amount needs and the ledger lacks, e.g. 'USD→CNY'" }),
  ),
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
  errorCode: Nullable(
    Type.String({ description: 'message code of the error (src/shared/messages), null for plain text' }),
  ),
  errorParams: Nullable(MessageParamsSchema),
  contentHash: Nullable(
    Type.String({
      description: 'SHA-256 of subject, body and recipients; fixed once the message left the queue',
    }),
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
    Type.String({
      description: "why the engine cancelled it: 'case_closed', 'invoices_paid' or 'invoices_disputed'",
    }),
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
  detail: Nullable(Type.String()),
  detailCode: Nullable(
    Type.String({ description: 'message code of the detail (src/shared/messages), null for plain text' }),
  ),
  detailParams: Nullable(MessageParamsSchema),
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
  status: Type.String({
    description: 'pending (awaiting approval), active, completed, defaulted, cancelled, rejected',
  }),
  /** The approval request of a plan proposed beyond the proposer's authority. */
  approvalId: Type.Optional(Nullable(Type.Integer())),
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
    daysPastDueAsOf: Type.String({
      description:
        "the one basis of the case's and its invoices' days past due here: today, from the open invoices shown " +
        '(the case counts from its oldest undisputed one)',
    }),
    invoices: Type.Array(CaseInvoiceSchema),
    firings: Type.Array(FiringSchema),
    messages: Type.Array(OutboxMessageSchema),
    tasks: Type.Array(TaskSchema),
    promises: Type.Array(PromiseSchema),
    plans: Type.Array(PlanSchema),
    creditHold: Nullable(Type.Object({ id: Type.Integer(), placedOn: Type.String(), reason: Type.String() })),
    upcoming: Type.Array(UpcomingStepSchema),
    lateInterest: Nullable(
      Type.Object(
        {
          asOf: Type.String(),
          totals: Type.Array(Type.Object({ currency: Type.String(), interest: Type.Integer() })),
          invoices: Type.Array(
            Type.Object({
              invoiceId: Type.Integer(),
              interest: Type.Integer(),
              days: Type.Integer(),
              accruesFrom: Nullable(Type.String()),
            }),
          ),
        },
        {
          description:
            'late interest (违约金) under the contract terms, as of today; null when not available',
        },
      ),
    ),
  }),
]);
export type CaseDetail = Static<typeof CaseDetailSchema>;
