// The engine's writes for one batch, each one set-based statement over a JSON record set. Idempotency is in
// the keys: a firing that already exists is not inserted again (and so produces no message or task); the
// day's queued message of a channel is rendered again rather than doubled (see consolidate-messages.ts).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/store';
import type { PlannedMessage, PlannedTask } from './plan-actions';

export interface FiringInsert {
  case_id: number;
  step_key: string;
  occurrence_key: string;
  strategy_id: number;
  stage: string;
  action: string;
  outcome: 'message' | 'task' | 'skipped';
  /** Why a step fired the way it did (a catch-up's late firing), shown in the case history. */
  detail?: string | null;
}

export const firingKey = (caseId: number, stepKey: string, occurrenceKey: string) =>
  `${caseId}|${stepKey}|${occurrenceKey}`;

/**
 * The due firings that have not fired yet (key set). The batch holds its cases' row locks, so nothing else
 * can fire for them until it commits; the unique key on insert remains the last word.
 */
export async function selectNewFirings(tx: Tx, rows: FiringInsert[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  if (rows.length === 0) return fresh;
  const result = await sql<{ case_id: number; step_key: string; occurrence_key: string }>`
    select r.case_id, r.step_key, r.occurrence_key
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(case_id bigint, step_key text, occurrence_key text)
    where not exists (select 1 from step_firing f where f.case_id = r.case_id and f.step_key = r.step_key
                        and f.occurrence_key = r.occurrence_key)`.execute(tx);
  for (const r of result.rows) fresh.add(firingKey(r.case_id, r.step_key, r.occurrence_key));
  return fresh;
}

export interface FiringRow extends FiringInsert {
  outcome: 'message' | 'task' | 'skipped';
  detail: string | null;
  outbox_id: number | null;
  task_id: number | null;
}

/** Records the new firings with what they produced, written once (no second update of each row). */
export async function insertFirings(tx: Tx, rows: FiringRow[], asOf: string, runId: number): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await sql<{ id: number }>`
    insert into step_firing (case_id, step_key, occurrence_key, strategy_id, stage, action, fired_on, run_id, outcome,
                             detail, outbox_id, task_id)
    select r.case_id, r.step_key, r.occurrence_key, r.strategy_id, r.stage, r.action, ${asOf}::date, ${runId},
           r.outcome, r.detail, r.outbox_id, r.task_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(case_id bigint, step_key text, occurrence_key text,
         strategy_id bigint, stage text, action text, outcome text, detail text, outbox_id bigint, task_id bigint)
    order by r.case_id, r.step_key, r.occurrence_key
    on conflict (case_id, step_key, occurrence_key) do nothing
    returning id`.execute(tx);
  return result.rows.length;
}

const messageColumns = (m: PlannedMessage) => ({
  template_key: m.rendered.templateKey,
  locale: m.rendered.locale,
  recipients: m.recipients,
  subject: m.channel === 'sms' ? null : m.rendered.subject,
  body: m.rendered.body,
  payload: m.payload,
});

/**
 * Queues new consolidated messages; returns dedupe key → outbox id. No `on conflict do nothing` here: the
 * keys were chosen knowing the case's rows of the day under the case's lock, so a clash is a bug to surface,
 * not a message to drop (dropping it once recorded new steps against an older message).
 */
export async function insertMessages(tx: Tx, messages: PlannedMessage[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (messages.length === 0) return ids;
  const rows = messages.map((m) => ({
    case_id: m.caseId,
    customer_id: m.customerId,
    entity_id: m.entityId,
    channel: m.channel,
    ...messageColumns(m),
    dedupe_key: m.dedupeKey,
    scheduled_on: m.scheduledOn,
  }));
  const inserted = await sql<{ id: number; dedupe_key: string }>`
    insert into outbox (case_id, customer_id, entity_id, channel, template_key, locale, recipients, subject, body,
                        payload, dedupe_key, scheduled_on)
    select r.case_id, r.customer_id, r.entity_id, r.channel, r.template_key, r.locale, r.recipients, r.subject, r.body,
           r.payload, r.dedupe_key, r.scheduled_on
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(case_id bigint, customer_id bigint, entity_id bigint,
         channel text, template_key text, locale text, recipients jsonb, subject text, body text, payload jsonb,
         dedupe_key text, scheduled_on date)
    order by r.dedupe_key
    returning id, dedupe_key`.execute(tx);
  for (const r of inserted.rows) ids.set(r.dedupe_key, r.id);
  return ids;
}

/** Renders queued messages again (more steps, or invoices that changed); a message that left is not touched. */
export async function updateMessages(
  tx: Tx,
  updates: Array<{ id: number; message: PlannedMessage }>,
): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map((u) => ({ id: u.id, ...messageColumns(u.message) }));
  await sql`
    update outbox o set template_key = r.template_key, locale = r.locale, recipients = r.recipients,
      subject = r.subject, body = r.body, payload = r.payload
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id bigint, template_key text, locale text,
         recipients jsonb, subject text, body text, payload jsonb)
    where o.id = r.id and o.status = 'queued'`.execute(tx);
}

/** Cancels queued messages that have nothing left to say, with the reason. */
export async function cancelMessages(tx: Tx, cancels: Array<{ id: number; reason: string }>): Promise<void> {
  if (cancels.length === 0) return;
  await sql`
    update outbox o set status = 'cancelled', error = r.reason
    from jsonb_to_recordset(${JSON.stringify(cancels)}::jsonb) as r(id bigint, reason text)
    where o.id = r.id and o.status = 'queued'`.execute(tx);
}

