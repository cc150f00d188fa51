// What every report use case starts with: the right to read reports, the settings, the reporting
// currency, and a converter for the report date.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg } from '../platform/errors';
import { isValidIsoDate } from '../shared/dates';
import { Converter, isKnownCurrency } from '../shared/money';
import { selectRatesOn, selectVisibleEntities } from './label-queries';
import { selectSettings } from './settings-queries';
import type { AnalyticsSettings } from './settings-rules';

export interface ReportContext {
  settings: AnalyticsSettings;
  reportCurrency: string;
  converter: Converter;
}

export function checkDate(value: string, field: string): string {
  if (!isValidIsoDate(value))
    throw invalid(msg('dateRequired', { field }), [{ field, value, reason: 'not a date' }]);
  return value;
}

export async function openReport(
  db: Db,
  actor: Actor,
  input: { date: string; entityId?: number; reportCurrency?: string },
): Promise<ReportContext> {
  assertCan(actor, 'reports:read');
  let reportCurrency = input.reportCurrency;
  if (reportCurrency && !isKnownCurrency(reportCurrency)) {
    throw invalid(msg('reportUnknownCurrency', { currency: reportCurrency }), [
      { field: 'reportCurrency', value: reportCurrency, reason: 'unknown currency' },
    ]);
  }
  const [settings, entities, rates] = await Promise.all([
    selectSettings(db),
    reportCurrency ? Promise.resolve([]) : selectVisibleEntities(db, actor),
    selectRatesOn(db, [input.date]),
  ]);
  if (!reportCurrency) {
    // The entity's own currency (本位币); across entities, that of the first visible one.
    const entity = entities.find((e) => e.id === input.entityId) ?? entities[0];
    reportCurrency = entity?.baseCurrency ?? 'CNY';
  }
  return { settings, reportCurrency, converter: new Converter(reportCurrency, input.date, rates) };
}
