// The kinds of approval and what approving one does. A feature registers its kind with a handler (in the
// composition root, src/app/approval-kinds.ts); the handler runs in the approving transaction, so the plan,
// write-off or waiver becomes effective together with the approval or not at all.
import type { Actor } from '../platform/auth/actor';
import type { Tx } from '../platform/db/store';
import { type ApprovalRule, DEFAULT_RULES, FALLBACK_RULE } from './approval-rules';

/** A request as its kind's handler sees it. */
export interface ApprovalSubject {
  id: number;
  kind: string;
  entityId: number;
  customerId: number;
  subjectId: number | null;
  amount: number;
  currency: string;
  payload: Record<string, unknown>;
  requestedBy: number | null;
}

export type ApprovalEnd = 'rejected' | 'cancelled' | 'expired';

export interface ApprovalKindHandler {
  kind: string;
  /** The rule when neither the entity nor the company configured one (default: DEFAULT_RULES[kind]). */
  defaultRule?: ApprovalRule;
  /** Makes the subject effective; runs in the transaction that records the last approval. */
  apply(tx: Tx, request: ApprovalSubject, decider: Actor): Promise<void>;
  /** The request ended without approval: the subject must not become effective. */
  discard?(tx: Tx, request: ApprovalSubject, end: ApprovalEnd): Promise<void>;
}

const handlers = new Map<string, ApprovalKindHandler>();

export function registerApprovalKind(handler: ApprovalKindHandler): void {
  if (!/^[a-z][a-z0-9_]{0,49}$/.test(handler.kind)) throw new Error(`bad approval kind ${handler.kind}`);
  handlers.set(handler.kind, handler);
}

export function approvalHandler(kind: string): ApprovalKindHandler | undefined {
  return handlers.get(kind);
}

/** Every kind that has a rule: the built-in ones and the registered ones. */
export function approvalKinds(): string[] {
  return [...new Set([...Object.keys(DEFAULT_RULES), ...handlers.keys()])].sort();
}

export function defaultRuleFor(kind: string): ApprovalRule {
  return handlers.get(kind)?.defaultRule ?? DEFAULT_RULES[kind] ?? FALLBACK_RULE;
}
