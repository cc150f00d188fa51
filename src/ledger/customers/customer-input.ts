// Validation of customer input (pure): every problem names its API field.
import { jsonDepth } from '../../shared/text';
import { FieldChecks } from '../reference/field-checks';

/** Free attributes are a flat or lightly nested record (address parts, a profile); more is a mistake. */
export const MAX_ATTRIBUTE_DEPTH = 8;

export interface CustomerValues {
  code?: string;
  name?: string;
  taxId?: string | null;
  parentId?: number | null;
  region?: string | null;
  country?: string;
  timeZone?: string;
  language?: string;
  segment?: string | null;
  paymentTermsDays?: number | null;
  collectorId?: number | null;
  salespersonId?: number | null;
  attributes?: Record<string, unknown>;
}

export type CustomerInput = { [K in keyof CustomerValues]?: unknown };

export const CUSTOMER_FIELDS: ReadonlyArray<keyof CustomerValues> = [
  'code',
  'name',
  'taxId',
  'parentId',
  'region',
  'country',
  'timeZone',
  'language',
  'segment',
  'paymentTermsDays',
  'collectorId',
  'salespersonId',
  'attributes',
];

export function checkCustomerInput(input: CustomerInput, mode: 'create' | 'update'): CustomerValues {
  const checks = new FieldChecks();
  const out: CustomerValues = {};
  for (const key of Object.keys(input)) {
    if (!CUSTOMER_FIELDS.includes(key as keyof CustomerValues))
      checks.add(key, null, 'is not a customer field');
  }
  if (mode === 'create' || input.code !== undefined) out.code = checks.required('code', input.code, 64);
  if (mode === 'create' || input.name !== undefined) out.name = checks.required('name', input.name, 300);
  // Tax ids are compared upper-case (统一社会信用代码 uses capitals); store them that way.
  const taxId = checks.optional('taxId', input.taxId, 50);
  out.taxId = typeof taxId === 'string' ? taxId.toUpperCase() : taxId;
  out.region = checks.optional('region', input.region, 100);
  out.segment = checks.optional('segment', input.segment, 100);
  out.country = checks.country('country', input.country);
  out.timeZone = checks.timeZone('timeZone', input.timeZone);
  out.language = checks.language('language', input.language);
  if (input.paymentTermsDays === null) out.paymentTermsDays = null;
  else if (input.paymentTermsDays !== undefined) {
    out.paymentTermsDays = checks.integer('paymentTermsDays', input.paymentTermsDays, 0, 3650);
  }
  out.parentId = checks.id('parentId', input.parentId);
  out.collectorId = checks.id('collectorId', input.collectorId);
  out.salespersonId = checks.id('salespersonId', input.salespersonId);
  if (input.attributes !== undefined) {
    const attrs = input.attributes;
    if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) {
      checks.add('attributes', JSON.stringify(attrs), 'must be an object of free attributes');
    } else if (jsonDepth(attrs) > MAX_ATTRIBUTE_DEPTH) {
      // Checked before JSON.stringify, which would recurse as deep as the value goes.
      checks.add('attributes', null, `must nest at most ${MAX_ATTRIBUTE_DEPTH} levels`);
    } else if (JSON.stringify(attrs).length > 20_000) {
      checks.add('attributes', null, 'must be at most 20,000 characters of JSON');
    } else {
      out.attributes = attrs as Record<string, unknown>;
    }
  }
  checks.throwIfAny('customer');
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as CustomerValues;
}
