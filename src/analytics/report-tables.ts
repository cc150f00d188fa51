// Each report as export tables (CSV / Excel).
import type { AgingItem } from './aging-queries';
import type { Column, Table } from './export-tables';
import type { AgingReport } from './get-aging-report';
import type { Dashboard } from './get-dashboard';
import type { PerformanceReport } from './get-performance-report';
import type { ProvisionReport } from './get-provision-report';
import type { Statement } from './get-statement';

export function agingTables(r: AgingReport): Table[] {
  const money = (header: string, key: string): Column => ({
    header,
    key,
    type: 'money',
    currency: r.reportCurrency,
  });
  const columns: Column[] = [
    { header: 'Group', key: 'group', type: 'text' },
    { header: 'Code', key: 'code', type: 'text' },
    ...r.buckets.flatMap((b): Column[] => [
      money(b.label, `b${b.index}`),
      { header: `${b.label} #`, key: `n${b.index}`, type: 'int' },
    ]),
    money(`Total (${r.reportCurrency})`, 'amount'),
    { header: 'Invoices', key: 'count', type: 'int' },
  ];
  const row = (group: string, code: string | null, x: Omit<AgingReport['totals'], 'byCurrency'>) => {
    const out: Record<string, unknown> = { group, code, amount: x.amount, count: x.count };
    x.amounts.forEach((amount, k) => {
      out[`b${k}`] = amount;
      out[`n${k}`] = x.counts[k];
    });
    return out;
  };
  const rows = [...r.groups.map((g) => row(g.name, g.code, g)), row('Total', null, r.totals)];
  const byCurrency: Table = {
    title: 'By currency',
    columns: [
      { header: 'Currency', key: 'currency', type: 'text' },
      ...r.buckets.map((b): Column => ({ header: b.label, key: `b${b.index}`, type: 'money' })),
      { header: 'Total', key: 'amount', type: 'money' },
      { header: 'Invoices', key: 'count', type: 'int' },
    ],
    rows: r.totals.byCurrency.map((c) => ({
      currency: c.currency,
      amount: c.amount,
      count: c.count,
      ...Object.fromEntries(c.amounts.map((amount, k) => [`b${k}`, amount])),
    })),
  };
  return [{ title: `Aging ${r.asOf} (${r.basis})`, columns, rows }, byCurrency];
}

export function agingItemsTable(asOf: string, items: AgingItem[]): Table {
  return {
    title: `Invoices ${asOf}`,
    columns: [
      { header: 'Invoice', key: 'number', type: 'text' },
      { header: 'Entity', key: 'entityCode', type: 'text' },
      { header: 'Customer code', key: 'customerCode', type: 'text' },
      { header: 'Customer', key: 'customerName', type: 'text' },
      { header: 'Currency', key: 'currency', type: 'text' },
      { header: 'Amount', key: 'amount', type: 'money' },
      { header: `Open on ${asOf}`, key: 'openAmount', type: 'money' },
      { header: 'Issue date', key: 'issueDate', type: 'date' },
      { header: 'Due date', key: 'dueDate', type: 'date' },
      { header: 'Days past due', key: 'daysPastDue', type: 'int' },
      { header: 'Age (days)', key: 'ageDays', type: 'int' },
    ],
    rows: items as unknown as Record<string, unknown>[],
  };
}

const figureColumns = (currency: string): Column[] => [
  { header: 'From', key: 'from', type: 'date' },
  { header: 'To', key: 'to', type: 'date' },
  { header: 'Days', key: 'days', type: 'int' },
  { header: 'Opening AR', key: 'openingAr', type: 'money', currency },
  { header: 'Credit sales', key: 'creditSales', type: 'money', currency },
  { header: 'Closing AR', key: 'closingAr', type: 'money', currency },
  { header: 'Closing current AR', key: 'closingCurrentAr', type: 'money', currency },
  { header: 'Closing overdue AR', key: 'closingOverdueAr', type: 'money', currency },
  { header: 'DSO (days)', key: 'dso', type: 'number' },
  { header: 'Countback DSO (days)', key: 'countbackDso', type: 'number' },
  { header: 'Best possible DSO (days)', key: 'bestPossibleDso', type: 'number' },
  { header: 'ADD (days)', key: 'averageDaysDelinquent', type: 'number' },
  { header: 'CEI %', key: 'cei', type: 'number' },
];

export function performanceTables(r: PerformanceReport): Table[] {
  return [
    {
      title: 'Period',
      columns: figureColumns(r.reportCurrency),
      rows: [r.period as unknown as Record<string, unknown>],
    },
    {
      title: 'Months',
      columns: [{ header: 'Month', key: 'month', type: 'text' }, ...figureColumns(r.reportCurrency)],
      rows: r.months as unknown as Record<string, unknown>[],
    },
    {
      title: 'CEI',
      columns: [
        { header: 'Figure', key: 'label', type: 'text' },
        { header: 'Value', key: 'value', type: 'text' },
      ],
      rows: [
        { label: 'Formula', value: r.ceiSummary.formula },
        { label: `Period CEI % (N = ${r.ceiSummary.months})`, value: r.ceiSummary.period },
        { label: 'Average of the monthly CEI %', value: r.ceiSummary.monthlyAverage },
        ...(r.ceiSummary.explanation ? [{ label: 'Note', value: r.ceiSummary.explanation }] : []),
      ],
    },
    {
      title: 'Customers',
      columns: [
        { header: 'Code', key: 'customerCode', type: 'text' },
        { header: 'Customer', key: 'customerName', type: 'text' },
        { header: 'Paid', key: 'paidAmount', type: 'money', currency: r.reportCurrency },
        { header: 'Avg days to pay (days)', key: 'avgDaysToPay', type: 'number' },
        { header: 'Avg days late (days)', key: 'avgDaysLate', type: 'number' },
        { header: 'Invoices paid', key: 'settledCount', type: 'int' },
        { header: 'Paid late', key: 'settledLateCount', type: 'int' },
        { header: 'Paid late %', key: 'paidLateShare', type: 'number' },
      ],
      rows: r.customers as unknown as Record<string, unknown>[],
    },
  ];
}