/** Creates worklist tasks (and credit holds); returns firing key → task id. */
export async function insertTasks(tx: Tx, tasks: PlannedTask[], asOf: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (tasks.length === 0) return ids;
  const rows = tasks.map((t) => ({
    case_id: t.caseId,
    customer_id: t.customerId,
    entity_id: t.entityId,
    type: t.type,
    title: t.title,
    instructions: t.instructions,
    due_on: t.dueOn,
    assignee_id: t.assigneeId,
    assignee_role: t.assigneeRole,
    step_key: t.stepKey,
    payload: { ...t.payload, occurrenceKey: t.firing.occurrenceKey },
  }));
  const inserted = await sql<{ id: number; case_id: number; step_key: string; occurrence_key: string }>`
    insert into task (case_id, customer_id, entity_id, type, title, instructions, due_on, assignee_id, assignee_role,
                      step_key, payload)
    select r.case_id, r.customer_id, r.entity_id, r.type, r.title, r.instructions, r.due_on, r.assignee_id,
           r.assignee_role, r.step_key, r.payload
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(case_id bigint, customer_id bigint, entity_id bigint,
         type text, title text, instructions text, due_on date, assignee_id bigint, assignee_role text, step_key text,
         payload jsonb)
    returning id, case_id, step_key, payload->>'occurrenceKey' as occurrence_key`.execute(tx);
  for (const r of inserted.rows) ids.set(firingKey(r.case_id, r.step_key, r.occurrence_key), r.id);
  const holds = tasks.filter((t) => t.creditHold);
  if (holds.length > 0) {
    // One active hold per customer; the credit-management module releases it.
    const holdRows = holds.map((t) => ({
      customer_id: t.customerId,
      entity_id: t.entityId,
      case_id: t.caseId,
      reason: t.title,
      stage: t.stage,
    }));
    await sql`
      insert into credit_hold (customer_id, entity_id, case_id, reason, placed_on, placed_stage)
      select distinct on (r.customer_id) r.customer_id, r.entity_id, r.case_id, r.reason, ${asOf}::date, r.stage
      from jsonb_to_recordset(${JSON.stringify(holdRows)}::jsonb) as r(customer_id bigint, entity_id bigint, case_id bigint, reason text, stage text)
      order by r.customer_id
      on conflict (customer_id) where status = 'active' do nothing`.execute(tx);
  }
  return ids;
}

export interface CaseUpdate {
  id: number;
  stage: string;
  stage_since: string;
  stage_clock: unknown;
  hold_spans: unknown;
  stage_floor: string | null;
  status: string;
  manual_status: string | null;
  paused_until: string | null;
  strategy_id: number | null;
  strategy_name: string | null;
  strategy_version: number | null;
  strategy_since: string | null;
  anchor_due_on: string | null;
  days_past_due: number | null;
  totals: unknown;
  amount_cny: number;
  missing_rates: string[] | null;
  next_action_on: string | null;
  next_step_key: string | null;
}

export async function updateCases(
  tx: Tx,
  updates: CaseUpdate[],
  asOf: string,
  generation: number,
): Promise<void> {
  if (updates.length === 0) return;
  await sql`
    update collection_case k set stage = r.stage, stage_since = r.stage_since, stage_clock = r.stage_clock,
      hold_spans = r.hold_spans, stage_floor = r.stage_floor,
      status = r.status, manual_status = r.manual_status, paused_until = r.paused_until, strategy_id = r.strategy_id,
      strategy_name = r.strategy_name, strategy_version = r.strategy_version, strategy_since = r.strategy_since,
      anchor_due_on = r.anchor_due_on,
      days_past_due = r.days_past_due, totals = r.totals, amount_cny = r.amount_cny,
      missing_rates = (select array_agg(x) from jsonb_array_elements_text(r.missing_rates) as x),
      next_action_on = r.next_action_on, next_step_key = r.next_step_key, evaluated_on = ${asOf}::date, seen_on = ${asOf}::date,
      evaluated_generation = ${generation}, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as r(id bigint, stage text, stage_since date,
         stage_clock jsonb, hold_spans jsonb, stage_floor text, status text, manual_status text, paused_until date, strategy_id bigint, strategy_name text,
         strategy_version integer, strategy_since date, anchor_due_on date, days_past_due integer, totals jsonb, amount_cny bigint, missing_rates jsonb,
         next_action_on date, next_step_key text)
    where k.id = r.id`.execute(tx);
  // A credit hold the engine placed is released once the case is back under the rules that placed it: its
  // stage is now below the stage of the step that placed the hold (a payment moved the anchor back).
  const below = updates.filter((u) => u.stage !== 'strong').map((u) => u.id);
  if (below.length === 0) return;
  await sql`
    update credit_hold h set status = 'released', released_on = greatest(${asOf}::date, h.placed_on),
      released_reason = 'creditHoldReleasedBackUnderRules'
    from collection_case k
    where h.case_id = k.id and k.id = any(${below}::bigint[]) and h.status = 'active' and h.source = 'collections'
      and h.placed_stage is not null
      and (case k.stage when 'reminder' then 0 when 'early' then 1 else 2 end)
        < (case h.placed_stage when 'reminder' then 0 when 'early' then 1 else 2 end)`.execute(tx);
}
