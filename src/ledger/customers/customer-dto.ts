// The customer as the API shows it. Pure mapping from query rows; balances stay one entry per currency.
import { daysBetween } from '../../shared/dates';
import type { Contact } from '../contacts/contact-queries';
import type { Balance, BalanceRow, Unapplied } from './balance-queries';
import type { CustomerDetailRow, CustomerRow } from './customer-queries';

export interface StaffRef {
  id: number;
  displayName: string;
}

export interface CustomerSummary {
  id: number;
  code: string;
  name: string;
  taxId: string | null;
  region: string | null;
  country: string;
  segment: string | null;
  language: string;
  timeZone: string;
  paymentTermsDays: number | null;
  collector: StaffRef | null;
  salesperson: StaffRef | null;
  balances: Balance[];
  unapplied: Unapplied[];
}

export interface CustomerDetail extends CustomerSummary {
  parent: { id: number; code: string; name: string } | null;
  attributes: Record<string, unknown>;
  contacts: Contact[];
  /** Days past due of the oldest overdue open invoice (最长逾期天数); 0 when nothing is overdue. */
  oldestOverdueDays: number;
  lastPaymentDate: string | null;
}

function staff(id: number | null, name: string | null): StaffRef | null {
  return id === null ? null : { id, displayName: name ?? '' };
}

export function toCustomerSummary(
  row: CustomerRow,
  balances: BalanceRow[] = [],
  unapplied: Unapplied[] = [],
): CustomerSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    taxId: row.taxId,
    region: row.region,
    country: row.country,
    segment: row.segment,
    language: row.language,
    timeZone: row.timeZone,
    paymentTermsDays: row.paymentTermsDays,
    collector: staff(row.collectorId, row.collectorName),
    salesperson: staff(row.salespersonId, row.salespersonName),
    balances: balances.map((b) => ({
      currency: b.currency,
      openAmount: b.openAmount,
      overdueAmount: b.overdueAmount,
      openCount: b.openCount,
      overdueCount: b.overdueCount,
    })),
    unapplied: unapplied.map((u) => ({ currency: u.currency, amount: u.amount })),
  };
}

export function oldestOverdueDays(balances: BalanceRow[], today: string): number {
  const dues = balances.map((b) => b.oldestOverdueDue).filter((d): d is string => d !== null);
  if (dues.length === 0) return 0;
  const oldest = [...dues].sort()[0];
  return Math.max(0, daysBetween(oldest, today));
}

export function toCustomerDetail(
  row: CustomerDetailRow,
  parts: {
    balances: BalanceRow[];
    unapplied: Unapplied[];
    contacts: Contact[];
    lastPaymentDate: string | null;
  },
  today: string,
): CustomerDetail {
  return {
    ...toCustomerSummary(row, parts.balances, parts.unapplied),
    parent:
      row.parentId === null
        ? null
        : { id: row.parentId, code: row.parentCode ?? '', name: row.parentName ?? '' },
    attributes: row.attributes ?? {},
    contacts: parts.contacts,
    oldestOverdueDays: oldestOverdueDays(parts.balances, today),
    lastPaymentDate: parts.lastPaymentDate,
  };
}
