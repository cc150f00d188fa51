// Lists credit notes (keyset pages, role-scoped).
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import type { PageResult } from '../../platform/http/pagination';
import { type CreditNoteFilters, type CreditNoteView, queryCreditNotes } from './credit-note-queries';

export async function listCreditNotes(
  db: Db,
  actor: Actor,
  filters: CreditNoteFilters,
): Promise<PageResult<CreditNoteView>> {
  return queryCreditNotes(db, actor, filters);
}
