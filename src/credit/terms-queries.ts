// credit_terms reads and writes (owned by src/credit). Customer terms are scoped with rowVisible like every
// customer row; an entity's defaults belong to no customer and are scoped by entity only.
import { type Actor, rowVisible } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/store';

const COLUMNS = [
  'credit_terms.id',
  'credit_terms.entity_id as entityId',
  'credit_terms.customer_id as customerId',
  'credit_terms.grade',
  'credit_terms.valid_from as validFrom',
  'credit_terms.payment_terms_days as paymentTermsDays',
  'credit_terms.credit_limit as creditLimit',
  'credit_terms.currency',
  'credit_terms.interest_kind as interestKind',
  'credit_terms.interest_rate as interestRate',
  'credit_terms.day_count_basis as dayCountBasis',
  'credit_terms.grace_days as graceDays',
  'credit_terms.interest_cap_percent as interestCapPercent',
  'credit_terms.note',
  'credit_terms.created_at as createdAt',
] as const;

export interface TermsRow {
  id: number;
  entityId: number;
  customerId: number | null;
  grade: string | null;
  validFrom: string;
  paymentTermsDays: number;
  creditLimit: number | null;
  currency: string;
  interestKind: 'none' | 'daily' | 'annual';
  interestRate: string | null;
  dayCountBasis: number;
  graceDays: number;
  interestCapPercent: string | null;
  note: string | null;
  createdAt: Date;
}

const normalize = (row: TermsRow): TermsRow => ({
  ...row,
  creditLimit: row.creditLimit === null ? null : Number(row.creditLimit),
});

/** Every version of a customer's own terms the actor may see, oldest first. */
export async function selectCustomerTerms(db: Db | Tx, actor: Actor, customerId: number) {
  const rows = await db
    .selectFrom('credit_terms')
    .select(COLUMNS)
    .where('credit_terms.customer_id', '=', customerId)
    .where(rowVisible(actor, { customer: 'credit_terms.customer_id', entity: 'credit_terms.entity_id' }))
    .orderBy('credit_terms.entity_id')
    .orderBy('credit_terms.valid_from')
    .execute();
  return (rows as TermsRow[]).map(normalize);
}

/** Every version of the entities' defaults (no customer, no grade) the actor may see, oldest first. */
export async function selectEntityDefaults(db: Db | Tx, actor: Actor, entityIds?: readonly number[]) {
  let query = db
    .selectFrom('credit_terms')
    .select(COLUMNS)
    .where('credit_terms.customer_id', 'is', null)
    .where('credit_terms.grade', 'is', null)
    .where(rowVisible(actor, { customer: null, entity: 'credit_terms.entity_id' }));
  if (entityIds) query = query.where('credit_terms.entity_id', 'in', entityIds.length ? entityIds : [-1]);
  const rows = await query.orderBy('credit_terms.entity_id').orderBy('credit_terms.valid_from').execute();
  return (rows as TermsRow[]).map(normalize);
}

export interface NewTerms {
  entityId: number;
  customerId: number | null;
  validFrom: string;
  paymentTermsDays: number;
  creditLimit: number | null;
  currency: string;
  interestKind: 'none' | 'daily' | 'annual';
  interestRate: string | null;
  dayCountBasis: number;
  graceDays: number;
  interestCapPercent: string | null;
  note: string | null;
  createdBy: number | null;
}

/** Adds a version, or corrects the version of the same scope and date. Returns its id. */
export async function upsertTerms(tx: Tx, terms: NewTerms): Promise<number> {
  const values = {
    payment_terms_days: terms.paymentTermsDays,
    credit_limit: terms.creditLimit,
    currency: terms.currency,
    interest_kind: terms.interestKind,
    interest_rate: terms.interestRate,
    day_count_basis: terms.dayCountBasis,
    grace_days: terms.graceDays,
    interest_cap_percent: terms.interestCapPercent,
    note: terms.note,
    created_by: terms.createdBy,
  };
  let existing = tx
    .selectFrom('credit_terms')
    .select('id')
    .where('entity_id', '=', terms.entityId)
    .where('grade', 'is', null)
    .where('valid_from', '=', terms.validFrom);
  existing =
    terms.customerId === null
      ? existing.where('customer_id', 'is', null)
      : existing.where('customer_id', '=', terms.customerId);
  const row = await existing.forUpdate().executeTakeFirst();
  if (row) {
    await tx.updateTable('credit_terms').set(values).where('id', '=', row.id).execute();
    return row.id;
  }
  const inserted = await tx
    .insertInto('credit_terms')
    .values({
      ...values,
      entity_id: terms.entityId,
      customer_id: terms.customerId,
      valid_from: terms.validFrom,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}
