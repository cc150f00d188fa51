// The render context of a case for a template (pure): the invoices a message lists depend on its purpose —
// overdue ones for dunning, due-soon ones for a reminder, all open ones for a statement.
import { daysBetween } from '../../shared/dates';
import type { CurrencyTotals, InvoiceLine, RenderContext } from '../templates/render';
import type { DueStep } from './case-state';
import type { CaseFacts } from './plan-actions';

const REMINDER_TEMPLATES = new Set(['reminder', 'sms_reminder']);

interface CaseBase {
  all: InvoiceLine[];
  overdue: InvoiceLine[];
  reminder: InvoiceLine[];
  totals: CurrencyTotals[];
  oldestDaysPastDue: number;
  nextDueOn: string | null;
}

// Worked out once per case and day, however many templates are rendered for it (a big customer has
// hundreds of open invoices). The invoice arrays keep their identity, so their rendered tables are cached.
const bases = new WeakMap<CaseFacts, { key: string; base: CaseBase }>();

function caseBase(facts: CaseFacts, asOf: string, horizonDate: string): CaseBase {
  const key = `${asOf}|${horizonDate}`;
  const cached = bases.get(facts);
  if (cached?.key === key) return cached.base;
  const all: InvoiceLine[] = [];
  const overdue: InvoiceLine[] = [];
  const dueSoon: InvoiceLine[] = [];
  const totals = new Map<string, CurrencyTotals>();
  for (const inv of facts.invoices) {
    const line: InvoiceLine = {
      id: inv.id,
      number: inv.number,
      dueDate: inv.dueDate,
      currency: inv.currency,
      openAmount: inv.openAmount,
      daysPastDue: Math.max(0, daysBetween(inv.dueDate, asOf)),
    };
    all.push(line);
    let t = totals.get(line.currency);
    if (!t) {
      t = { currency: line.currency, open: 0, overdue: 0, dueSoon: 0, disputed: 0 };
      totals.set(line.currency, t);
    }
    if (inv.disputed) {
      t.disputed += line.openAmount;
      continue;
    }
    t.open += line.openAmount;
    if (line.dueDate < asOf) {
      t.overdue += line.openAmount;
      overdue.push(line);
    } else if (line.dueDate <= horizonDate) {
      t.dueSoon += line.openAmount;
      dueSoon.push(line);
    }
  }
  const base: CaseBase = {
    all,
    overdue,
    reminder: [...overdue, ...dueSoon],
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    oldestDaysPastDue: overdue.reduce((max, l) => Math.max(max, l.daysPastDue), 0),
    nextDueOn: dueSoon[0]?.dueDate ?? null,
  };
  bases.set(facts, { key, base });
  return base;
}

export function renderContext(
  facts: CaseFacts,
  template: string,
  asOf: string,
  horizonDate: string,
  locale: string,
  contactName: string | null,
  due?: DueStep,
): RenderContext {
  const base = caseBase(facts, asOf, horizonDate);
  const shown =
    template === 'statement' ? base.all : REMINDER_TEMPLATES.has(template) ? base.reminder : base.overdue;
  return {
    locale,
    asOf,
    customerName: facts.customerName,
    customerCode: facts.customerCode,
    contactName,
    entityName: facts.entityName,
    invoices: shown,
    totals: base.totals,
    oldestDaysPastDue: base.oldestDaysPastDue,
    nextDueOn: base.nextDueOn,
    promise: due?.promise
      ? { amount: due.promise.amount, currency: due.promise.currency, dueOn: due.promise.dueOn }
      : null,
    installment: due?.installment
      ? { amount: due.installment.amount, currency: due.installment.currency, dueOn: due.installment.dueOn }
      : null,
  };
}
