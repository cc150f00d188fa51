// What the debtor agreed to and what was sent to it, for the limitation periods of the legal module:
// promises (承诺还款), payment plans (分期) and messages sent, per customer and selling entity, scoped by rowVisible.
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';

export interface Undertaking {
  kind: 'promise' | 'plan' | 'message';
  id: number;
  customerId: number;
  entityId: number;
  on: string;
  /** The message's channel (email, sms, letter); the promise's or plan's note. */
  detail: string | null;
  /** A message names the invoices it demanded; null: the whole debt of the customer in the entity. */
  invoiceIds: number[] | null;
}

export async function selectUndertakings(
  db: Db | Tx,
  actor: Actor,
  filter: { asOf: string; timeZone: string; entityId?: number; customerId?: number },
): Promise<Undertaking[]> {
  const scope = (alias: string) =>
    sql`${rowVisible(actor, { customer: `${alias}.customer_id`, entity: `${alias}.entity_id` })}
      ${filter.entityId !== undefined ? sql`and ${sql.ref(`${alias}.entity_id`)} = ${filter.entityId}` : sql``}
      ${filter.customerId !== undefined ? sql`and ${sql.ref(`${alias}.customer_id`)} = ${filter.customerId}` : sql``}`;
  const { rows } = await sql<Undertaking>`
    select 'promise' as kind, p.id, p.customer_id as "customerId", p.entity_id as "entityId",
           p.promised_on::text as "on", p.note as detail, null::bigint[] as "invoiceIds"
      from promise p
     where p.status <> 'cancelled' and p.promised_on <= ${filter.asOf} and ${scope('p')}
    union all
    select 'plan', pl.id, pl.customer_id, pl.entity_id, pl.created_on::text, pl.note, null::bigint[]
      from payment_plan pl
     -- a plan the debtor agreed to: not a proposal waiting for or refused approval, nor a cancelled one
     where pl.status in ('active', 'completed', 'defaulted') and pl.created_on <= ${filter.asOf} and ${scope('pl')}
    union all
    select 'message', o.id, o.customer_id, o.entity_id,
           coalesce((o.sent_at at time zone ${filter.timeZone})::date, o.scheduled_on)::text, o.channel,
           (select array_agg((x ->> 'id')::bigint) from jsonb_array_elements(
              case when jsonb_typeof(o.payload -> 'invoices') = 'array' then o.payload -> 'invoices' else '[]'::jsonb end
            ) x where x ->> 'id' is not null)
      from outbox o
     where o.status = 'sent' and coalesce((o.sent_at at time zone ${filter.timeZone})::date, o.scheduled_on) <= ${filter.asOf}
       and ${scope('o')}`.execute(db);
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    customerId: Number(r.customerId),
    entityId: Number(r.entityId),
    invoiceIds: r.invoiceIds ? r.invoiceIds.map(Number) : null,
  }));
}
