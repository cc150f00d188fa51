// An approval request as the API, the CLI and the web show it.
import { type Static, type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ApprovalStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('cancelled'),
  Type.Literal('expired'),
]);

export const ApprovalDecisionSchema = Type.Object({
  step: Type.Integer(),
  decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('cancelled')]),
  deciderId: Nullable(Type.Integer()),
  deciderName: Nullable(Type.String()),
  decidedAt: Type.String({ description: 'ISO timestamp' }),
  comment: Nullable(Type.String()),
});

export const ApprovalSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'payment_plan, write_off, interest_waiver, credit_exception, …' }),
  status: ApprovalStatusSchema,
  entityId: Type.Integer(),
  entityCode: Type.String(),
  customerId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  subjectId: Nullable(Type.Integer()),
  subjectLabel: Type.String(),
  amount: Type.Integer({ description: 'minor units (分/cents)' }),
  currency: Type.String(),
  reason: Type.String(),
  requestedBy: Nullable(Type.Integer()),
  requesterName: Nullable(Type.String()),
  requestedAt: Type.String({ description: 'ISO timestamp' }),
  requestedOn: Type.String(),
  expiresOn: Type.String(),
  resolvedAt: Nullable(Type.String()),
  /** The roles of each step; two entries for a two-step approval. */
  steps: Type.Array(Type.Array(Type.String())),
  /** 1-based step awaiting a decision; null once decided. */
  currentStep: Nullable(Type.Integer()),
  decisions: Type.Array(ApprovalDecisionSchema),
  canDecide: Type.Boolean({ description: 'the caller may approve or reject the current step' }),
  canCancel: Type.Boolean({ description: 'the caller requested it and it is still pending' }),
});
export type ApprovalView = Static<typeof ApprovalSchema>;

export const ApprovalListSchema = Type.Object({
  items: Type.Array(ApprovalSchema),
  total: Type.Integer({ description: 'matching requests; items holds at most `limit` of them' }),
});

export const ApprovalCountSchema = Type.Object({
  toDecide: Type.Integer({ description: 'pending requests the caller may decide now' }),
  mine: Type.Integer({ description: 'the caller’s own requests still pending' }),
});

export const ApprovalLevelSchema = Type.Object({
  upTo: Nullable(Type.Integer({ minimum: 0 })),
  roles: Type.Array(Type.String(), { minItems: 1 }),
});
export const ApprovalRuleSchema = Type.Object(
  {
    authority: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
    levels: Type.Array(ApprovalLevelSchema, { minItems: 1, maxItems: 10 }),
    twoStepAbove: Nullable(Type.Integer({ minimum: 0 })),
    expiresAfterDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);
export const ApprovalRuleViewSchema = Type.Object({
  kind: Type.String(),
  entityId: Nullable(Type.Integer()),
  source: Type.Union([Type.Literal('entity'), Type.Literal('company'), Type.Literal('default')]),
  rule: ApprovalRuleSchema,
});
export type ApprovalRuleView = Static<typeof ApprovalRuleViewSchema>;

/** What a use case that may need approval answers when it does: the request now waiting. */
export const PendingApprovalSchema = Type.Object({
  status: Type.Literal('pending_approval'),
  approval: ApprovalSchema,
});
