// Statement of account (对账单) of one customer for a period, per currency: opening balance, the period's
// documents with a running balance, closing balance, and the aging of the open invoices at the end.

import { selectEntities } from '../ledger/reference/reference-queries';
import { type Actor, rowVisible } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg, notFound } from '../platform/errors';
import { addDays, todayIn } from '../shared/dates';
import { selectAgingCells } from './aging-queries';
import { makeBuckets } from './buckets';
import { monthOf, monthStart } from './months';
import { checkDate, openReport } from './report-context';
import { type StatementDoc, selectStatementDocs, selectUnappliedOn } from './statement-queries';

export interface StatementInput {
  customerId: number;
  from?: string;
  to?: string;
  entityId?: number;
  timeZone?: string;
}

export interface StatementLine extends StatementDoc {
  debit: number;
  credit: number;
  balance: number;
}

export interface StatementSection {
  currency: string;
  openingBalance: number;
  lines: StatementLine[];
  totalDebit: number;
  totalCredit: number;
  closingBalance: number;
  aging: { buckets: number[]; counts: number[]; openInvoices: number };
  unapplied: number;
  /** closing balance = open invoices − unapplied cash and credits. */
  reconciled: boolean;
}

/** Pure: sections from the documents (all dated on or before `to`). */
export function buildSections(docs: StatementDoc[], from: string): Map<string, StatementSection> {
  const sections = new Map<string, StatementSection>();
  for (const doc of docs) {
    let s = sections.get(doc.currency);
    if (!s) {
      s = {
        currency: doc.currency,
        openingBalance: 0,
        lines: [],
        totalDebit: 0,
        totalCredit: 0,
        closingBalance: 0,
        aging: { buckets: [], counts: [], openInvoices: 0 },
        unapplied: 0,
        reconciled: false,
      };
      sections.set(doc.currency, s);
    }
    if (doc.date < from) {
      s.openingBalance += doc.amount;
      s.closingBalance += doc.amount;
      continue;
    }
    const debit = Math.max(doc.amount, 0);
    const credit = doc.amount < 0 ? -doc.amount : 0;
    s.totalDebit += debit;
    s.totalCredit += credit;
    s.closingBalance += doc.amount;
    s.lines.push({ ...doc, debit, credit, balance: s.closingBalance });
  }
  return sections;
}

export async function getStatement(db: Db, actor: Actor, input: StatementInput) {
  const today = todayIn(input.timeZone);
  const to = checkDate(input.to ?? today, 'to');
  const from = checkDate(input.from ?? monthStart(monthOf(to)), 'from');
  if (from > to) throw invalid(msg('fromAfterTo'), [{ field: 'from', value: from, reason: 'after to' }]);
  const ctx = await openReport(db, actor, { date: to, entityId: input.entityId });
  const customer = await db
    .selectFrom('customer')
    .select(['id', 'code', 'name', 'tax_id as taxId'])
    .where('id', '=', input.customerId)
    .where(rowVisible(actor, { customer: 'customer.id', entity: null }))
    .executeTakeFirst();
  if (!customer) throw notFound('customer', input.customerId);
  const entityIds = input.entityId !== undefined ? [input.entityId] : actor.entityIds;
  if (input.entityId !== undefined && actor.entityIds && !actor.entityIds.includes(input.entityId)) {
    throw notFound('entity', input.entityId);
  }
  const [docs, unapplied, cells, visibleEntities] = await Promise.all([
    selectStatementDocs(db, customer.id, to, entityIds),
    selectUnappliedOn(db, customer.id, to, entityIds),
    selectAgingCells(db, actor, {
      asOf: to,
      basis: 'due',
      edges: ctx.settings.dueBuckets,
      by: 'none',
      filter: { customerId: customer.id, entityId: input.entityId },
    }),
    selectEntities(db, actor),
  ]);
  // The issuing entities for the statement's header: the one asked for, else those whose documents it lists
  // (the only one when the store has one and the customer has no documents yet).
  const issuing = new Set(input.entityId !== undefined ? [input.entityId] : docs.map((d) => d.entityId));
  const entities = visibleEntities
    .filter((e) => issuing.has(e.id) || (issuing.size === 0 && visibleEntities.length === 1))
    .map((e) => ({ id: e.id, code: e.code, name: e.name, country: e.country }));
  const sections = buildSections(docs, from);
  const buckets = makeBuckets(ctx.settings.dueBuckets, 'due');
  for (const s of sections.values()) {
    s.aging.buckets = buckets.map(() => 0);
    s.aging.counts = buckets.map(() => 0);
  }
  for (const cell of cells) {
    const s = sections.get(cell.currency);
    if (!s) continue;
    s.aging.buckets[cell.bucket] += cell.amount;
    s.aging.counts[cell.bucket] += cell.count;
    s.aging.openInvoices += cell.amount;
  }
  for (const u of unapplied) {
    const s = sections.get(u.currency);
    if (s) s.unapplied = u.amount;
  }
  for (const s of sections.values()) s.reconciled = s.closingBalance === s.aging.openInvoices - s.unapplied;
  return {
    customer,
    entities,
    from,
    to,
    openingDate: addDays(from, -1),
    buckets,
    sections: [...sections.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

export type Statement = Awaited<ReturnType<typeof getStatement>>;
