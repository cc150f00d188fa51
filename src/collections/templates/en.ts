// English templates. Variables are listed in render.ts. Tone by stage: reminder (friendly) → early overdue
// (gentle but firm) → strong collection (formal). Consequences are stated, never threatened.
import type { LocaleTexts } from './types';

export const EN: LocaleTexts = {
  reminder: {
    kind: 'message',
    tone: 'friendly',
    subject: 'Payment reminder: invoices from {{entityName}} due soon',
    body: `Dear {{contactName}},

Thank you for your business. This is a friendly reminder that the following invoices of {{customerName}} fall due soon, {{dueSoonTotal}} in total:

{{invoiceTable}}

Please schedule the payment. If you have already done so, please disregard this message; if anything is unclear, just reply and we will help.

Accounts Receivable, {{entityName}}
{{asOf}}`,
  },
  statement: {
    kind: 'message',
    tone: 'friendly',
    subject: 'Statement of account: {{customerName}} as of {{asOf}}',
    body: `Dear {{contactName}},

Please find below your statement of account with {{entityName}} as of {{asOf}}: {{openTotal}} open, of which {{overdueTotal}} overdue.

{{invoiceTable}}

Please check it and tell us within 7 days if anything differs from your records.

Accounts Receivable, {{entityName}}`,
  },
  overdue_notice: {
    kind: 'message',
    tone: 'firm',
    subject: 'Overdue invoices: {{customerName}}',
    body: `Dear {{contactName}},

Our records show that the following invoices are past their due date, {{overdueTotal}} in total:

{{invoiceTable}}

This may simply have been missed in your payment run; please arrange payment as soon as possible. If there is a problem with any invoice or with the timing, please let us know so that we can resolve it together.

Accounts Receivable, {{entityName}}
{{asOf}}`,
  },
  overdue_firm: {
    kind: 'message',
    tone: 'firm',
    subject: 'Overdue invoices: {{customerName}} is {{oldestDaysPastDue}} days overdue',
    body: `Dear {{contactName}},

As of {{asOf}} we have not received payment of the invoices below. The overdue total is {{overdueTotal}}, the oldest {{oldestDaysPastDue}} days past due:

{{invoiceTable}}

Please pay within 5 business days or confirm a firm payment date and amount. Continued late payment affects your credit limit and future deliveries.

Accounts Receivable, {{entityName}}`,
  },
  final_demand: {
    kind: 'message',
    tone: 'formal',
    subject: 'Formal demand for payment',
    body: `To {{customerName}}

As of {{asOf}} you owe {{entityName}} {{overdueTotal}}, the oldest amount {{oldestDaysPastDue}} days past due:

{{invoiceTable}}

These amounts are supported by contracts, delivery notes and signed receipts. They remain unpaid. Please pay the full balance within 10 days of this letter. If payment is not received, we will suspend deliveries and reserve the right to recover the debt and related costs through legal means.

If you dispute any of these amounts, please tell us in writing within the same period, with supporting documents.

{{entityName}}
{{asOf}}`,
  },
  broken_promise: {
    kind: 'message',
    tone: 'firm',
    subject: 'Payment promised for {{promiseDueOn}} not received',
    body: `Dear {{contactName}},

You promised to pay {{promiseAmount}} by {{promiseDueOn}}, but as of {{asOf}} we have not received it. The overdue total is {{overdueTotal}}:

{{invoiceTable}}

Please let us know today when the payment will be made. If there is a difficulty, talk to us; otherwise we will continue with our collection process.

Accounts Receivable, {{entityName}}`,
  },
  missed_installment: {
    kind: 'message',
    tone: 'firm',
    subject: 'Missed installment: {{customerName}}',
    body: `Dear {{contactName}},

Under the agreed payment plan, {{installmentAmount}} was due by {{installmentDueOn}} and has not been received as of {{asOf}}. The overdue total is {{overdueTotal}}.

Please pay the installment promptly. If the plan is not kept, our normal collection process resumes.

Accounts Receivable, {{entityName}}`,
  },
  sms_reminder: {
    kind: 'sms',
    tone: 'friendly',
    subject: '',
    body: '{{entityName}}: {{dueSoonTotal}} from {{customerName}} is due on {{nextDueOn}}. Please schedule payment; ignore if already paid.',
  },
  sms_overdue: {
    kind: 'sms',
    tone: 'firm',
    subject: '',
    body: '{{entityName}}: {{overdueTotal}} from {{customerName}} is {{oldestDaysPastDue}} days overdue. Please pay or contact us.',
  },
  sms_broken_promise: {
    kind: 'sms',
    tone: 'firm',
    subject: '',
    body: '{{entityName}}: the {{promiseAmount}} promised for {{promiseDueOn}} has not arrived. Please call us today.',
  },
  call_first: {
    kind: 'task',
    tone: 'firm',
    subject: 'First collection call: {{customerName}} ({{overdueTotal}} overdue)',
    body: `Four goals: ask for payment today, learn the reason, state the pros and cons, obtain a promise.
1. Prepare: {{overdueTotal}} overdue, oldest {{oldestDaysPastDue}} days; invoices, history and documents at hand.
2. Confirm you are talking to {{contactName}} or someone who can arrange payment.
3. Introduce yourself and the company.
4. Ask for payment today.
5. Listen to the reason without arguing.
6. Ask again for today and state the consequences of further delay.
7. Obtain a promise (amount, date, method), close, and schedule the follow-up.
{{invoiceTable}}`,
  },
  call_follow_up: {
    kind: 'task',
    tone: 'firm',
    subject: 'Follow-up call: {{customerName}} ({{oldestDaysPastDue}} days overdue)',
    body: `{{overdueTotal}} overdue. Review the last call, confirm progress and get a firm date and amount; every call ends with a promise or a next step.
{{invoiceTable}}`,
  },
  call_broken_promise: {
    kind: 'task',
    tone: 'firm',
    subject: 'Broken promise, call now: {{customerName}}',
    body: `The customer promised {{promiseAmount}} by {{promiseDueOn}} and did not pay. Call today, learn why and obtain a new promise (amount, date, method); escalate to a manager if it is broken again.
{{overdueTotal}} overdue.`,
  },
  call_senior: {
    kind: 'task',
    tone: 'formal',
    subject: 'Senior-management call: {{customerName}} ({{oldestDaysPastDue}} days overdue)',
    body: `A manager calls the customer's owner or legal representative about {{overdueTotal}} overdue, explains the consequences (deliveries stopped) and seeks a promise or a payment plan.`,
  },
  visit: {
    kind: 'task',
    tone: 'formal',
    subject: 'Visit: {{customerName}}',
    body: `Visit in person with the statement and signed delivery notes ({{overdueTotal}} overdue). Look at the premises and stock; seek payment on the spot or a signed promise and balance confirmation.
{{invoiceTable}}`,
  },
  escalate_manager: {
    kind: 'task',
    tone: 'formal',
    subject: 'Escalation: {{customerName}} ({{overdueTotal}} overdue)',
    body: `The case has entered strong collection (oldest {{oldestDaysPastDue}} days). Please review it and decide on stopping supply, a formal demand, a visit or legal action.`,
  },
  credit_hold: {
    kind: 'task',
    tone: 'formal',
    subject: 'Credit hold (stop supply): {{customerName}}',
    body: `{{overdueTotal}} overdue; the strategy placed a credit hold. Credit manager: confirm it and tell sales and the warehouse to stop shipping until paid or an exception is approved.`,
  },
  legal_review: {
    kind: 'task',
    tone: 'formal',
    subject: 'Legal review: {{customerName}} ({{oldestDaysPastDue}} days overdue)',
    body: `{{overdueTotal}} overdue. Review contracts, delivery notes, signed receipts, statements and the limitation period; decide on a lawyer's letter, payment order, suit or arbitration. Non-litigation collection continues alongside.`,
  },
  agency_referral: {
    kind: 'task',
    tone: 'formal',
    subject: 'Agency referral approval: {{customerName}}',
    body: `{{overdueTotal}} overdue, oldest {{oldestDaysPastDue}} days. Manager: approve or reject referral to a collection agency and prepare the file and evidence.`,
  },
};
