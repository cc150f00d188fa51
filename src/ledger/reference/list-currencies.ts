import type { Actor } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { type CurrencyDto, selectCurrencies } from './reference-queries';

export async function listCurrencies(db: Db, actor: Actor): Promise<{ items: CurrencyDto[] }> {
  assertCan(actor, 'ledger:read');
  return { items: await selectCurrencies(db) };
}
