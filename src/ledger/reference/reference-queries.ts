// Queries for reference data: selling entities (法人主体), currencies and staff.
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';

export interface EntityDto {
  id: number;
  code: string;
  name: string;
  baseCurrency: string;
  country: string;
  timeZone: string;
}

export interface CurrencyDto {
  code: string;
  minorUnits: number;
  name: string;
}

const entityColumns = [
  'entity.id',
  'entity.code',
  'entity.name',
  'entity.base_currency as baseCurrency',
  'entity.country',
  'entity.time_zone as timeZone',
] as const;

export function selectEntities(db: Db | Tx, actor: Actor): Promise<EntityDto[]> {
  return db
    .selectFrom('entity')
    .select(entityColumns)
    .where(rowVisible(actor, { customer: null, entity: 'entity.id' }))
    .orderBy('entity.code')
    .execute();
}

/** One visible entity by id or code (imports and the API accept either). */
export function findEntity(db: Db | Tx, actor: Actor, key: { id?: number; code?: string }) {
  let query = db
    .selectFrom('entity')
    .select(entityColumns)
    .where(rowVisible(actor, { customer: null, entity: 'entity.id' }));
  if (key.id !== undefined) query = query.where('entity.id', '=', key.id);
  if (key.code !== undefined) query = query.where('entity.code', '=', key.code);
  return query.executeTakeFirst();
}

export function insertEntity(
  tx: Tx,
  values: { code: string; name: string; baseCurrency: string; country?: string; timeZone?: string },
): Promise<EntityDto> {
  return tx
    .insertInto('entity')
    .values({
      code: values.code,
      name: values.name,
      base_currency: values.baseCurrency,
      country: values.country,
      time_zone: values.timeZone,
    })
    .returning([
      'entity.id',
      'entity.code',
      'entity.name',
      'entity.base_currency as baseCurrency',
      'entity.country',
      'entity.time_zone as timeZone',
    ])
    .executeTakeFirstOrThrow();
}

export function selectCurrencies(db: Db | Tx): Promise<CurrencyDto[]> {
  return db
    .selectFrom('currency')
    .select(['code', 'minor_units as minorUnits', 'name'])
    .orderBy('code')
    .execute();
}

export async function currencyExists(db: Db | Tx, code: string): Promise<boolean> {
  const row = await db.selectFrom('currency').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}
