// Late interest (违约金) on the case view comes from src/credit; the composition root (src/app) plugs the
// source in, so collections knows no credit code. Without a source the case shows none (null).
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';

export interface CaseInterest {
  asOf: string;
  totals: { currency: string; interest: number }[];
  invoices: { invoiceId: number; interest: number; days: number; accruesFrom: string | null }[];
}

export type CaseInterestSource = (
  db: Db,
  actor: Actor,
  input: { customerId: number; entityId: number; asOf: string },
) => Promise<CaseInterest | null>;

let source: CaseInterestSource | null = null;

export function setCaseInterestSource(next: CaseInterestSource): void {
  source = next;
}

export function caseInterest(
  db: Db,
  actor: Actor,
  input: { customerId: number; entityId: number; asOf: string },
): Promise<CaseInterest | null> {
  return source ? source(db, actor, input) : Promise.resolve(null);
}