export function provisionTables(r: ProvisionReport): Table[] {
  const c = r.reportCurrency;
  return [
    {
      title: 'Aging method',
      columns: [
        { header: 'Age bucket', key: 'label', type: 'text' },
        { header: 'Balance', key: 'balance', type: 'money', currency: c },
        { header: 'Rate', key: 'rate', type: 'text' },
        { header: 'Provision', key: 'provision', type: 'money', currency: c },
      ],
      rows: r.aging.buckets as unknown as Record<string, unknown>[],
    },
    {
      title: 'Provision matrix',
      columns: [
        { header: 'Overdue bucket', key: 'label', type: 'text' },
        { header: 'Balance', key: 'balance', type: 'money', currency: c },
        { header: 'Entered (cohort)', key: 'enteredAmount', type: 'money', currency: c },
        { header: 'Rolled to next', key: 'rolledAmount', type: 'money', currency: c },
        { header: 'Roll rate', key: 'rollRate', type: 'text' },
        { header: 'Historical loss rate', key: 'historicalLossRate', type: 'text' },
        { header: 'Loss rate', key: 'lossRate', type: 'text' },
        { header: 'Provision', key: 'provision', type: 'money', currency: c },
      ],
      rows: r.matrix.buckets as unknown as Record<string, unknown>[],
    },
    {
      title: 'Specific',
      columns: [
        { header: 'Code', key: 'customerCode', type: 'text' },
        { header: 'Customer', key: 'customerName', type: 'text' },
        { header: 'Balance', key: 'balance', type: 'money', currency: c },
        { header: 'Rate', key: 'rate', type: 'text' },
        { header: 'Provision', key: 'provision', type: 'money', currency: c },
        { header: 'Reason', key: 'reason', type: 'text' },
      ],
      rows: r.specific.customers as unknown as Record<string, unknown>[],
    },
    {
      title: 'Derivation',
      columns: [{ header: 'How each figure is derived', key: 'text', type: 'text' }],
      rows: r.derivation.map((text) => ({ text })),
    },
  ];
}

export function statementTables(s: Statement): Table[] {
  return s.sections.map((section) => ({
    title: `${s.customer.code} ${section.currency}`,
    columns: [
      { header: 'Date', key: 'date', type: 'date' },
      { header: 'Document', key: 'kind', type: 'text' },
      { header: 'Reference', key: 'reference', type: 'text' },
      { header: 'Due date', key: 'dueDate', type: 'date' },
      { header: 'Debit', key: 'debit', type: 'money', currency: section.currency },
      { header: 'Credit', key: 'credit', type: 'money', currency: section.currency },
      { header: 'Balance', key: 'balance', type: 'money', currency: section.currency },
    ],
    rows: [
      { date: s.openingDate, kind: 'Opening balance', balance: section.openingBalance },
      ...(section.lines as unknown as Record<string, unknown>[]),
      {
        date: s.to,
        kind: 'Closing balance',
        debit: section.totalDebit,
        credit: section.totalCredit,
        balance: section.closingBalance,
      },
      {},
      ...s.buckets.map((b, k) => ({ kind: `Aging ${b.label}`, balance: section.aging.buckets[k] })),
      { kind: 'Unapplied payments and credits', balance: -section.unapplied },
    ],
  }));
}

export function dashboardTables(d: Dashboard): Table[] {
  const c = d.reportCurrency;
  return [
    {
      title: 'Aging',
      columns: [
        { header: 'Bucket', key: 'label', type: 'text' },
        { header: 'Amount', key: 'amount', type: 'money', currency: c },
        { header: 'Invoices', key: 'count', type: 'int' },
      ],
      rows: d.aging as unknown as Record<string, unknown>[],
    },
    {
      title: 'Trend',
      columns: [{ header: 'Month', key: 'month', type: 'text' }, ...figureColumns(c)],
      rows: d.trend as unknown as Record<string, unknown>[],
    },
    {
      title: 'Top overdue',
      columns: [
        { header: 'Code', key: 'customerCode', type: 'text' },
        { header: 'Customer', key: 'customerName', type: 'text' },
        { header: 'Overdue', key: 'overdue', type: 'money', currency: c },
        { header: 'AR', key: 'ar', type: 'money', currency: c },
        { header: 'Oldest days past due', key: 'oldestDaysPastDue', type: 'int' },
      ],
      rows: d.topOverdue as unknown as Record<string, unknown>[],
    },
  ];
}
