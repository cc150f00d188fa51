// Query plans of the statements a use case really sends: they are recorded through a Kysely plugin,
// replayed in a transaction (so transaction-local settings apply) and the chosen one EXPLAINed with its
// parameters. For tests that an index answers a list, whatever plan the statistics would otherwise favour.
import {
  CompiledQuery,
  createQueryId,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type RootOperationNode,
  sql,
} from 'kysely';
import type { Db } from '../../src/platform/db/store';

export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Every node of a plan tree, the root first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The statements `fn` runs on `db`, compiled as they were sent. */
export async function recordedStatements(db: Db, fn: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  const seen: RootOperationNode[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args: PluginTransformQueryArgs) => {
      seen.push(args.node);
      return args.node;
    },
    transformResult: async (args: PluginTransformResultArgs) => args.result,
  };
  await fn(db.withPlugin(plugin));
  return seen.map((node) => db.getExecutor().compileQuery(node, createQueryId()));
}

/**
 * The plan (every node) of the statement `pick` chooses among those `fn` runs (the last by default), after
 * the statements before it, in a transaction that first applies `settings` (e.g. `parallel_setup_cost = 0`).
 */
export async function planOf(
  db: Db,
  fn: (db: Db) => Promise<unknown>,
  options: { settings?: string[]; analyze?: boolean; pick?: (statements: CompiledQuery[]) => number } = {},
): Promise<PlanNode[]> {
  const statements = await recordedStatements(db, fn);
  const index = options.pick ? options.pick(statements) : statements.length - 1;
  const chosen = statements[index];
  if (!chosen) throw new Error('no statement recorded');
  return db.transaction().execute(async (tx) => {
    for (const setting of options.settings ?? []) await sql`set local ${sql.raw(setting)}`.execute(tx);
    for (const statement of statements.slice(0, index)) {
      if (/^\s*(set local|select|with)\b/i.test(statement.sql)) await tx.executeQuery(statement);
    }
    const result = await tx.executeQuery<{ 'QUERY PLAN': unknown }>(
      CompiledQuery.raw(`explain (${options.analyze ? 'analyze, ' : ''}format json) ${chosen.sql}`, [
        ...chosen.parameters,
      ]),
    );
    const json = result.rows[0]['QUERY PLAN'];
    const plan = (typeof json === 'string' ? JSON.parse(json) : json) as Array<{ Plan: PlanNode }>;
    return planNodes(plan[0].Plan);
  });
}
