// The import kinds collections loads (`huikuan import promises|disputes FILE`, POST /api/imports): open
// promises to pay and disputes of a customer's existing history. The ledger's import reads, checks and stages
// the file; each staged row is then written through this module's own use cases (recordPromise,
// raiseDispute) inside the import's one transaction, so a bad row rolls the whole file back. The composition
// root registers them (src/app/feature-links.ts): the ledger never writes collections' tables.
//
// Re-importing a file creates nothing twice: a promise is known by customer, entity, due date, amount and
// currency; a dispute by invoice, reason and the day it was raised.

import { selectCustomerIdByCode } from '../../ledger/customers/customer-queries';
import type { StageValue } from '../../ledger/import/copy-text';
import type { KindHandler, LoadContext } from '../../ledger/import/kinds';
import type { RowReader } from '../../ledger/import/row-reader';
import type { StageColumns } from '../../ledger/import/rows-documents';
import { collectProblems, duplicateCheck, STAGE } from '../../ledger/import/stage-queries';
import { selectInvoiceById, selectInvoiceIdByNumber } from '../../ledger/invoices/invoice-queries';
import { assertCan } from '../../platform/auth/actor';
import type { ImportError } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/store';
import { AppError } from '../../platform/errors';
import type { MessageCode } from '../../shared/messages/catalog';
import { toDecimalString } from '../../shared/money/amounts';
import { minorUnitsOf } from '../../shared/money/currencies';
import { recordPromise } from '../cases/create-promise';
import { DISPUTE_REASONS } from '../disputes/dispute-dto';
import { openDisputedAmount } from '../disputes/dispute-queries';
import { raiseDispute } from '../disputes/disputes';
import { disputeExists, promiseExists, selectOpenCaseId } from './import-kind-queries';

type Params = Record<string, string | number>;

const problem = (
  line: number,
  field: string | null,
  value: string | null,
  code: MessageCode,
  params: Params,
  reason: string,
): ImportError => ({ line, field, value, reason, code, params });

