// Changes a person makes to a case: pause (停催) until a date or resume, mark it as with legal or an agency,
// or hand it to another collector. The engine honours them from its next cycle; a pause or a hand-over also
// cancels the case's queued messages at once (hold-messages.ts).
import { assigneeProblem } from '../../auth/assignable-user';
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { MESSAGES } from '../../shared/messages';
import type { CaseDetail } from './case-dto';
import { selectCase } from './case-queries';
import { getCase } from './get-case';
import { holdBackMessages } from './hold-messages';
import { markCustomerChanged } from './mark-changed';

export interface UpdateCaseInput {
  id: number;
  today: string;
  manualStatus?: 'paused' | 'legal' | 'agency' | null;
  pausedUntil?: string | null;
  collectorId?: number | null;
}

export async function updateCase(db: Db, actor: Actor, input: UpdateCaseInput): Promise<CaseDetail> {
  assertCan(actor, 'collections:write');
  if (input.pausedUntil && !isValidIsoDate(input.pausedUntil)) {
    throw invalid(msg('pausedUntilDate'), [
      { field: 'pausedUntil', value: input.pausedUntil, reason: 'YYYY-MM-DD' },
    ]);
  }
  if (input.pausedUntil && input.manualStatus !== 'paused') {
    throw invalid(msg('pausedUntilNeedsPause'), [
      { field: 'pausedUntil', reason: MESSAGES.onlyPauseHasEnd.en, code: 'onlyPauseHasEnd' },
    ]);
  }
  await inTransaction(db, actor, async (tx) => {
    const kase = await selectCase(tx, actor, input.id);
    if (!kase) throw notFound('Case', input.id);
    if (kase.closed_on) throw invalid(msg('caseClosed', { id: input.id }));
    const set: Record<string, unknown> = {};
    if (input.manualStatus !== undefined) {
      set.manual_status = input.manualStatus;
      set.paused_until = input.manualStatus === 'paused' ? (input.pausedUntil ?? null) : null;
    }
    if (input.collectorId !== undefined) {
      if (input.collectorId !== null) {
        const problem = await assigneeProblem(tx, 'collectorId', input.collectorId);
        if (problem) throw invalid(msg('collectorNotAssignable'), [problem]);
      }
      set.collector_id = input.collectorId;
      // Open tasks of the collector move with the case.
      await tx
        .updateTable('task')
        .set({ assignee_id: input.collectorId, updated_at: new Date() })
        .where('case_id', '=', input.id)
        .where('status', '=', 'open')
        .where('assignee_role', '=', 'collector')
        .execute();
    }
    if (Object.keys(set).length > 0) {
      await tx
        .updateTable('collection_case')
        .set({ ...set, updated_at: new Date() })
        .where('id', '=', input.id)
        .execute();
      // Paused, or handed to legal or an agency: what is still queued was written before and is not sent
      // (hold-messages.ts). Only on the change to legal or agency: once there, the strategy's non-litigation
      // steps go on alongside, and saving the case again must not cancel their messages.
      const hold = input.manualStatus;
      if (hold === 'paused' || (hold && hold !== kase.manual_status))
        await holdBackMessages(tx, input.id, hold);
      await markCustomerChanged(tx, kase.customer_id);
    }
  });
  return getCase(db, actor, { id: input.id, today: input.today });
}
