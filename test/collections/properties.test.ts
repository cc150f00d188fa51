// Property tests of the engine over random ledgers and event orders (seeded, so a failure replays):
// - after every run, every open invoice due by the horizon (every overdue amount) is in exactly one case;
// - after every full run, every open case was evaluated on its ledger as it is (none left behind by a
//   change made during the day);
// - no step fires twice for a case and trigger occurrence — not even when the case leaves a stage and comes
//   back to it — and at most one message per case, channel and day is waiting to be sent;
// - every step recorded as a message is named by the message it points at;
// - killing runs at random points (any batch, any statement) and re-running gives the same outbox, tasks
//   and firings as clean runs;
// - two workers running every cycle at the same time give the same result, without duplicates.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { type EngineOptions, runEngine } from '../../src/collections/engine/run-engine';
import { draw } from '../../src/collections/simulator/behaviour';
import type { Db } from '../../src/platform/db/store';
import { describeEachStore } from '../support/stores';
import {
  buildScenario,
  caseInvariantViolations,
  engineOutput,
  refiredSteps,
  staleCases,
  unsaidSteps,
} from './scenario';

type Mode = 'clean' | 'killed' | 'concurrent';
const HORIZON = 10; // the high-risk strategy reminds 10 days before the due date

class Killed extends Error {}

async function runOnce(
  db: Db,
  options: EngineOptions,
  mode: Mode,
  seed: number,
  salt: number,
): Promise<number> {
  if (mode === 'concurrent') {
    await Promise.all([
      runEngine(db, { ...options, batchSize: 2 }),
      runEngine(db, { ...options, batchSize: 3 }),
    ]);
    return 0;
  }
  if (mode === 'clean') {
    await runEngine(db, { ...options, batchSize: 2 });
    return 0;
  }
  // Up to three attempts die at a random checkpoint; the next run of the same kind must finish the work.
  let kills = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const killAt = 1 + Math.floor(draw(seed, salt, attempt, 99) * 12);
    let calls = 0;
    try {
      await runEngine(db, {
        ...options,
        batchSize: 2 + attempt,
        concurrency: 1 + (attempt % 2),
        checkpoint: () => {
          if (++calls === killAt) throw new Killed(`killed at checkpoint ${killAt}`);
        },
      });
      return kills;
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
      kills++;
    }
  }
  await runEngine(db, { ...options, batchSize: 2 });
  return kills;
}

async function replay(db: Db, seed: number, mode: Mode) {
  const scenario = await buildScenario(db, seed);
  const violations: string[] = [];
  let kills = 0;
  let salt = 0;
  for (const day of scenario.days) {
    for (const event of day.events) {
      await event.apply(db);
      if (event.thenIncremental)
        kills += await runOnce(db, { asOf: day.date, kind: 'incremental' }, mode, seed, ++salt);
    }
    kills += await runOnce(db, { asOf: day.date, kind: 'full' }, mode, seed, ++salt);
    for (const event of day.afterFull) {
      await event(db);
      kills += await runOnce(db, { asOf: day.date, kind: 'full' }, mode, seed, ++salt);
    }
    violations.push(...(await caseInvariantViolations(db, day.date, HORIZON)));
    violations.push(...(await staleCases(db, day.date, HORIZON)));
    const unevaluated = await sql<{ n: number }>`
      select count(*)::int as n from collection_case where closed_on is null and evaluated_on is distinct from ${day.date}::date`.execute(
      db,
    );
    if (unevaluated.rows[0].n > 0)
      violations.push(`${unevaluated.rows[0].n} open cases not evaluated on ${day.date}`);
  }
  const duplicates = await sql<{ n: number }>`
    select count(*)::int as n from (
      select case_id, step_key, occurrence_key from step_firing group by 1, 2, 3 having count(*) > 1
      union all
      select case_id::bigint, channel, scheduled_on::text from outbox where status = 'queued'
      group by 1, 2, 3 having count(*) > 1
      union all
      select case_id, step_key, payload->>'occurrenceKey' from task group by 1, 2, 3 having count(*) > 1) d`.execute(
    db,
  );
  violations.push(...(await refiredSteps(db)), ...(await unsaidSteps(db)));
  return { output: await engineOutput(db), violations, duplicates: duplicates.rows[0].n, kills };
}

describeEachStore('collections engine properties', (store) => {
  for (const seed of [11, 29, 47]) {
    it(`seed ${seed}: cases cover every overdue amount; kills and concurrent workers change nothing`, {
      timeout: 300_000,
    }, async () => {
      const db = store().db;
      const clean = await replay(db, seed, 'clean');
      expect(clean.violations).toEqual([]);
      expect(clean.duplicates).toBe(0);
      // The scenario must exercise the engine, or the comparisons below prove nothing.
      expect(clean.output.firings.length).toBeGreaterThan(3);
      expect(clean.output.outbox.length).toBeGreaterThan(1);

      const killed = await replay(db, seed, 'killed');
      expect(killed.kills).toBeGreaterThan(0);
      expect(killed.violations).toEqual([]);
      expect(killed.duplicates).toBe(0);
      expect(killed.output).toEqual(clean.output);

      const concurrent = await replay(db, seed, 'concurrent');
      expect(concurrent.violations).toEqual([]);
      expect(concurrent.duplicates).toBe(0);
      expect(concurrent.output).toEqual(clean.output);
    });
  }
});
