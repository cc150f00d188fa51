// The outbox: consolidated messages queued by the engine, newest first (the communications module sends).
import { type RawBuilder, sql } from 'kysely';
import { type Actor, assertCan, rowVisible } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { invalid, msg } from '../../platform/errors';
import { decodeCursor, encodeCursor, type PageResult } from '../../platform/http/pagination';
import { errorFields } from '../reasons';
import type { OutboxMessage } from './case-dto';

export interface OutboxFilter {
  caseId?: number;
  customerId?: number;
  status?: string;
  channel?: string;
  limit?: number;
  cursor?: string;
}

export async function listOutbox(db: Db, actor: Actor, f: OutboxFilter): Promise<PageResult<OutboxMessage>> {
  assertCan(actor, 'collections:read');
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const where: RawBuilder<unknown>[] = [
    rowVisible(actor, { customer: 'o.customer_id', entity: 'o.entity_id' }),
  ];
  if (f.caseId) where.push(sql<boolean>`o.case_id = ${f.caseId}`);
  if (f.customerId) where.push(sql<boolean>`o.customer_id = ${f.customerId}`);
  if (f.status) where.push(sql<boolean>`o.status = ${f.status}`);
  if (f.channel) where.push(sql<boolean>`o.channel = ${f.channel}`);
  if (f.cursor) {
    const [id] = decodeCursor(f.cursor, 1);
    if (typeof id !== 'number') throw invalid(msg('cursorInvalid'));
    where.push(sql<boolean>`o.id < ${id}`);
  }
  const rows = await sql<OutboxRow>`select ${OUTBOX_COLUMNS}
     from outbox o where ${sql.join(where, sql` and `)} order by o.id desc limit ${limit + 1}`.execute(db);
  const page = rows.rows.slice(0, limit);
  return {
    items: page.map(toOutboxMessage),
    nextCursor: rows.rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}

/** An outbox row as the message list and the case view read it (OUTBOX_COLUMNS of `outbox o`). */
export interface OutboxRow {
  id: number;
  case_id: number;
  customer_id: number;
  channel: string;
  template_key: string;
  locale: string;
  recipients: OutboxMessage['recipients'];
  subject: string | null;
  body: string;
  status: string;
  scheduled_on: string;
  payload: { steps?: string[] } | null;
  error: string | null;
  content_hash: string | null;
}

export const OUTBOX_COLUMNS = sql`o.id, o.case_id, o.customer_id, o.channel, o.template_key, o.locale, o.recipients,
  o.subject, o.body, o.status, o.scheduled_on, o.payload, o.error, o.content_hash`;

export function toOutboxMessage(r: OutboxRow): OutboxMessage {
  return {
    id: r.id,
    caseId: r.case_id,
    customerId: r.customer_id,
    channel: r.channel,
    templateKey: r.template_key,
    locale: r.locale,
    recipients: r.recipients,
    subject: r.subject,
    body: r.body,
    status: r.status,
    scheduledOn: r.scheduled_on,
    steps: r.payload?.steps ?? [],
    ...errorFields(r.error),
    contentHash: r.content_hash,
  };
}