/** A use case's refusal as the row's problem, in its own catalog message (translated by the reader). */
function refusal(line: number, error: unknown, fields: Record<string, string>): ImportError {
  if (!(error instanceof AppError)) throw error;
  const first = error.details?.problems?.[0];
  const params = Object.fromEntries(
    Object.entries(error.params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
  ) as Params;
  return {
    line,
    field: first?.field ? (fields[first.field] ?? first.field) : null,
    value: first?.value ?? null,
    reason: first ? `${error.message}: ${first.reason}` : error.message,
    ...(error.messageCode ? { code: error.messageCode, params } : {}),
  };
}

/** Runs one row's writes under a savepoint: a refused row leaves nothing behind and the load goes on. */
async function inSavepoint(ctx: LoadContext, write: () => Promise<void>): Promise<unknown> {
  await ctx.raw.exec('savepoint import_row');
  try {
    await write();
    await ctx.raw.exec('release savepoint import_row');
    return null;
  } catch (error) {
    await ctx.raw.exec('rollback to savepoint import_row');
    return error;
  }
}

// The pinned connection is inside the import's transaction: the use cases' writes join it.
const txOf = (ctx: LoadContext) => ctx.db as unknown as Tx;

const PROMISE_STAGE: StageColumns = [
  ['line', 'integer'],
  ['entity_id', 'bigint'],
  ['entity_code', 'text'],
  ['customer_code', 'text'],
  ['currency', 'text'],
  ['amount', 'bigint'],
  ['promised_on', 'date'],
  ['due_on', 'date'],
  ['note', 'text'],
];

function promiseRow(r: RowReader): StageValue[] | null {
  const entity = r.entity();
  const customerCode = r.text('customer_code');
  const currency = r.currency(entity?.baseCurrency);
  const amount = r.amount('amount', currency?.minorUnits ?? null, { positive: true });
  const promisedOn = r.date('promised_on');
  const dueOn = r.date('due_on');
  if (promisedOn && dueOn && dueOn < promisedOn) {
    r.problems.push(
      problem(
        r.line,
        'due_on',
        dueOn,
        'import_due_before_promise',
        { dueOn, promisedOn },
        `due on ${dueOn}, before the promise date ${promisedOn}`,
      ),
    );
  }
  const note = r.text('note');
  if (!r.ok || !entity) return null;
  return [r.line, entity.id, entity.code, customerCode, currency!.code, amount, promisedOn, dueOn, note];
}

interface StagedPromise {
  line: number;
  entity_id: string | number;
  entity_code: string;
  customer_code: string;
  currency: string;
  amount: string | number;
  promised_on: string;
  due_on: string;
  note: string | null;
}

const dayText = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

export const promisesImport: KindHandler = {
  stage: PROMISE_STAGE,
  row: promiseRow,
  checksWhileLoading: true,
  check: (raw, log) =>
    collectProblems(
      raw,
      log,
      duplicateCheck(['entity_id', 'customer_code', 'due_on', 'amount', 'currency'], 'due_on', 'due_on'),
    ),
  async load(ctx) {
    // The import needs imports:write; what it records here is collections' work, which needs its own right.
    assertCan(ctx.actor, 'collections:write');
    const tx = txOf(ctx);
    const { rows } = await ctx.raw.query<StagedPromise>(
      `select line, entity_id, entity_code, customer_code, currency, amount, promised_on::text as promised_on,
              due_on::text as due_on, note from ${STAGE} order by line`,
    );
    let inserted = 0;
    for (const row of rows) {
      const entityId = Number(row.entity_id);
      const amount = Number(row.amount);
      const customerId = await selectCustomerIdByCode(tx, ctx.actor, row.customer_code);
      if (customerId === null) {
        ctx.log.add(
          problem(
            row.line,
            'customer_code',
            row.customer_code,
            'import_unknown_customer',
            { code: row.customer_code },
            `unknown customer "${row.customer_code}" (import customers first)`,
          ),
        );
        continue;
      }
      const caseId = await selectOpenCaseId(tx, customerId, entityId);
      if (caseId === null) {
        ctx.log.add(
          problem(
            row.line,
            'customer_code',
            row.customer_code,
            'import_no_open_case',
            { code: row.customer_code, entity: row.entity_code },
            `customer ${row.customer_code} has no open collection case in entity ${row.entity_code}`,
          ),
        );
        continue;
      }
      const dueOn = dayText(row.due_on);
      const key = { customerId, entityId, dueOn, amount, currency: row.currency };
      if (await promiseExists(tx, key)) continue;
      const failed = await inSavepoint(ctx, async () => {
        await recordPromise(tx, ctx.actor, {
          caseId,
          customerId,
          entityId,
          today: dayText(row.promised_on),
          amount,
          currency: row.currency,
          dueOn,
          note: row.note,
        });
      });
      if (failed) ctx.log.add(refusal(row.line, failed, { dueOn: 'due_on', amount: 'amount' }));
      else inserted++;
    }
    return { inserted, updated: 0 };
  },
};

const DISPUTE_STAGE: StageColumns = [
  ['line', 'integer'],
  ['entity_id', 'bigint'],
  ['entity_code', 'text'],
  ['number', 'text'],
  ['reason_code', 'text'],
  ['amount', 'bigint'], // null: the invoice's open amount
  ['currency', 'text'],
  ['raised_on', 'date'],
  ['owner_department', 'text'],
  ['note', 'text'],
];

type DisputeReason = (typeof DISPUTE_REASONS)[number];

// The reasons as Chinese exports write them; the codes themselves are read case-insensitively.
const REASON_WORDS: Record<string, DisputeReason> = {
  价格: 'price',
  价格异议: 'price',
  数量: 'quantity',
  数量异议: 'quantity',
  质量: 'quality',
  质量问题: 'quality',
  未收货: 'not_delivered',
  未到货: 'not_delivered',
  重复: 'duplicate',
  重复开票: 'duplicate',
  已付款: 'already_paid',
  已付: 'already_paid',
  其他: 'other',
  其它: 'other',
};

function reasonCode(text: string): DisputeReason | null {
  const code = text.toLowerCase().replace(/[\s-]+/g, '_');
  if ((DISPUTE_REASONS as readonly string[]).includes(code)) return code as DisputeReason;
  return REASON_WORDS[text] ?? null;
}

function disputeRow(r: RowReader): StageValue[] | null {
  const entity = r.entity();
  const number = r.text('invoice_number');
  const reasonText = r.text('reason_code');
  const reason = reasonText ? reasonCode(reasonText) : null;
  if (reasonText && !reason) {
    r.problems.push(
      problem(
        r.line,
        'reason_code',
        reasonText,
        'import_dispute_reason',
        {},
        'reason must be price, quantity, quality, not_delivered, duplicate, already_paid or other',
      ),
    );
  }
  const currency = r.currency(entity?.baseCurrency);
  const amount = r.has('amount')
    ? r.amount('amount', currency?.minorUnits ?? null, { positive: true, required: false })
    : null;
  const raisedOn = r.date('raised_on');
  const department = r.text('owner_department');
  const note = r.text('note');
  if (!r.ok || !entity) return null;
  return [r.line, entity.id, entity.code, number, reason, amount, currency!.code, raisedOn, department, note];
}

interface StagedDispute {
  line: number;
  entity_id: string | number;
  entity_code: string;
  number: string;
  reason_code: DisputeReason;
  amount: string | number | null;
  currency: string;
  raised_on: string;
  owner_department: string | null;
  note: string | null;
}

export const disputesImport: KindHandler = {
  stage: DISPUTE_STAGE,
  row: disputeRow,
  checksWhileLoading: true,
  check: (raw, log) =>
    collectProblems(
      raw,
      log,
      duplicateCheck(['entity_id', 'number', 'reason_code', 'raised_on'], 'invoice_number', 'number'),
    ),
  async load(ctx) {
    // The import needs imports:write; what it records here is collections' work, which needs its own right.
    assertCan(ctx.actor, 'collections:write');
    const tx = txOf(ctx);
    const { rows } = await ctx.raw.query<StagedDispute>(
      `select line, entity_id, entity_code, number, reason_code, amount, currency, raised_on::text as raised_on,
              owner_department, note from ${STAGE} order by line`,
    );
    let inserted = 0;
    for (const row of rows) {
      const entityId = Number(row.entity_id);
      const raisedOn = dayText(row.raised_on);
      const invoiceId = await selectInvoiceIdByNumber(tx, ctx.actor, entityId, row.number);
      const invoice = invoiceId === null ? undefined : await selectInvoiceById(tx, ctx.actor, invoiceId);
      if (!invoice) {
        ctx.log.add(
          problem(
            row.line,
            'invoice_number',
            row.number,
            'import_unknown_invoice',
            { number: row.number, entity: row.entity_code },
            `no invoice ${row.number} in entity ${row.entity_code}`,
          ),
        );
        continue;
      }
      if (await disputeExists(tx, { invoiceId: invoice.id, reasonCode: row.reason_code, raisedOn })) continue;
      const amount = row.amount === null ? undefined : Number(row.amount);
      const refused = (field: string, value: string, code: MessageCode, params: Params, reason: string) =>
        ctx.log.add(problem(row.line, field, value, code, params, reason));
      if (amount !== undefined && row.currency !== invoice.currency) {
        refused(
          'currency',
          row.currency,
          'import_dispute_currency',
          { currency: row.currency, number: row.number, invoiceCurrency: invoice.currency },
          `the amount is in ${row.currency}, invoice ${row.number} in ${invoice.currency}`,
        );
        continue;
      }
      if (raisedOn < invoice.issueDate) {
        refused(
          'raised_on',
          raisedOn,
          'import_dispute_before_issue',
          { date: raisedOn, issueDate: invoice.issueDate },
          `raised on ${raisedOn}, before the invoice date ${invoice.issueDate}`,
        );
        continue;
      }
      const already = await openDisputedAmount(tx, invoice.id);
      const wanted = amount ?? invoice.openAmount;
      if (wanted <= 0 || wanted + already > invoice.amount) {
        const max = toDecimalString(Math.max(0, invoice.amount - already), minorUnitsOf(invoice.currency));
        refused(
          'amount',
          toDecimalString(wanted, minorUnitsOf(invoice.currency)),
          'import_dispute_amount',
          { max, number: row.number },
          `at most ${max} of invoice ${row.number} can be disputed (the invoice less its open disputes)`,
        );
        continue;
      }
      const failed = await inSavepoint(ctx, async () => {
        await raiseDispute(tx, ctx.actor, {
          invoiceId: invoice.id,
          reasonCode: row.reason_code,
          amount: wanted,
          note: row.note,
          ownerDepartment: row.owner_department,
          raisedOn,
          today: raisedOn,
        });
      });
      if (failed) ctx.log.add(refusal(row.line, failed, { raisedOn: 'raised_on', amount: 'amount' }));
      else inserted++;
    }
    return { inserted, updated: 0 };
  },
};
