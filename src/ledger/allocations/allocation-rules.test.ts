import { describe, expect, it } from 'vitest';
import { earliestEffectiveOn, type LastReversals } from './allocation-rules';

const none: LastReversals = { invoice: new Map(), payment: new Map(), creditNote: new Map() };
const invoice = { id: 1, issue_date: '2026-02-01' };

describe('earliestEffectiveOn', () => {
  it('is the later of the source date and the issue date when nothing was reversed', () => {
    expect(earliestEffectiveOn(invoice, { paymentId: 7, date: '2026-03-01' }, none)).toEqual({
      date: '2026-03-01',
      reason: 'the payment was received then',
    });
    expect(earliestEffectiveOn(invoice, { creditNoteId: 7, date: '2026-01-01' }, none)).toEqual({
      date: '2026-02-01',
      reason: 'the invoice was issued then',
    });
    expect(earliestEffectiveOn(invoice, null, none).date).toBe('2026-02-01');
  });

  it("waits for the last reversal of the invoice's or the source's earlier allocations", () => {
    const reversals: LastReversals = {
      invoice: new Map([[1, '2026-03-25']]),
      payment: new Map([[7, '2026-04-02']]),
      creditNote: new Map([[7, '2026-05-01']]),
    };
    expect(earliestEffectiveOn(invoice, { paymentId: 8, date: '2026-03-12' }, reversals)).toEqual({
      date: '2026-03-25',
      reason: 'an earlier allocation of the invoice was reversed then',
    });
    expect(earliestEffectiveOn(invoice, { paymentId: 7, date: '2026-03-12' }, reversals)).toEqual({
      date: '2026-04-02',
      reason: 'an earlier allocation of the payment was reversed then',
    });
    // Payment 7 and credit note 7 are different documents.
    expect(earliestEffectiveOn(invoice, { creditNoteId: 7, date: '2026-03-12' }, reversals).date).toBe(
      '2026-05-01',
    );
    expect(earliestEffectiveOn({ id: 2, issue_date: '2026-02-01' }, null, reversals).date).toBe('2026-02-01');
  });
});
