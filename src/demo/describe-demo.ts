// A person-readable summary of a loaded demo data set, for the CLI and the start hook.
import type { DeskSummary } from './live-desk';
import type { DemoSummary } from './load-demo';

export function describeDemo(summary: DemoSummary, store: string): string {
  const r = summary.rows;
  return (
    `demo loaded on ${store} in ${summary.seconds.toFixed(1)} s (seed ${summary.seed}, as of ${summary.asOf}, ` +
    `${summary.months} months):\n` +
    `  ${r.customer} customers, ${r.contact} contacts, ${r.app_user} staff, ${r.sales_order} open orders\n` +
    `  ${r.invoice} invoices, ${r.payment} payments, ${r.credit_note} credit notes, ${r.write_off} write-offs, ` +
    `${r.allocation} allocations, ${r.exchange_rate} exchange rates\n`
  );
}

export function describeDesk(desk: DeskSummary): string {
  return (
    `collections desk replayed in ${desk.seconds.toFixed(1)} s: strategies ${desk.strategiesActive.join(', ')} ` +
    `active; ${desk.engineRuns} engine runs from ${desk.from}, ${desk.messagesSent} messages sent, ` +
    `${desk.tasksDone} tasks done, ` +
    `${desk.promises} promises and ${desk.plans} payment plans recorded\n`
  );
}
