// Checks that the parent and the assigned staff of a customer exist (staff: and are not disabled), naming the field that is wrong.
import { assigneeProblem } from '../../auth/assignable-user';
import type { Actor } from '../../platform/auth/actor';
import type { Tx } from '../../platform/db/store';
import { showControls } from '../../shared/text';
import { FieldChecks } from '../reference/field-checks';
import type { CustomerValues } from './customer-input';
import { customerIsVisible, wouldCycle } from './customer-queries';
import { customerCodeLookalike } from './customer-write-queries';

export async function checkCustomerReferences(
  tx: Tx,
  actor: Actor,
  values: CustomerValues,
  selfId?: number,
): Promise<void> {
  const checks = new FieldChecks();
  if (typeof values.parentId === 'number') {
    if (!(await customerIsVisible(tx, actor, values.parentId))) {
      checks.add('parentId', values.parentId, 'no such customer');
    } else if (selfId !== undefined && (await wouldCycle(tx, selfId, values.parentId))) {
      checks.add('parentId', values.parentId, 'would make the customer its own parent (集团 loop)');
    }
  }
  if (values.code !== undefined) {
    const lookalike = await customerCodeLookalike(tx, values.code, selfId);
    if (lookalike !== null) {
      checks.add(
        'code',
        values.code,
        `looks the same as customer code ${showControls(lookalike)} (differs only by invisible or full-width characters)`,
      );
    }
  }
  for (const field of ['collectorId', 'salespersonId'] as const) {
    const id = values[field];
    const problem = typeof id === 'number' ? await assigneeProblem(tx, field, id) : null;
    if (problem) checks.problems.push(problem);
  }
  checks.throwIfAny('customer');
}

/** A unique violation on the customer code, raced past the check, as a readable conflict. */
export function isCodeConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'customer_code_key';
}
