// Validation of invoice input (pure). Amounts are integers of minor units; the due date may be left out
// when the customer has payment terms (账期), and is then issue date + terms.
import { addDays } from '../../shared/dates';
import { FieldChecks } from '../reference/field-checks';

export interface CreateInvoiceInput {
  entityId?: number;
  entityCode?: string;
  customerId?: number;
  customerCode?: string;
  number: string;
  issueDate: string;
  dueDate?: string;
  currency: string;
  amount: number;
  orderNumber?: string | null;
  description?: string | null;
  disputed?: boolean;
}

export interface UpdateInvoiceInput {
  disputed?: boolean;
  description?: string | null;
  dueDate?: string;
  orderNumber?: string | null;
}

export interface InvoiceValues {
  number: string;
  issueDate: string;
  dueDate: string | undefined;
  currency: string;
  amount: number;
  orderNumber: string | null | undefined;
  description: string | null | undefined;
  disputed: boolean | undefined;
}

export function checkCreateInvoice(input: CreateInvoiceInput): {
  values: InvoiceValues;
  checks: FieldChecks;
} {
  const checks = new FieldChecks();
  if (input.entityId === undefined && !input.entityCode)
    checks.add('entityId', null, 'entityId or entityCode is required');
  if (input.customerId === undefined && !input.customerCode) {
    checks.add('customerId', null, 'customerId or customerCode is required');
  }
  const values: InvoiceValues = {
    number: checks.required('number', input.number, 100),
    issueDate: checks.date('issueDate', input.issueDate),
    dueDate: input.dueDate === undefined ? undefined : checks.date('dueDate', input.dueDate),
    currency: checks.currency('currency', input.currency),
    amount: checks.amount('amount', input.amount),
    orderNumber: checks.optional('orderNumber', input.orderNumber, 100),
    description: checks.optional('description', input.description, 2000, true),
    disputed: checks.boolean('disputed', input.disputed),
  };
  if (values.dueDate && values.issueDate && values.dueDate < values.issueDate) {
    checks.add('dueDate', values.dueDate, 'must not be before issueDate');
  }
  return { values, checks };
}

/** Due date = issue date + payment terms when the client left it out. */
export function defaultDueDate(issueDate: string, paymentTermsDays: number | null): string | null {
  return paymentTermsDays === null ? null : addDays(issueDate, paymentTermsDays);
}

export function checkUpdateInvoice(input: UpdateInvoiceInput, issueDate: string): UpdateInvoiceInput {
  const checks = new FieldChecks();
  const known = ['disputed', 'description', 'dueDate', 'orderNumber'];
  for (const key of Object.keys(input)) {
    if (!known.includes(key))
      checks.add(key, null, `cannot be changed; editable fields are ${known.join(', ')}`);
  }
  const out: UpdateInvoiceInput = {
    disputed: checks.boolean('disputed', input.disputed),
    description: checks.optional('description', input.description, 2000, true),
    orderNumber: checks.optional('orderNumber', input.orderNumber, 100),
  };
  if (input.dueDate !== undefined) {
    out.dueDate = checks.date('dueDate', input.dueDate);
    if (out.dueDate < issueDate)
      checks.add('dueDate', input.dueDate, `must not be before the issue date ${issueDate}`);
  }
  checks.throwIfAny('invoice');
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as UpdateInvoiceInput;
}
