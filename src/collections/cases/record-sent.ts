// Messages handed to the mail, SMS or post gateway: the outbox row is marked sent on its scheduled day.
// The application queues messages and leaves their delivery to a gateway outside it; this is how such a
// gateway (and the demo's replay of past weeks, in which every message went out on its day) records it.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/store';

/**
 * Marks every message still queued for a day up to `upTo` as sent on that day (at 09:00 in `timeZone`);
 * returns how many. Cancelled and failed messages stay as they are.
 */
export async function recordMessagesSent(
  db: Db,
  input: { upTo: string; timeZone?: string },
): Promise<number> {
  const result = await sql`
    update outbox set status = 'sent',
      sent_at = (scheduled_on + time '09:00') at time zone ${input.timeZone ?? 'Asia/Shanghai'}
    where status = 'queued' and scheduled_on <= ${input.upTo}::date`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
