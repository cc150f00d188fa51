// Case list (催收案件): filters, sorts, keyset pages; scoped to the actor's customers and entities.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import type { PageResult } from '../../platform/http/pagination';
import type { CaseSummary } from './case-dto';
import { type CaseFilter, selectCasePage } from './case-queries';

export async function listCases(
  db: Db,
  actor: Actor,
  input: CaseFilter & { today: string },
): Promise<PageResult<CaseSummary>> {
  assertCan(actor, 'collections:read');
  return selectCasePage(db, actor, input, input.today);
}
