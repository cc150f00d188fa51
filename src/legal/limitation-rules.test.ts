// Hand-checked from the Civil Code (arts. 188, 192, 195, 201–203) and the State Council holiday schedules
// (2026: Spring Festival 15–23 Feb with Sat 14 Feb and Sat 28 Feb worked; National Day 1–7 Oct).
import { describe, expect, it } from 'vitest';
import {
  alertBand,
  calendarCovers,
  firstWorkingDayFrom,
  invoiceLimitation,
  jurisdictionForCountry,
  jurisdictionOf,
  periodEnd,
  periodLastDay,
  type RestartEvent,
} from './limitation-rules';

const CN = jurisdictionOf('CN');
const ev = (
  kind: RestartEvent['kind'],
  on: string,
  proven = true,
  evidence: string | null = 'doc',
): RestartEvent => ({
  kind,
  on,
  proven,
  evidence: proven ? evidence : null,
  ref: `${kind}:${on}`,
});

describe('period end (arts. 201–203)', () => {
  it('ends on the corresponding day three years on; 29 February gives 28 February', () => {
    expect(periodLastDay('2023-05-10', 3)).toBe('2026-05-10');
    expect(periodLastDay('2024-02-29', 3)).toBe('2027-02-28');
    expect(periodLastDay('2020-02-29', 4)).toBe('2024-02-29');
  });
  it('a working last day stays (leap-day due date, covered year)', () => {
    expect(periodEnd('2020-02-29', CN)).toEqual({
      lastDay: '2023-02-28',
      expiry: '2023-02-28',
      fallback: false,
    });
  });
  it('National Day moves the last day to the first working day after the holiday', () => {
    expect(periodEnd('2023-10-01', CN).expiry).toBe('2026-10-08');
  });
  it('Spring Festival moves the last day past the holiday', () => {
    expect(periodEnd('2023-02-17', CN).expiry).toBe('2026-02-24');
  });
  it('a 调休 working Saturday is a working day', () => {
    expect(periodEnd('2023-02-28', CN)).toMatchObject({ lastDay: '2026-02-28', expiry: '2026-02-28' });
    expect(periodEnd('2023-02-14', CN).expiry).toBe('2026-02-14');
  });
  it('an ordinary Sunday moves to Monday', () => {
    expect(periodEnd('2023-03-15', CN).expiry).toBe('2026-03-16');
  });
  it('Labour Day holiday', () => {
    expect(periodEnd('2023-05-01', CN).expiry).toBe('2026-05-06');
  });
  it('a year the calendar does not cover falls back to weekends and says so', () => {
    expect(calendarCovers(2026)).toBe(true);
    expect(calendarCovers(2031)).toBe(false);
    // 2027-02-28 is a Sunday.
    expect(periodEnd('2024-02-29', CN)).toEqual({
      lastDay: '2027-02-28',
      expiry: '2027-03-01',
      fallback: true,
    });
    expect(firstWorkingDayFrom('2031-01-01', 'cn')).toEqual({ date: '2031-01-01', fallback: true });
  });
  it('a generic jurisdiction knows weekends only; the period is configurable', () => {
    const generic = jurisdictionOf('GENERIC');
    expect(periodEnd('2023-10-01', generic)).toEqual({
      lastDay: '2026-10-01',
      expiry: '2026-10-01',
      fallback: false,
    });
    expect(periodEnd('2023-10-03', generic).expiry).toBe('2026-10-05'); // Saturday → Monday
    expect(periodEnd('2023-10-01', jurisdictionOf('GENERIC', 6)).lastDay).toBe('2029-10-01');
    expect(periodEnd('2024-10-01', jurisdictionOf('CN', 2)).expiry).toBe('2026-10-08');
    expect(jurisdictionForCountry('CN').code).toBe('CN');
    expect(jurisdictionForCountry('HK')).toEqual(generic);
  });
});

