// Creates a selling legal entity (法人主体 / 账套). Entity codes are the natural key imports refer to.
import type { Actor } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, msg } from '../../platform/errors';
import { FieldChecks } from './field-checks';
import { currencyExists, type EntityDto, insertEntity } from './reference-queries';

export interface CreateEntityInput {
  code: string;
  name: string;
  baseCurrency: string;
  country?: string;
  timeZone?: string;
}

export async function createEntity(db: Db, actor: Actor, input: CreateEntityInput): Promise<EntityDto> {
  assertCan(actor, 'admin');
  const checks = new FieldChecks();
  const values = {
    code: checks.required('code', input.code, 50),
    name: checks.required('name', input.name, 200),
    baseCurrency: checks.currency('baseCurrency', input.baseCurrency),
    country: checks.country('country', input.country),
    timeZone: checks.timeZone('timeZone', input.timeZone),
  };
  checks.throwIfAny('entity');
  return inTransaction(db, actor, async (tx) => {
    if (!(await currencyExists(tx, values.baseCurrency))) {
      checks.add('baseCurrency', values.baseCurrency, 'is not a known currency');
      checks.throwIfAny('entity');
    }
    const existing = await tx
      .selectFrom('entity')
      .select('id')
      .where('code', '=', values.code)
      .executeTakeFirst();
    if (existing) throw conflict(msg('entityCodeTaken', { code: values.code }));
    return insertEntity(tx, values);
  });
}
