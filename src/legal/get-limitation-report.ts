// The limitation report (诉讼时效报告): every invoice open on the date, when its claim expires (firm: proven
// restarts only; and as if the unproven ones counted), the event that set the date with its evidence, the days
// left, the alert band and what to do. Restarts come from the ledger (partial payments) and collections
// (promises, plans, messages sent). A payment is proven by the payment itself; a promise or plan recorded by a
// collector and a message sent (delivery not proven) are weak until a signed document is on file.
// Not yet in the data model: invoice installments (art. 189; each invoice has one due date), signed
// confirmations and suits/arbitration as dated events.

import { selectUndertakings } from '../collections/cases/undertaking-queries';
import { selectInvoicePaymentsOn, selectInvoicesOpenOn } from '../ledger/invoices/invoice-queries';
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg } from '../platform/errors';
import { isValidIsoDate, todayIn } from '../shared/dates';
import { formatMessage, type MessageCode, type MessageLocale } from '../shared/messages';
import {
  type AlertBand,
  invoiceLimitation,
  jurisdictionForCountry,
  type RestartEvent,
  type SuggestedAction,
} from './limitation-rules';

export interface LimitationInput {
  asOf?: string;
  entityId?: number;
  customerId?: number;
  timeZone?: string;
  locale?: MessageLocale;
}

export interface LimitationEvent {
  kind: 'due' | RestartEvent['kind'];
  on: string;
  ref: string | null;
  evidence: string | null;
  proven: boolean;
}

export interface LimitationLine {
  invoiceId: number;
  number: string;
  entityId: number;
  entityCode: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  currency: string;
  openAmount: number;
  dueDate: string;
  jurisdiction: string;
  periodYears: number;
  start: string;
  expiry: string;
  expiryWithWeak: string;
  setBy: LimitationEvent;
  setByWithWeak: LimitationEvent;
  weakRestarts: LimitationEvent[];
  /** A proven promise after expiry: the debtor can no longer plead expiry (art. 192). */
  waivedBy: LimitationEvent | null;
  daysLeft: number;
  band: AlertBand;
  action: SuggestedAction;
  actionText: string;
  /** The holiday calendar does not cover a year used: rest days were taken as Saturday and Sunday. */
  calendarFallback: boolean;
}

export interface LimitationReport {
  asOf: string;
  invoices: LimitationLine[];
  bands: Record<AlertBand, number>;
}

const ACTION_TEXT: Record<SuggestedAction, MessageCode> = {
  none: 'limitationActionNone',
  sendConfirmation: 'limitationActionSendConfirmation',
  seekPromise: 'limitationActionSeekPromise',
};

const eventOf = (e: RestartEvent): LimitationEvent => ({
  kind: e.kind,
  on: e.on,
  ref: e.ref,
  evidence: e.evidence,
  proven: e.proven,
});

export async function getLimitationReport(
  db: Db,
  actor: Actor,
  input: LimitationInput,
): Promise<LimitationReport> {
  assertCan(actor, 'reports:read');
  const timeZone = input.timeZone ?? 'Asia/Shanghai';
  const asOf = input.asOf ?? todayIn(timeZone);
  if (!isValidIsoDate(asOf)) {
    throw invalid(msg('dateRequired', { field: 'asOf' }), [
      { field: 'asOf', value: asOf, reason: 'not a date' },
    ]);
  }
  const filter = { asOf, entityId: input.entityId, customerId: input.customerId };
  const invoices = await selectInvoicesOpenOn(db, actor, filter);
  const [payments, undertakings] = await Promise.all([
    selectInvoicePaymentsOn(
      db,
      invoices.map((i) => i.id),
      asOf,
    ),
    selectUndertakings(db, actor, { ...filter, timeZone }),
  ]);
  const byInvoice = new Map<number, RestartEvent[]>();
  for (const p of payments) {
    const list = byInvoice.get(p.invoiceId) ?? [];
    list.push({
      kind: 'payment',
      on: p.receivedDate,
      evidence: p.reference,
      proven: true,
      ref: `payment:${p.paymentId}`,
    });
    byInvoice.set(p.invoiceId, list);
  }
  const byParty = new Map<string, typeof undertakings>();
  for (const u of undertakings) {
    const key = `${u.customerId}:${u.entityId}`;
    const list = byParty.get(key);
    if (list) list.push(u);
    else byParty.set(key, [u]);
  }
  const locale = input.locale ?? 'en';
  const bands: Record<AlertBand, number> = { ok: 0, '180': 0, '90': 0, '30': 0, expired: 0 };
  const lines = invoices.map((invoice): LimitationLine => {
    const events = [...(byInvoice.get(invoice.id) ?? [])];
    for (const u of byParty.get(`${invoice.customerId}:${invoice.entityId}`) ?? []) {
      if (u.invoiceIds && !u.invoiceIds.includes(invoice.id)) continue;
      events.push({
        kind: u.kind === 'message' ? 'demand' : u.kind,
        on: u.on,
        evidence: null,
        proven: false,
        ref: `${u.kind === 'message' ? 'outbox' : u.kind}:${u.id}`,
      });
    }
    const j = jurisdictionForCountry(invoice.country);
    const r = invoiceLimitation(invoice.dueDate, events, j, asOf);
    bands[r.band] += 1;
    const setBy = (run: typeof r.firm): LimitationEvent =>
      run.from.kind === 'due'
        ? {
            kind: 'due',
            on: run.from.on,
            ref: `invoice:${invoice.id}`,
            evidence: invoice.number,
            proven: true,
          }
        : eventOf(run.restarts[run.restarts.length - 1] as RestartEvent);
    return {
      invoiceId: invoice.id,
      number: invoice.number,
      entityId: invoice.entityId,
      entityCode: invoice.entityCode,
      customerId: invoice.customerId,
      customerCode: invoice.customerCode,
      customerName: invoice.customerName,
      currency: invoice.currency,
      openAmount: invoice.openAmount,
      dueDate: invoice.dueDate,
      jurisdiction: j.code,
      periodYears: j.periodYears,
      start: r.firm.start,
      expiry: r.firm.expiry,
      expiryWithWeak: r.withWeak.expiry,
      setBy: setBy(r.firm),
      setByWithWeak: setBy(r.withWeak),
      weakRestarts: r.weakRestarts.map(eventOf),
      waivedBy: r.firm.waivedBy ? eventOf(r.firm.waivedBy) : null,
      daysLeft: r.daysLeft,
      band: r.band,
      action: r.action,
      actionText: formatMessage(locale, ACTION_TEXT[r.action]),
      calendarFallback: r.firm.fallback || r.withWeak.fallback,
    };
  });
  lines.sort((a, b) => a.daysLeft - b.daysLeft || a.invoiceId - b.invoiceId);
  return { asOf, invoices: lines, bands };
}
