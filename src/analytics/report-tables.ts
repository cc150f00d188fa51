// Each report as export tables (CSV / Excel), in the requester's language: sheet names, headers and labels
// come from the message catalog (src/shared/messages); the figures are the report's.
import { formatMessage, type MessageCode, type MessageLocale, type MessageParams } from '../shared/messages';
import { formatMoney } from '../shared/money';
import type { AgingItem } from './aging-queries';
import type { Bucket } from './buckets';
import { CEI_NOTE_MESSAGES } from './cei-summary';
import type { Column, Table } from './export-tables';
import type { AgingReport } from './get-aging-report';
import type { Dashboard } from './get-dashboard';
import type { PerformanceReport } from './get-performance-report';
import { type ProvisionReport, provisionDerivation } from './get-provision-report';
import type { Statement } from './get-statement';

type Say = (code: MessageCode, params?: MessageParams) => string;
const sayIn =
  (locale: MessageLocale): Say =>
  (code, params) =>
    formatMessage(locale, code, params);

/** A bucket's label in the locale: "Not yet due" / 未到期, "1–30" / 1–30 天, ">90" / 90 天以上. */
export function bucketLabel(locale: MessageLocale, b: Pick<Bucket, 'minDays' | 'maxDays'>): string {
  const say = sayIn(locale);
  if (b.minDays === null) return say('xBucketNotDue');
  if (b.maxDays === null) return say('xBucketAbove', { days: b.minDays - 1 });
  return say('xBucketRange', { min: b.minDays, max: b.maxDays });
}

const KIND_MESSAGES: Record<string, MessageCode> = {
  invoice: 'xKindInvoice',
  payment: 'xKindPayment',
  payment_reversal: 'xKindPaymentReversal',
  credit_note: 'xKindCreditNote',
  write_off: 'xKindWriteOff',
};

export function agingTables(r: AgingReport, locale: MessageLocale): Table[] {
  const say = sayIn(locale);
  const label = (b: Bucket) => bucketLabel(locale, b);
  const money = (header: string, key: string): Column => ({
    header,
    key,
    type: 'money',
    currency: r.reportCurrency,
  });
  const columns: Column[] = [
    { header: say('xGroup'), key: 'group', type: 'text' },
    { header: say('xCode'), key: 'code', type: 'text' },
    ...r.buckets.flatMap((b): Column[] => [
      money(label(b), `b${b.index}`),
      { header: say('xBucketCount', { bucket: label(b) }), key: `n${b.index}`, type: 'int' },
    ]),
    money(say('xTotalIn', { currency: r.reportCurrency }), 'amount'),
    { header: say('xInvoices'), key: 'count', type: 'int' },
  ];
  const row = (group: string, code: string | null, x: Omit<AgingReport['totals'], 'byCurrency'>) => {
    const out: Record<string, unknown> = { group, code, amount: x.amount, count: x.count };
    x.amounts.forEach((amount, k) => {
      out[`b${k}`] = amount;
      out[`n${k}`] = x.counts[k];
    });
    return out;
  };
  const rows = [...r.groups.map((g) => row(g.name, g.code, g)), row(say('xTotal'), null, r.totals)];
  const byCurrency: Table = {
    title: say('xByCurrency'),
    columns: [
      { header: say('xCurrency'), key: 'currency', type: 'text' },
      ...r.buckets.map((b): Column => ({ header: label(b), key: `b${b.index}`, type: 'money' })),
      { header: say('xTotal'), key: 'amount', type: 'money' },
      { header: say('xInvoices'), key: 'count', type: 'int' },
    ],
    rows: r.totals.byCurrency.map((c) => ({
      currency: c.currency,
      amount: c.amount,
      count: c.count,
      ...Object.fromEntries(c.amounts.map((amount, k) => [`b${k}`, amount])),
    })),
  };
  const title = say(r.basis === 'invoice' ? 'xAgingTitleInvoice' : 'xAgingTitleDue', { asOf: r.asOf });
  return [{ title, columns, rows }, byCurrency];
}

export function agingItemsTable(asOf: string, items: AgingItem[], locale: MessageLocale): Table {
  const say = sayIn(locale);
  return {
    title: say('xInvoicesTitle', { asOf }),
    columns: [
      { header: say('xInvoice'), key: 'number', type: 'text' },
      { header: say('xEntity'), key: 'entityCode', type: 'text' },
      { header: say('xCustomerCode'), key: 'customerCode', type: 'text' },
      { header: say('xCustomer'), key: 'customerName', type: 'text' },
      { header: say('xCurrency'), key: 'currency', type: 'text' },
      { header: say('xAmount'), key: 'amount', type: 'money' },
      { header: say('xOpenOn', { date: asOf }), key: 'openAmount', type: 'money' },
      { header: say('xIssueDate'), key: 'issueDate', type: 'date' },
      { header: say('xDueDate'), key: 'dueDate', type: 'date' },
      { header: say('xDaysPastDue'), key: 'daysPastDue', type: 'int' },
      { header: say('xAgeDays'), key: 'ageDays', type: 'int' },
    ],
    rows: items as unknown as Record<string, unknown>[],
  };
}

