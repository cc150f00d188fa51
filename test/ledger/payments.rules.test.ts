import { describe, expect, it } from 'vitest';
import { exceedProblems, mismatchProblems } from '../../src/ledger/allocations/allocation-rules';
import { raceToConflict } from '../../src/ledger/allocations/conflicts';
import {
  cleanInvoiceNumbers,
  normalizePayment,
  paymentDifferences,
} from '../../src/ledger/payments/payment-rules';

const raw = {
  reference: ' BANK-1 ',
  receivedDate: '2026-03-01',
  currency: 'cny',
  amount: 123_45,
  method: '  ',
  remittanceInvoiceNumbers: [' INV-1', 'INV-2', '', 'INV-1'],
  note: null,
};

describe('normalizePayment', () => {
  it('trims, upper-cases the currency, drops blanks and repeated invoice numbers', () => {
    const { fields, problems } = normalizePayment(raw);
    expect(problems).toEqual([]);
    expect(fields).toEqual({
      reference: 'BANK-1',
      receivedDate: '2026-03-01',
      currency: 'CNY',
      amount: 123_45,
      method: null,
      remittanceInvoiceNumbers: ['INV-1', 'INV-2'],
      note: null,
    });
  });

  it('reports every bad field', () => {
    const { problems } = normalizePayment({
      ...raw,
      reference: ' ',
      receivedDate: '2026-02-29',
      currency: 'RMB1',
      amount: 1.5,
    });
    expect(problems.map((p) => p.field)).toEqual(['reference', 'receivedDate', 'currency', 'amount']);
    expect(normalizePayment({ ...raw, amount: -1 }).problems.map((p) => p.field)).toEqual(['amount']);
    expect(normalizePayment({ ...raw, amount: 2 ** 53 }).problems.map((p) => p.field)).toEqual(['amount']);
  });

  it("refuses the method 'history', which marks the payments a history import makes", () => {
    expect(normalizePayment({ ...raw, method: ' History ' }).problems).toEqual([
      {
        field: 'method',
        value: ' History ',
        reason: 'method "history" marks the payments a history import makes; name the method otherwise',
      },
    ]);
  });

  it('cleans invoice number lists', () => {
    expect(cleanInvoiceNumbers(undefined)).toEqual([]);
    expect(cleanInvoiceNumbers([' A ', 'B', 'A', ' '])).toEqual(['A', 'B']);
  });
});

describe('paymentDifferences', () => {
  const { fields } = normalizePayment(raw);
  const stored = {
    customer_id: 7,
    received_date: '2026-03-01',
    currency: 'CNY',
    amount: 123_45,
    method: null,
    remittance_invoice_numbers: ['INV-1', 'INV-2'],
    note: null,
  };
  it('finds none for a true repeat', () => {
    expect(paymentDifferences(stored, 7, fields)).toEqual([]);
  });
  it('names each differing field', () => {
    expect(
      paymentDifferences({ ...stored, amount: 1, remittance_invoice_numbers: ['INV-2', 'INV-1'] }, 8, fields),
    ).toEqual(['customer', 'amount', 'remittanceInvoiceNumbers']);
    expect(
      paymentDifferences({ ...stored, received_date: '2026-03-02', note: 'x', method: 'cash' }, 7, fields),
    ).toEqual(['receivedDate', 'method', 'note']);
  });
});

describe('allocation rules', () => {
  const side = { entity_id: 1, customer_id: 2, currency: 'CNY' };
  it('refuses documents that do not belong together', () => {
    expect(mismatchProblems(side, side, 'paymentId')).toEqual([]);
    expect(
      mismatchProblems(side, { entity_id: 9, customer_id: 8, currency: 'USD' }, 'paymentId').map(
        (p) => p.reason,
      ),
    ).toEqual([
      'belongs to another customer than the invoice',
      'belongs to another entity than the invoice',
      'is in USD, the invoice in CNY',
    ]);
  });
  it('names the amounts that are exceeded, in money', () => {
    expect(exceedProblems(100, 100, 100, 'CNY')).toEqual([]);
    expect(exceedProblems(101, 100, 200, 'CNY').map((p) => p.reason)).toEqual([
      "CNY 1.01 exceeds the invoice's open amount CNY 1.00",
    ]);
    expect(exceedProblems(5_000, 4_000, 3_000, 'JPY').map((p) => p.reason)).toEqual([
      "JPY 5,000 exceeds the invoice's open amount JPY 4,000",
      'JPY 5,000 exceeds the unapplied amount JPY 3,000',
    ]);
    expect(exceedProblems(5, 10, null, 'CNY')).toEqual([]);
  });
  it('maps races to CONFLICT and leaves other errors alone', () => {
    expect(raceToConflict({ code: '40P01' })).toMatchObject({ code: 'CONFLICT' });
    expect(raceToConflict({ code: '23514', constraint: 'credit_note_not_over_allocated' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('credit note'),
    });
    const other = { code: '23505' };
    expect(raceToConflict(other)).toBe(other);
  });
});
