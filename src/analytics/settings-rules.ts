// Analytics settings: what they are, their defaults (as in migration 0003) and their validation.
import { invalid, msg } from '../platform/errors';
import { type Fraction, fromDecimal } from '../shared/money';
import { validateEdges } from './buckets';

export interface AnalyticsSettings {
  dueBuckets: number[];
  ageBuckets: number[];
  agingMethod: { edges: number[]; rates: string[] };
  provisionMatrix: { lookbackMonths: number; finalBucketLossRate: string; forwardLookingFactor: string };
  provisionMethod: 'aging' | 'matrix';
}

export const DEFAULT_SETTINGS: AnalyticsSettings = {
  dueBuckets: [30, 60, 90, 180, 365],
  ageBuckets: [30, 60, 90, 180, 365, 730, 1095],
  agingMethod: { edges: [365, 730, 1095, 1460, 1825], rates: ['0.05', '0.10', '0.30', '0.50', '0.80', '1'] },
  provisionMatrix: { lookbackMonths: 24, finalBucketLossRate: '1', forwardLookingFactor: '1' },
  provisionMethod: 'aging',
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as Array<keyof AnalyticsSettings>;

function rate(value: unknown, field: string, max: number): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,3}(\.\d{1,6})?$/.test(text)) {
    throw invalid(msg('decimalSuchAs', { field }), [
      { field, value: String(value), reason: 'not a decimal' },
    ]);
  }
  const r = fromDecimal(text);
  if (r.n > BigInt(max) * r.d) {
    throw invalid(msg('atMost', { field, max }), [
      { field, value: text, reason: `above ${max}`, code: 'above', params: { max } },
    ]);
  }
  return text;
}

/** Checks one setting's new value and returns it normalised; throws INVALID_INPUT. */
export function validateSetting<K extends keyof AnalyticsSettings>(
  key: K,
  value: unknown,
): AnalyticsSettings[K] {
  switch (key) {
    case 'dueBuckets':
    case 'ageBuckets':
      return validateEdges(value, key) as AnalyticsSettings[K];
    case 'agingMethod': {
      const v = value as { edges?: unknown; rates?: unknown };
      const edges = validateEdges(v?.edges, 'agingMethod.edges');
      if (!Array.isArray(v.rates) || v.rates.length !== edges.length + 1) {
        throw invalid(msg('ratesPerBucket'), [
          {
            field: 'agingMethod.rates',
            reason: `expected ${edges.length + 1} rates`,
            code: 'expectedRates',
            params: { count: edges.length + 1 },
          },
        ]);
      }
      const rates = v.rates.map((r, k) => rate(r, `agingMethod.rates[${k}]`, 1));
      return { edges, rates } as AnalyticsSettings[K];
    }
    case 'provisionMatrix': {
      const v = value as Record<string, unknown>;
      const months = v?.lookbackMonths;
      if (!Number.isInteger(months) || (months as number) < 1 || (months as number) > 120) {
        throw invalid(msg('lookbackRange'), [
          {
            field: 'provisionMatrix.lookbackMonths',
            value: String(months),
            reason: 'out of range',
            code: 'outOfRange',
          },
        ]);
      }
      return {
        lookbackMonths: months,
        finalBucketLossRate: rate(v.finalBucketLossRate ?? '1', 'provisionMatrix.finalBucketLossRate', 1),
        forwardLookingFactor: rate(v.forwardLookingFactor ?? '1', 'provisionMatrix.forwardLookingFactor', 10),
      } as AnalyticsSettings[K];
    }
    case 'provisionMethod':
      if (value !== 'aging' && value !== 'matrix') {
        throw invalid(msg('provisionMethodOneOf'), [
          {
            field: 'provisionMethod',
            value: String(value),
            reason: 'not aging or matrix',
            code: 'notAgingOrMatrix',
          },
        ]);
      }
      return value as AnalyticsSettings[K];
    default:
      throw invalid(msg('unknownSetting', { key: String(key) }), [
        { field: String(key), reason: 'unknown setting' },
      ]);
  }
}

export function agingRates(settings: AnalyticsSettings): Fraction[] {
  return settings.agingMethod.rates.map(fromDecimal);
}