const figureColumns = (say: Say, currency: string): Column[] => [
  { header: say('xFrom'), key: 'from', type: 'date' },
  { header: say('xTo'), key: 'to', type: 'date' },
  { header: say('xDays'), key: 'days', type: 'int' },
  { header: say('xOpeningAr'), key: 'openingAr', type: 'money', currency },
  { header: say('xCreditSales'), key: 'creditSales', type: 'money', currency },
  { header: say('xClosingAr'), key: 'closingAr', type: 'money', currency },
  { header: say('xClosingCurrentAr'), key: 'closingCurrentAr', type: 'money', currency },
  { header: say('xClosingOverdueAr'), key: 'closingOverdueAr', type: 'money', currency },
  { header: say('xDso'), key: 'dso', type: 'number' },
  { header: say('xCountbackDso'), key: 'countbackDso', type: 'number' },
  { header: say('xBestDso'), key: 'bestPossibleDso', type: 'number' },
  { header: say('xAdd'), key: 'averageDaysDelinquent', type: 'number' },
  { header: say('xCei'), key: 'cei', type: 'number' },
];

export function performanceTables(r: PerformanceReport, locale: MessageLocale): Table[] {
  const say = sayIn(locale);
  const note = r.ceiSummary.note;
  return [
    {
      title: say('xPeriod'),
      columns: figureColumns(say, r.reportCurrency),
      rows: [r.period as unknown as Record<string, unknown>],
    },
    {
      title: say('xMonths'),
      columns: [
        { header: say('xMonth'), key: 'month', type: 'text' },
        ...figureColumns(say, r.reportCurrency),
      ],
      rows: r.months as unknown as Record<string, unknown>[],
    },
    {
      title: say('xCeiSheet'),
      columns: [
        { header: say('xFigure'), key: 'label', type: 'text' },
        { header: say('xValue'), key: 'value', type: 'text' },
      ],
      rows: [
        { label: say('xFormula'), value: say('ceiFormula') },
        { label: say('xPeriodCei', { months: r.ceiSummary.months }), value: r.ceiSummary.period },
        { label: say('xMonthlyCeiAverage'), value: r.ceiSummary.monthlyAverage },
        ...(note ? [{ label: say('xNote'), value: say(CEI_NOTE_MESSAGES[note]) }] : []),
      ],
    },
    {
      title: say('xCustomers'),
      columns: [
        { header: say('xCode'), key: 'customerCode', type: 'text' },
        { header: say('xCustomer'), key: 'customerName', type: 'text' },
        { header: say('xPaid'), key: 'paidAmount', type: 'money', currency: r.reportCurrency },
        { header: say('xAvgDaysToPay'), key: 'avgDaysToPay', type: 'number' },
        { header: say('xAvgDaysLate'), key: 'avgDaysLate', type: 'number' },
        { header: say('xInvoicesPaid'), key: 'settledCount', type: 'int' },
        { header: say('xPaidLate'), key: 'settledLateCount', type: 'int' },
        { header: say('xPaidLateShare'), key: 'paidLateShare', type: 'number' },
      ],
      rows: r.customers as unknown as Record<string, unknown>[],
    },
  ];
}

export function provisionTables(r: ProvisionReport, locale: MessageLocale): Table[] {
  const say = sayIn(locale);
  const c = r.reportCurrency;
  const labelled = <T extends Bucket>(rows: T[]) =>
    rows.map((b) => ({ ...b, label: bucketLabel(locale, b) })) as unknown as Record<string, unknown>[];
  return [
    {
      title: say('xAgingMethod'),
      columns: [
        { header: say('xAgeBucket'), key: 'label', type: 'text' },
        { header: say('xBalance'), key: 'balance', type: 'money', currency: c },
        { header: say('xRate'), key: 'rate', type: 'text' },
        { header: say('xProvision'), key: 'provision', type: 'money', currency: c },
      ],
      rows: labelled(r.aging.buckets),
    },
    {
      title: say('xProvisionMatrix'),
      columns: [
        { header: say('xOverdueBucket'), key: 'label', type: 'text' },
        { header: say('xBalance'), key: 'balance', type: 'money', currency: c },
        { header: say('xEntered'), key: 'enteredAmount', type: 'money', currency: c },
        { header: say('xRolled'), key: 'rolledAmount', type: 'money', currency: c },
        { header: say('xRollRate'), key: 'rollRate', type: 'text' },
        { header: say('xHistoricalLossRate'), key: 'historicalLossRate', type: 'text' },
        { header: say('xLossRate'), key: 'lossRate', type: 'text' },
        { header: say('xProvision'), key: 'provision', type: 'money', currency: c },
      ],
      rows: labelled(r.matrix.buckets),
    },
    {
      title: say('xSpecific'),
      columns: [
        { header: say('xCode'), key: 'customerCode', type: 'text' },
        { header: say('xCustomer'), key: 'customerName', type: 'text' },
        { header: say('xBalance'), key: 'balance', type: 'money', currency: c },
        { header: say('xRate'), key: 'rate', type: 'text' },
        { header: say('xProvision'), key: 'provision', type: 'money', currency: c },
        { header: say('xReason'), key: 'reason', type: 'text' },
      ],
      rows: r.specific.customers as unknown as Record<string, unknown>[],
    },
    {
      title: say('xDerivation'),
      columns: [{ header: say('xHowDerived'), key: 'text', type: 'text' }],
      rows: provisionDerivation(locale, r).map((text) => ({ text })),
    },
  ];
}

