// "Turning on a default strategy for the demo data produces the right reminders, calls and escalations on
// the right days, and nothing fires twice or is forgotten": the standard strategy on a small demo ledger,
// the engine run every day for three weeks, and every firing checked against its trigger.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { runEngine } from '../../src/collections/engine/run-engine';
import { readReason } from '../../src/collections/reasons';
import { STANDARD } from '../../src/collections/strategy/default-strategies';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { loadDemo } from '../../src/demo/load-demo';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { addDays, daysBetween } from '../../src/shared/dates';
import { describeEachStore } from '../support/stores';
import { activate } from './fixtures';
import { caseInvariantViolations } from './scenario';

const AS_OF = '2026-03-02';
const DAYS = 21;

describeEachStore('standard strategy on the demo ledger', (store) => {
  it('fires every step on its day, once, and keeps every overdue invoice in a case', {
    timeout: 600_000,
  }, async () => {
    const db = store().db;
    await loadDemo(store(), SYSTEM_ACTOR, { customers: 40, invoices: 800, seed: 7, months: 12, asOf: AS_OF });
    await ensureDefaultStrategies(db);
    await activate(db, 'standard'); // the other shipped strategies stay off: every customer follows this one
    for (let d = 0; d < DAYS; d++) {
      const date = addDays(AS_OF, d);
      await runEngine(db, { asOf: date, kind: 'full' });
      expect(await caseInvariantViolations(db, date, 7)).toEqual([]);
    }
    const firings = await sql<{
      step_key: string;
      occurrence_key: string;
      fired_on: string;
      case_id: number;
      outcome: string;
      detail: string | null;
      strategy_since: string;
    }>`
      select f.step_key, f.occurrence_key, f.fired_on, f.case_id, f.outcome, f.detail, k.strategy_since
      from step_firing f join collection_case k on k.id = f.case_id order by f.fired_on, f.case_id`.execute(
      db,
    );
    const steps = new Map(STANDARD.steps.map((s) => [s.key, s]));
    const late: string[] = [];
    for (const f of firings.rows) {
      const step = steps.get(f.step_key)!;
      const t = step.trigger;
      if (t.type !== 'daysFromDue' && t.type !== 'daysInStage') continue;
      const parts = f.occurrence_key.split(':');
      const base = t.type === 'daysFromDue' ? parts[1] : parts[2];
      const n = Number(parts.at(-1));
      const dueOn = addDays(base, t.days + n * (t.repeatEveryDays ?? 0));
      // Every step fires exactly on its day, except on the day the strategy reached the case (the first day,
      // or the day a case opened): a step that fell due before then is caught up (fired or, when obsolete,
      // recorded as skipped) that day, and only then.
      const lateness = daysBetween(dueOn, f.fired_on);
      const caughtUp = f.fired_on === f.strategy_since && lateness > 0;
      // A step skipped on its own day for want of a consenting contact is fine; a catch-up skip happens only on
      // the day the strategy reached the case.
      const caughtUpSkip =
        f.outcome === 'skipped' && (readReason(f.detail).text ?? '').startsWith('caught up');
      if (lateness < 0 || (lateness > 0 && !caughtUp) || (caughtUpSkip && !caughtUp))
        late.push(`${f.step_key} ${f.occurrence_key} ${f.outcome} ${f.fired_on} ${f.detail}`);
      // Friendly reminders go before the due date; a case still in the reminder stage on its due date, when
      // the strategy first reaches it, gets its caught-up reminder that day (the last day before overdue).
      if (step.stage === 'reminder' && f.outcome !== 'skipped')
        expect(
          f.fired_on < base || (caughtUp && f.fired_on === base),
          `${f.step_key} before the due date: ${JSON.stringify(f)}`,
        ).toBe(true);
    }
    expect(late, JSON.stringify(late)).toEqual([]);
    const fired = new Set(firings.rows.map((f) => f.step_key));
    for (const key of [
      'remind-7',
      'remind-sms-1',
      'overdue-1',
      'first-call-2',
      'escalate',
      'final-demand',
      'credit-hold',
    ]) {
      expect(fired.has(key), `${key} fired at least once`).toBe(true);
    }
    // Nothing twice: one firing per case, step and occurrence; one message per case, channel and day.
    const twice = await sql<{ n: number }>`
      select count(*)::int as n from (
        select 1 from step_firing group by case_id, step_key, occurrence_key having count(*) > 1
        union all select 1 from outbox group by case_id, channel, scheduled_on having count(*) > 1) d`.execute(
      db,
    );
    expect(twice.rows[0].n).toBe(0);
    // Every message lists invoices and goes to a consenting debtor contact or, for letters, the company.
    const messages = await sql<{ n: number; empty: number }>`
      select count(*)::int as n, count(*) filter (where jsonb_array_length(payload->'invoices') = 0)::int as empty
      from outbox`.execute(db);
    expect(messages.rows[0].n).toBeGreaterThan(20);
    expect(messages.rows[0].empty).toBe(0);
  });
});
