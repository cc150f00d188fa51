// Calendar months for trends: 'YYYY-MM' keys, their first and last days.
import { addDays } from '../shared/dates';

export const monthOf = (date: string) => date.slice(0, 7);
export const monthStart = (month: string) => `${month}-01`;

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const monthEnd = (month: string) => addDays(monthStart(nextMonth(month)), -1);

/** Months from the one containing `from` to the one containing `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = nextMonth(m)) months.push(m);
  return months;
}

/** The month's last day, or `last` when the month is not over by then (today, or a report's `to`). */
export const monthEndUpTo = (month: string, last: string) =>
  monthEnd(month) < last ? monthEnd(month) : last;
