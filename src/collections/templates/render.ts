// Renders a template with a case's data: pure, so the engine, the strategy preview and the tests produce the
// very same text. Variables: customerName, customerCode, contactName, entityName, asOf, openTotal,
// overdueTotal, dueSoonTotal, invoiceTable, invoiceCount, oldestDaysPastDue, nextDueOn, promiseAmount,
// promiseDueOn, installmentAmount, installmentDueOn. An unknown variable renders as itself, visibly.
import { formatMoney } from '../../shared/money';
import { DEFAULT_LOCALE, LOCALES, type TemplateKind, type Tone } from './registry';

export interface InvoiceLine {
  id: number;
  number: string;
  dueDate: string;
  currency: string;
  openAmount: number;
  daysPastDue: number;
}

export interface CurrencyTotals {
  currency: string;
  open: number;
  overdue: number;
  dueSoon: number;
  disputed: number;
}

export interface RenderContext {
  locale: string;
  asOf: string;
  customerName: string;
  customerCode: string;
  contactName: string | null;
  entityName: string;
  /** Invoices the message is about (overdue, or due soon for a reminder, or all open for a statement). */
  invoices: InvoiceLine[];
  totals: CurrencyTotals[];
  oldestDaysPastDue: number;
  nextDueOn: string | null;
  promise?: { amount: number; currency: string; dueOn: string } | null;
  installment?: { amount: number; currency: string; dueOn: string } | null;
}

export interface Rendered {
  templateKey: string;
  locale: string;
  kind: TemplateKind;
  tone: Tone;
  subject: string;
  body: string;
}

const LABELS: Record<string, { columns: string[]; none: string; sir: string; sep: string; days: string }> = {
  'zh-CN': {
    columns: ['发票号', '到期日', '币种', '未付金额', '逾期天数'],
    none: '（无）',
    sir: '',
    sep: '、',
    days: '天',
  },
  en: {
    columns: ['Invoice', 'Due date', 'Currency', 'Open amount', 'Days overdue'],
    none: '(none)',
    sir: 'Sir or Madam',
    sep: ', ',
    days: 'days',
  },
};

export function moneyText(amount: number, currency: string): string {
  return `${currency} ${formatMoney(amount, currency)}`;
}

function totalText(totals: CurrencyTotals[], field: 'open' | 'overdue' | 'dueSoon', locale: string): string {
  const parts = totals.filter((t) => t[field] > 0).map((t) => moneyText(t[field], t.currency));
  const labels = LABELS[locale] ?? LABELS[DEFAULT_LOCALE];
  return parts.length > 0 ? parts.join(labels.sep) : moneyText(0, totals[0]?.currency ?? 'CNY');
}

/** A plain-text table that lines up in monospace (emails also get the structured list in the payload). */
const tables = new WeakMap<InvoiceLine[], Map<string, string>>();

export function invoiceTable(invoices: InvoiceLine[], locale: string): string {
  const cached = tables.get(invoices)?.get(locale);
  if (cached !== undefined) return cached;
  const text = buildTable(invoices, locale);
  if (!tables.has(invoices)) tables.set(invoices, new Map());
  tables.get(invoices)!.set(locale, text);
  return text;
}

function buildTable(invoices: InvoiceLine[], locale: string): string {
  const labels = LABELS[locale] ?? LABELS[DEFAULT_LOCALE];
  if (invoices.length === 0) return labels.none;
  const rows = invoices.map((inv) => [
    inv.number,
    inv.dueDate,
    inv.currency,
    formatMoney(inv.openAmount, inv.currency),
    String(Math.max(0, inv.daysPastDue)),
  ]);
  const widths = labels.columns.map((header, i) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[i]))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 3 ? padStart(cell, widths[i]) : padEnd(cell, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(labels.columns), ...rows.map(line)].join('\n');
}

// CJK characters take two columns in a monospace font (code point ranges, no regex: tables can be long).
function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xff00 && c <= 0xff60);
    width += wide ? 2 : 1;
  }
  return width;
}
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

export function templateVariables(ctx: RenderContext): Record<string, string> {
  const labels = LABELS[ctx.locale] ?? LABELS[DEFAULT_LOCALE];
  return {
    customerName: ctx.customerName,
    customerCode: ctx.customerCode,
    contactName: ctx.contactName ?? (labels.sir || ctx.customerName),
    entityName: ctx.entityName,
    asOf: ctx.asOf,
    openTotal: totalText(ctx.totals, 'open', ctx.locale),
    overdueTotal: totalText(ctx.totals, 'overdue', ctx.locale),
    dueSoonTotal: totalText(ctx.totals, 'dueSoon', ctx.locale),
    invoiceTable: invoiceTable(ctx.invoices, ctx.locale),
    invoiceCount: String(ctx.invoices.length),
    oldestDaysPastDue: String(Math.max(0, ctx.oldestDaysPastDue)),
    nextDueOn: ctx.nextDueOn ?? ctx.asOf,
    promiseAmount: ctx.promise ? moneyText(ctx.promise.amount, ctx.promise.currency) : '',
    promiseDueOn: ctx.promise?.dueOn ?? '',
    installmentAmount: ctx.installment ? moneyText(ctx.installment.amount, ctx.installment.currency) : '',
    installmentDueOn: ctx.installment?.dueOn ?? '',
  };
}

export function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function renderTemplate(key: string, ctx: RenderContext): Rendered {
  const locale = LOCALES[ctx.locale] ? ctx.locale : DEFAULT_LOCALE;
  const template = LOCALES[locale][key];
  if (!template) throw new Error(`template ${key} does not exist in ${locale}`);
  const vars = templateVariables({ ...ctx, locale });
  return {
    templateKey: key,
    locale,
    kind: template.kind,
    tone: template.tone,
    subject: fill(template.subject, vars),
    body: fill(template.body, vars),
  };
}
