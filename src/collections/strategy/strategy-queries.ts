// Strategies, rules and overrides in the database. Every strategy read back is validated again
// (strategyFromRow), so a row edited by hand cannot feed the engine a malformed strategy.
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { DEFAULT_RULES, DEFAULT_STRATEGIES } from './default-strategies';
import { bumpGeneration } from './generation';
import type { StrategyRule } from './select-strategy';
import { type Strategy, type StrategyDefinitionT, strategyFromRow } from './strategy-schema';

const STRATEGY_COLUMNS = [
  'id',
  'name',
  'version',
  'locale',
  'label',
  'description',
  'stages',
  'settings',
  'steps',
  'active',
] as const;

export async function loadActiveStrategies(db: Db | Tx): Promise<Strategy[]> {
  const rows = await db.selectFrom('strategy').select(STRATEGY_COLUMNS).where('active', '=', true).execute();
  return rows.map(strategyFromRow);
}

export async function loadStrategy(db: Db | Tx, id: number): Promise<Strategy | null> {
  const row = await db
    .selectFrom('strategy')
    .select(STRATEGY_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? strategyFromRow(row) : null;
}

/** The active version of a name, or else its latest version. */
export async function loadStrategyByName(db: Db | Tx, name: string): Promise<Strategy | null> {
  const row = await db
    .selectFrom('strategy')
    .select(STRATEGY_COLUMNS)
    .where('name', '=', name)
    .orderBy('active', 'desc')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row ? strategyFromRow(row) : null;
}

export interface StrategySummary {
  id: number;
  name: string;
  version: number;
  label: string;
  locale: string;
  active: boolean;
  stepCount: number;
  createdAt: string;
}

export async function listStrategyVersions(db: Db | Tx): Promise<StrategySummary[]> {
  const rows = await db
    .selectFrom('strategy')
    .select(['id', 'name', 'version', 'label', 'locale', 'active', 'created_at'])
    .select(sql<number>`jsonb_array_length(steps)`.as('step_count'))
    .orderBy('name')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    label: r.label,
    locale: r.locale,
    active: r.active,
    stepCount: Number(r.step_count),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Inserts a new version (version = latest + 1), inactive unless `activate`. */
export async function insertStrategyVersion(
  tx: Tx,
  def: StrategyDefinitionT,
  createdBy: number | null,
  activate: boolean,
): Promise<number> {
  // Serialise versioning per name: two editors saving at once get versions n+1 and n+2.
  await sql`select pg_advisory_xact_lock(hashtext(${`strategy:${def.name}`}))`.execute(tx);
  const latest = await tx
    .selectFrom('strategy')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('name', '=', def.name)
    .executeTakeFirst();
  const version = Number(latest?.v ?? 0) + 1;
  if (activate)
    await tx.updateTable('strategy').set({ active: false }).where('name', '=', def.name).execute();
  const row = await tx
    .insertInto('strategy')
    .values({
      name: def.name,
      version,
      locale: def.locale,
      label: def.label,
      description: def.description ?? null,
      stages: JSON.stringify(def.stages),
      settings: JSON.stringify(def.settings),
      steps: JSON.stringify(def.steps),
      active: activate,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A version activated on saving changes what the engine decides open cases by.
  if (activate) await bumpGeneration(tx, { queue: true });
  return row.id;
}

export async function setActiveVersion(tx: Tx, id: number, active: boolean): Promise<boolean> {
  const row = await tx.selectFrom('strategy').select(['name']).where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  await sql`select pg_advisory_xact_lock(hashtext(${`strategy:${row.name}`}))`.execute(tx);
  const before = await tx
    .selectFrom('strategy')
    .select('active')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (before.active === active) return true; // nothing changes: no re-evaluation
  if (active) await tx.updateTable('strategy').set({ active: false }).where('name', '=', row.name).execute();
  await tx.updateTable('strategy').set({ active }).where('id', '=', id).execute();
  await bumpGeneration(tx, { queue: true });
  return true;
}

export async function loadRules(db: Db | Tx): Promise<StrategyRule[]> {
  const rows = await db.selectFrom('strategy_rule').selectAll().orderBy('priority').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    priority: r.priority,
    strategyName: r.strategy_name,
    segment: r.segment,
    grade: r.grade,
    language: r.language,
    minAmount: r.min_amount,
    maxAmount: r.max_amount,
    amountCurrency: r.amount_currency,
  }));
}

export async function replaceRules(
  tx: Tx,
  rules: Array<Omit<StrategyRule, 'id'> & { note?: string | null }>,
) {
  await tx.deleteFrom('strategy_rule').execute();
  await bumpGeneration(tx, { queue: true });
  if (rules.length === 0) return;
  await tx
    .insertInto('strategy_rule')
    .values(
      rules.map((r) => ({
        priority: r.priority,
        strategy_name: r.strategyName,
        segment: r.segment,
        grade: r.grade,
        language: r.language,
        min_amount: r.minAmount,
        max_amount: r.maxAmount,
        amount_currency: r.amountCurrency,
        note: r.note ?? null,
      })),
    )
    .execute();
}

/**
 * Installs the shipped strategies (inactive) and their rules the first time; idempotent and safe when two
 * processes start at once (unique (name, version) decides, and rules come only with a fresh install).
 */
export async function ensureDefaultStrategies(db: Db): Promise<boolean> {
  const exists = await db.selectFrom('strategy').select('id').limit(1).executeTakeFirst();
  if (exists) return false;
  return inTransaction(db, SYSTEM_ACTOR, async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('strategy:defaults'))`.execute(tx);
    const again = await tx.selectFrom('strategy').select('id').limit(1).executeTakeFirst();
    if (again) return false;
    for (const def of DEFAULT_STRATEGIES) await insertStrategyVersion(tx, def, null, false);
    await tx
      .insertInto('strategy_rule')
      .values(
        DEFAULT_RULES.map((r) => ({
          priority: r.priority,
          strategy_name: r.strategy_name,
          segment: 'segment' in r ? r.segment : null,
          grade: 'grade' in r ? r.grade : null,
          language: 'language' in r ? r.language : null,
          note: r.note,
        })),
      )
      .execute();
    return true;
  });
}
