// Reading and writing analytics settings and specific provisions.
import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/store';
import { type AnalyticsSettings, DEFAULT_SETTINGS, SETTING_KEYS } from './settings-rules';

export async function selectSettings(db: Db | Tx): Promise<AnalyticsSettings> {
  const rows = await db.selectFrom('analytics_setting').select(['key', 'value']).execute();
  const settings = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  for (const row of rows) if ((SETTING_KEYS as string[]).includes(row.key)) settings[row.key] = row.value;
  return settings as unknown as AnalyticsSettings;
}

export async function upsertSetting(
  tx: Tx,
  key: string,
  value: unknown,
  userId: number | null,
): Promise<void> {
  await tx
    .insertInto('analytics_setting')
    .values({ key, value: JSON.stringify(value), updated_by: userId })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value: JSON.stringify(value), updated_by: userId, updated_at: sql`now()` as never }),
    )
    .execute();
}

/** The trend summary depends on the overdue bucket edges: rebuild it in the same transaction. */
export async function rebuildArSummary(tx: Db | Tx): Promise<void> {
  await sql`select analytics_rebuild_ar_delta()`.execute(tx);
}

export interface SpecificProvision {
  customerId: number;
  customerCode: string;
  customerName: string;
  rate: string;
  reason: string;
}

export async function selectSpecificProvisions(
  db: Db | Tx,
  customerIds?: number[],
): Promise<SpecificProvision[]> {
  let query = db
    .selectFrom('analytics_specific_provision as p')
    .innerJoin('customer as c', 'c.id', 'p.customer_id')
    .select([
      'p.customer_id as customerId',
      'c.code as customerCode',
      'c.name as customerName',
      sql<string>`trim_scale(p.rate)::text`.as('rate'),
      'p.reason',
    ])
    .orderBy('c.code');
  if (customerIds) query = query.where('p.customer_id', 'in', customerIds.length ? customerIds : [-1]);
  return query.execute();
}