describe('invoice limitation', () => {
  it('runs three years from the due date, first counted day the next day', () => {
    const r = invoiceLimitation('2023-06-30', [], CN, '2025-01-01');
    expect(r.firm.from).toEqual({ kind: 'due', on: '2023-06-30', evidence: null, ref: null });
    expect(r.firm.start).toBe('2023-07-01');
    expect(r.firm.expiry).toBe('2026-06-30');
    expect(r.daysLeft).toBe(545);
    expect(r.band).toBe('ok');
    expect(r.action).toBe('none');
  });
  it('a partial payment restarts the period from its date; several restarts: the last counts', () => {
    const r = invoiceLimitation(
      '2022-01-15',
      [
        ev('payment', '2023-04-03', true, 'payment BR-1'),
        ev('acknowledgement', '2023-11-08', true, '询证函 #7'),
      ],
      CN,
      '2024-01-01',
    );
    expect(r.firm.from).toMatchObject({ kind: 'acknowledgement', on: '2023-11-08', evidence: '询证函 #7' });
    expect(r.firm.expiry).toBe('2026-11-09'); // 2026-11-08 is a Sunday
    expect(r.firm.restarts.map((e) => e.kind)).toEqual(['payment', 'acknowledgement']);
  });
  it('events after the as-of date or before the due date do not count', () => {
    const r = invoiceLimitation(
      '2023-06-30',
      [ev('payment', '2023-06-01'), ev('payment', '2025-02-01')],
      CN,
      '2025-01-01',
    );
    expect(r.firm.from.kind).toBe('due');
  });
  it('an unsigned confirmation is weak: not in the firm date, shown in the date with weak restarts', () => {
    const r = invoiceLimitation('2023-06-30', [ev('acknowledgement', '2024-03-01', false)], CN, '2026-01-10');
    expect(r.firm.expiry).toBe('2026-06-30');
    expect(r.withWeak.expiry).toBe('2027-03-01'); // 2027 not covered: Monday by weekends
    expect(r.withWeak.fallback).toBe(true);
    expect(r.weakRestarts).toHaveLength(1);
    expect(r.daysLeft).toBe(171);
    expect(r.band).toBe('180');
    expect(r.action).toBe('sendConfirmation');
  });
  it('a demand or a partial payment after expiry does not revive the claim', () => {
    const r = invoiceLimitation(
      '2020-01-10',
      [ev('demand', '2023-03-01'), ev('payment', '2023-04-01')],
      CN,
      '2023-05-01',
    );
    expect(r.firm.expiry).toBe('2023-01-10');
    expect(r.expired).toBe(true);
    expect(r.band).toBe('expired');
    expect(r.action).toBe('seekPromise');
    expect(r.firm.waivedBy).toBeNull();
  });
  it('a promise after expiry waives the defence (art. 192) and the claim runs again from it', () => {
    const promise = ev('promise', '2023-06-01', true, '还款承诺书');
    const r = invoiceLimitation('2020-01-10', [promise], CN, '2023-07-01');
    expect(r.firm.waivedBy).toEqual(promise);
    expect(r.firm.expiry).toBe('2026-06-01');
    expect(r.expired).toBe(false);
  });
  it('an unproven promise after expiry waives nothing for the firm date', () => {
    const r = invoiceLimitation('2020-01-10', [ev('promise', '2023-06-01', false)], CN, '2023-07-01');
    expect(r.firm.waivedBy).toBeNull();
    expect(r.expired).toBe(true);
    expect(r.withWeak.waivedBy?.kind).toBe('promise');
  });
  it('an event on the expiry day itself still restarts', () => {
    const r = invoiceLimitation('2020-01-10', [ev('payment', '2023-01-10')], CN, '2023-02-01');
    expect(r.firm.expiry).toBe('2026-01-12'); // 2026-01-10 is a Saturday
    expect(r.firm.waivedBy).toBeNull();
  });
  it('a holiday-shifted expiry still counts days to the moved day', () => {
    const r = invoiceLimitation('2023-10-01', [], CN, '2026-09-10');
    expect(r.firm.expiry).toBe('2026-10-08');
    expect(r.daysLeft).toBe(28);
    expect(r.band).toBe('30');
  });
});

describe('alert bands', () => {
  it('180/90/30 days before expiry, then expired', () => {
    expect([181, 180, 91, 90, 31, 30, 0, -1].map(alertBand)).toEqual([
      'ok',
      '180',
      '180',
      '90',
      '90',
      '30',
      '30',
      'expired',
    ]);
  });
});