/**
 * The statement of account (对账单), one sheet per currency: the issuing entity's letterhead, the customer
 * and period, the documents with a running balance and the aging at the end, and below them the lines on
 * which the customer confirms the balance (or states the difference), signs and seals.
 */
export function statementTables(s: Statement, locale: MessageLocale): Table[] {
  const say = sayIn(locale);
  const entityNames = s.entities.map((e) => e.name).join(locale === 'zh-CN' ? '、' : ', ');
  return s.sections.map((section) => ({
    title: `${s.customer.code} ${section.currency}`,
    preamble: [
      ...(entityNames ? [entityNames] : []),
      say('xStatementTitle'),
      say('xStatementCustomer', { name: s.customer.name, code: s.customer.code }),
      ...(s.customer.taxId ? [say('xStatementTaxId', { taxId: s.customer.taxId })] : []),
      say('xStatementPeriod', { from: s.from, to: s.to, currency: section.currency }),
    ],
    columns: [
      { header: say('xDate'), key: 'date', type: 'date' },
      { header: say('xDocument'), key: 'kind', type: 'text' },
      { header: say('xReference'), key: 'reference', type: 'text' },
      { header: say('xDueDate'), key: 'dueDate', type: 'date' },
      { header: say('xDebit'), key: 'debit', type: 'money', currency: section.currency },
      { header: say('xCredit'), key: 'credit', type: 'money', currency: section.currency },
      { header: say('xBalance'), key: 'balance', type: 'money', currency: section.currency },
    ],
    rows: [
      { date: s.openingDate, kind: say('xOpeningBalance'), balance: section.openingBalance },
      ...section.lines.map((line) => ({ ...line, kind: say(KIND_MESSAGES[line.kind]) })),
      {
        date: s.to,
        kind: say('xClosingBalance'),
        debit: section.totalDebit,
        credit: section.totalCredit,
        balance: section.closingBalance,
      },
      {},
      ...s.buckets.map((b, k) => ({
        kind: say('xAgingOf', { bucket: bucketLabel(locale, b) }),
        balance: section.aging.buckets[k],
      })),
      { kind: say('xUnapplied'), balance: -section.unapplied },
    ],
    footer: [
      say('xStatementCheck', { entity: entityNames }),
      say('xStatementConfirm', {
        entity: entityNames,
        date: s.to,
        currency: section.currency,
        amount: formatMoney(section.closingBalance, section.currency),
      }),
      say('xStatementDifference'),
      say('xStatementSignature'),
    ],
  }));
}

export function dashboardTables(d: Dashboard, locale: MessageLocale): Table[] {
  const say = sayIn(locale);
  const c = d.reportCurrency;
  return [
    {
      title: say('xAging'),
      columns: [
        { header: say('xBucket'), key: 'label', type: 'text' },
        { header: say('xAmount'), key: 'amount', type: 'money', currency: c },
        { header: say('xInvoices'), key: 'count', type: 'int' },
      ],
      rows: d.aging.map((b) => ({ ...b, label: bucketLabel(locale, b) })),
    },
    {
      title: say('xTrend'),
      columns: [{ header: say('xMonth'), key: 'month', type: 'text' }, ...figureColumns(say, c)],
      rows: d.trend as unknown as Record<string, unknown>[],
    },
    {
      title: say('xTopOverdue'),
      columns: [
        { header: say('xCode'), key: 'customerCode', type: 'text' },
        { header: say('xCustomer'), key: 'customerName', type: 'text' },
        { header: say('xOverdue'), key: 'overdue', type: 'money', currency: c },
        { header: say('xAr'), key: 'ar', type: 'money', currency: c },
        { header: say('xOldestDaysPastDue'), key: 'oldestDaysPastDue', type: 'int' },
      ],
      rows: d.topOverdue as unknown as Record<string, unknown>[],
    },
  ];
}
