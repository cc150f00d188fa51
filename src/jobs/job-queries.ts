// A job queue in the application's own database (PGlite or PostgreSQL): no extra service to run, and jobs
// commit or roll back with the data they are about. Workers claim with FOR UPDATE SKIP LOCKED; a job whose
// worker died (lock expired) is claimed again; a queued job with a dedupe key exists at most once.
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';

export interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  dedupe_key: string | null;
}

export interface EnqueueOptions {
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Queues a job; with a dedupe key, a job already queued under that key is kept instead. Returns its id. */
export async function enqueueJob(db: Db | Tx, options: EnqueueOptions): Promise<number | null> {
  const row = await sql<{ id: number }>`
    insert into job (kind, payload, run_at, dedupe_key, max_attempts)
    values (${options.kind}, ${JSON.stringify(options.payload ?? {})}::jsonb, ${options.runAt ?? new Date()},
            ${options.dedupeKey ?? null}, ${options.maxAttempts ?? 3})
    on conflict (dedupe_key) where status = 'queued' and dedupe_key is not null do nothing
    returning id`.execute(db);
  if (row.rows[0]) return row.rows[0].id;
  const existing = await sql<{ id: number }>`
    select id from job where dedupe_key = ${options.dedupeKey ?? null} and status = 'queued'`.execute(db);
  return existing.rows[0]?.id ?? null;
}

export async function claimJob(
  db: Db,
  worker: string,
  lockSeconds: number,
  kinds?: string[],
): Promise<JobRow | null> {
  const kindFilter = kinds ? sql`and kind = any(${kinds}::text[])` : sql``;
  const row = await sql<JobRow>`
    update job set status = 'running', attempts = attempts + 1, worker = ${worker}, started_at = now(),
                   locked_until = now() + make_interval(secs => ${lockSeconds})
    where id = (
      select id from job
      where ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now())) ${kindFilter}
      order by run_at, id limit 1 for update skip locked)
    returning id, kind, payload, attempts, max_attempts, dedupe_key`.execute(db);
  return row.rows[0] ?? null;
}

export async function completeJob(db: Db, id: number, result: unknown): Promise<void> {
  await sql`update job set status = 'done', finished_at = now(), locked_until = null,
            result = ${JSON.stringify(result ?? null)}::jsonb where id = ${id}`.execute(db);
}

/** Retries with backoff until max attempts; a retry that a newer queued twin makes pointless is dropped. */
export async function failJob(db: Db, job: JobRow, error: unknown): Promise<void> {
  const message = String((error as Error)?.stack ?? error).slice(0, 4000);
  const retry = job.attempts < job.max_attempts;
  const twin = job.dedupe_key
    ? await sql<{
        id: number;
      }>`select id from job where dedupe_key = ${job.dedupe_key} and status = 'queued'`.execute(db)
    : { rows: [] };
  if (retry && twin.rows.length === 0) {
    await sql`update job set status = 'queued', last_error = ${message}, locked_until = null,
              run_at = now() + make_interval(secs => ${30 * 2 ** (job.attempts - 1)}) where id = ${job.id}`.execute(
      db,
    );
  } else {
    await sql`update job set status = 'failed', last_error = ${message}, finished_at = now(), locked_until = null
              where id = ${job.id}`.execute(db);
  }
}

/** A job queued once a day, at a time of day in the business time zone (a row of job_schedule). */
export interface DailySchedule {
  /** Names the schedule; with the date it is the dedupe key of the day's job. */
  name: string;
  kind: string;
  /** HH:MM, business time zone. */
  atTime: string;
  payload?: Record<string, unknown>;
  /** For listings (`huikuan worker --help`). */
  description?: string;
}

/**
 * Enqueues each daily schedule once per business date, when its time of day has passed. `declared`: the
 * schedules the code defines; a missing one is added to job_schedule first (an existing row, and any time
 * a person set on it, is kept), so a new schedule needs no migration.
 */
export async function enqueueDueSchedules(
  db: Db,
  today: string,
  nowTime: string,
  declared: readonly DailySchedule[] = [],
): Promise<number> {
  return inTransaction(db, SYSTEM_ACTOR, async (tx) => {
    if (declared.length > 0) await declareSchedules(tx, declared);
    return enqueueSchedulesIn(tx, today, nowTime);
  });
}

async function declareSchedules(db: Tx, declared: readonly DailySchedule[]): Promise<void> {
  const rows = declared.map((d) => ({
    name: d.name,
    kind: d.kind,
    at_time: d.atTime,
    payload: d.payload ?? {},
  }));
  await sql`
    insert into job_schedule (name, kind, at_time, payload)
    select d.name, d.kind, d.at_time, d.payload
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(name text, kind text, at_time text, payload jsonb)
    where not exists (select 1 from job_schedule s where s.name = d.name)
    on conflict (name) do nothing`.execute(db);
}

async function enqueueSchedulesIn(db: Tx, today: string, nowTime: string): Promise<number> {
  const due = await sql<{ name: string; kind: string; payload: Record<string, unknown> }>`
    update job_schedule set last_slot = ${today}::date
    where at_time <= ${nowTime} and (last_slot is null or last_slot < ${today}::date)
    returning name, kind, payload`.execute(db);
  for (const schedule of due.rows) {
    await enqueueJob(db, {
      kind: schedule.kind,
      payload: { ...schedule.payload, asOf: today },
      dedupeKey: `${schedule.name}:${today}`,
    });
  }
  return due.rows.length;
}
