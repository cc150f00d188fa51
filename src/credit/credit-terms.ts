// Contract terms (合同条款): read a customer's terms and an entity's defaults, set a new version. Which
// version applies to an invoice: the customer's own for the invoice's entity in force on the invoice's issue
// date, else the entity's default in force then, else none (no interest) — a later change never rewrites
// the interest of invoices issued before it.
import { selectCustomerById } from '../ledger/customers/customer-queries';
import { findEntity } from '../ledger/reference/reference-queries';
import { type Actor, assertCan, entityAllowed } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { invalid, msg, notFound } from '../platform/errors';
import { isValidIsoDate } from '../shared/dates';
import type {
  CustomerTermsBody,
  CustomerTermsView,
  EntityTermsView,
  TermsBody,
  TermsView,
} from './credit-dto';
import { type DayCountBasis, type InterestTerms, termsProblems } from './interest-rules';
import { selectCustomerTerms, selectEntityDefaults, type TermsRow, upsertTerms } from './terms-queries';

export function toTermsView(row: TermsRow): TermsView {
  const { createdAt, ...rest } = row;
  return { ...rest, createdAt: new Date(createdAt).toISOString() };
}

export function interestTermsOf(terms: TermsView | TermsRow | null): InterestTerms {
  if (!terms) return { kind: 'none', rate: null, basis: 365, graceDays: 0, capPercent: null };
  return {
    kind: terms.interestKind,
    rate: terms.interestRate,
    basis: terms.dayCountBasis as DayCountBasis,
    graceDays: terms.graceDays,
    capPercent: terms.interestCapPercent,
  };
}

/** The last version starting on or before `date` (versions sorted oldest first). */
export function inForceOn<T extends { validFrom: string }>(versions: readonly T[], date: string): T | null {
  let found: T | null = null;
  for (const version of versions) if (version.validFrom <= date) found = version;
  return found;
}

/** Dates from a query or body: the schema checks the shape, this that the day exists. */
export function assertDate(value: string, field: string): void {
  if (!isValidIsoDate(value))
    throw invalid(msg('dateRequired', { field }), [{ field, value, reason: 'not a date' }]);
}

/** The terms resolver for one customer: customer versions, then entity defaults, per entity. */
export async function termsResolver(db: Db | Tx, actor: Actor, customerId: number) {
  const [own, defaults] = await Promise.all([
    selectCustomerTerms(db, actor, customerId),
    selectEntityDefaults(db, actor),
  ]);
  const resolve = (entityId: number, date: string) => {
    const customer = inForceOn(
      own.filter((row) => row.entityId === entityId),
      date,
    );
    if (customer) return { source: 'customer' as const, terms: customer };
    const entity = inForceOn(
      defaults.filter((row) => row.entityId === entityId),
      date,
    );
    if (entity) return { source: 'entity' as const, terms: entity };
    return { source: 'none' as const, terms: null };
  };
  /** Whether any terms version for the entity charges interest: if none does, no invoice needs reading. */
  const chargesInterestIn = (entityId: number) =>
    [...own, ...defaults].some((row) => row.entityId === entityId && row.interestKind !== 'none');
  return Object.assign(resolve, { chargesInterestIn });
}

async function visibleCustomer(db: Db | Tx, actor: Actor, customerId: number) {
  const customer = await selectCustomerById(db, actor, customerId);
  if (!customer) throw notFound('Customer', customerId);
  return customer;
}

