// One credit note with its allocations.
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { type CreditNoteDetail, loadCreditNoteDetail } from './credit-note-queries';

export async function getCreditNote(db: Db, actor: Actor, id: number): Promise<CreditNoteDetail> {
  return loadCreditNoteDetail(db, actor, id);
}
