// Reading and changing analytics settings (admin) and specific provisions (单项计提).
import { type Actor, assertCan, rowVisible } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { invalid, msg, notFound } from '../platform/errors';
import {
  rebuildArSummary,
  selectSettings,
  selectSpecificProvisions,
  upsertSetting,
} from './settings-queries';
import { type AnalyticsSettings, SETTING_KEYS, validateSetting } from './settings-rules';

export async function getAnalyticsSettings(db: Db, actor: Actor) {
  assertCan(actor, 'reports:read');
  const settings = await selectSettings(db);
  return { ...settings, specificProvisions: await visibleSpecifics(db, actor) };
}

async function visibleSpecifics(db: Db, actor: Actor) {
  const all = await selectSpecificProvisions(db);
  if (!actor.customerScope) return all;
  const ids = await db
    .selectFrom('customer')
    .select('id')
    .where(rowVisible(actor, { customer: 'customer.id', entity: null }))
    .where('id', 'in', all.length ? all.map((s) => s.customerId) : [-1])
    .execute();
  const visible = new Set(ids.map((r) => r.id));
  return all.filter((s) => visible.has(s.customerId));
}

export async function updateAnalyticsSettings(db: Db, actor: Actor, patch: Partial<Record<string, unknown>>) {
  assertCan(actor, 'admin');
  const unknown = Object.keys(patch).filter((k) => !(SETTING_KEYS as string[]).includes(k));
  if (unknown.length) {
    throw invalid(
      msg('unknownSettings', { keys: unknown.join(', ') }),
      unknown.map((field) => ({ field, reason: 'unknown setting' })),
    );
  }
  const values = Object.entries(patch).map(
    ([key, value]) => [key, validateSetting(key as keyof AnalyticsSettings, value)] as const,
  );
  await inTransaction(db, actor, async (tx) => {
    const before = await selectSettings(tx);
    for (const [key, value] of values) await upsertSetting(tx, key, value, actor.userId);
    const after = await selectSettings(tx);
    // The summary is kept per overdue bucket and per aging-method age bucket: new edges, new summary.
    const edgesChanged =
      JSON.stringify(after.dueBuckets) !== JSON.stringify(before.dueBuckets) ||
      JSON.stringify(after.agingMethod.edges) !== JSON.stringify(before.agingMethod.edges);
    if (edgesChanged) await rebuildArSummary(tx);
  });
  return getAnalyticsSettings(db, actor);
}

export async function setSpecificProvision(
  db: Db,
  actor: Actor,
  input: { customerId: number; rate: string | null; reason?: string },
) {
  assertCan(actor, 'admin');
  await inTransaction(db, actor, async (tx) => {
    const customer = await tx
      .selectFrom('customer')
      .select('id')
      .where('id', '=', input.customerId)
      .executeTakeFirst();
    if (!customer) throw notFound('customer', input.customerId);
    if (input.rate === null) {
      await tx
        .deleteFrom('analytics_specific_provision')
        .where('customer_id', '=', input.customerId)
        .execute();
      return;
    }
    if (!/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/.test(input.rate)) {
      throw invalid(msg('rateZeroToOne'), [
        { field: 'rate', value: input.rate, reason: 'not a rate', code: 'notARate' },
      ]);
    }
    if (!input.reason?.trim())
      throw invalid(msg('reasonRequired'), [{ field: 'reason', reason: 'required' }]);
    await tx
      .insertInto('analytics_specific_provision')
      .values({
        customer_id: input.customerId,
        rate: input.rate,
        reason: input.reason.trim(),
        updated_by: actor.userId,
      })
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet({
          rate: input.rate as string,
          reason: input.reason!.trim(),
          updated_by: actor.userId,
          updated_at: new Date(),
        }),
      )
      .execute();
  });
  return getAnalyticsSettings(db, actor);
}