export async function getCustomerTerms(
  db: Db | Tx,
  actor: Actor,
  input: { customerId: number; asOf: string },
): Promise<CustomerTermsView> {
  assertCan(actor, 'credit:read');
  assertDate(input.asOf, 'asOf');
  await visibleCustomer(db, actor, input.customerId);
  const [own, defaults] = await Promise.all([
    selectCustomerTerms(db, actor, input.customerId),
    selectEntityDefaults(db, actor),
  ]);
  const entityIds = [...new Set([...own, ...defaults].map((row) => row.entityId))].sort((a, b) => a - b);
  const inForce: CustomerTermsView['inForce'] = [];
  for (const entityId of entityIds) {
    const customer = inForceOn(
      own.filter((row) => row.entityId === entityId),
      input.asOf,
    );
    const entity = inForceOn(
      defaults.filter((row) => row.entityId === entityId),
      input.asOf,
    );
    if (customer) inForce.push({ entityId, source: 'customer', terms: toTermsView(customer) });
    else if (entity) inForce.push({ entityId, source: 'entity', terms: toTermsView(entity) });
  }
  return { customerId: input.customerId, asOf: input.asOf, inForce, history: own.map(toTermsView) };
}

export async function getEntityTerms(
  db: Db | Tx,
  actor: Actor,
  input: { entityId: number; asOf: string },
): Promise<EntityTermsView> {
  assertCan(actor, 'credit:read');
  assertDate(input.asOf, 'asOf');
  if (!entityAllowed(actor, input.entityId) || !(await findEntity(db, actor, { id: input.entityId })))
    throw notFound('Entity', input.entityId);
  const history = (await selectEntityDefaults(db, actor, [input.entityId])).map(toTermsView);
  return { entityId: input.entityId, asOf: input.asOf, inForce: inForceOn(history, input.asOf), history };
}

function checked(body: TermsBody) {
  assertDate(body.validFrom, 'validFrom');
  const terms = {
    validFrom: body.validFrom,
    paymentTermsDays: body.paymentTermsDays,
    creditLimit: body.creditLimit,
    currency: body.currency,
    interestKind: body.interestKind,
    interestRate: body.interestKind === 'none' ? null : body.interestRate,
    dayCountBasis: body.dayCountBasis ?? 365,
    graceDays: body.graceDays ?? 0,
    interestCapPercent: body.interestCapPercent ?? null,
    note: body.note ?? null,
  };
  const problems = termsProblems({
    kind: terms.interestKind,
    rate: terms.interestRate,
    basis: terms.dayCountBasis,
    graceDays: terms.graceDays,
    capPercent: terms.interestCapPercent,
  });
  if (problems.length > 0)
    throw invalid(
      msg('creditTermsInvalid'),
      problems.map((reason) => ({ field: 'terms', value: '', reason })),
    );
  return terms;
}

export async function setCustomerTerms(
  db: Db,
  actor: Actor,
  input: { customerId: number; body: CustomerTermsBody },
): Promise<TermsView> {
  assertCan(actor, 'credit:write');
  const { entityId, ...body } = input.body;
  const terms = checked(body);
  return inTransaction(db, actor, async (tx) => {
    await visibleCustomer(tx, actor, input.customerId);
    if (!entityAllowed(actor, entityId) || !(await findEntity(tx, actor, { id: entityId })))
      throw notFound('Entity', entityId);
    const id = await upsertTerms(tx, {
      ...terms,
      entityId,
      customerId: input.customerId,
      createdBy: actor.userId,
    });
    const row = (await selectCustomerTerms(tx, actor, input.customerId)).find((r) => r.id === id);
    if (!row) throw notFound('Terms', id);
    return toTermsView(row);
  });
}

export async function setEntityTerms(
  db: Db,
  actor: Actor,
  input: { entityId: number; body: TermsBody },
): Promise<TermsView> {
  assertCan(actor, 'credit:write');
  const terms = checked(input.body);
  return inTransaction(db, actor, async (tx) => {
    if (!entityAllowed(actor, input.entityId) || !(await findEntity(tx, actor, { id: input.entityId })))
      throw notFound('Entity', input.entityId);
    const id = await upsertTerms(tx, {
      ...terms,
      entityId: input.entityId,
      customerId: null,
      createdBy: actor.userId,
    });
    const row = (await selectEntityDefaults(tx, actor, [input.entityId])).find((r) => r.id === id);
    if (!row) throw notFound('Terms', id);
    return toTermsView(row);
  });
}
