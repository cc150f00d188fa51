// Lists payments for the payments screen and the CLI (keyset pages, role-scoped).
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import type { PageResult } from '../../platform/http/pagination';
import { type PaymentFilters, type PaymentView, queryPayments } from './payment-queries';

export async function listPayments(
  db: Db,
  actor: Actor,
  filters: PaymentFilters,
): Promise<PageResult<PaymentView>> {
  return queryPayments(db, actor, filters);
}
