// Calendar dates are `YYYY-MM-DD` strings end to end; dayjs only bridges them to Ant Design's pickers.
// "Today" is the business time zone's (HUIKUAN_TIME_ZONE, from GET /api/config), not the browser's.
import dayjs, { type Dayjs } from 'dayjs';
import { todayIn } from '../../../src/shared/dates';

let businessTimeZone: string | undefined;

/** Set once at start-up from the server's configuration. */
export function setBusinessTimeZone(timeZone: string | undefined): void {
  businessTimeZone = timeZone;
}

/** Asks the server for its time zone; the app starts either way (then with the browser's date). */
export async function loadBusinessTimeZone(): Promise<void> {
  try {
    const response = await fetch('/api/config', { headers: { accept: 'application/json' } });
    if (response.ok) setBusinessTimeZone(((await response.json()) as { timeZone?: string }).timeZone);
  } catch {
    // offline or an old server: keep the browser's date
  }
}

export function todayIso(now: Date = new Date()): string {
  return businessTimeZone ? todayIn(businessTimeZone, now) : dayjs(now).format('YYYY-MM-DD');
}

/** Today as a dayjs value for Ant Design's date pickers. */
export function todayDayjs(): Dayjs {
  return dayjs(todayIso(), 'YYYY-MM-DD');
}

/** A timestamp as `YYYY-MM-DD HH:mm` in the business time zone. */
export function dateTimeText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: businessTimeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function toIso(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function fromIso(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value, 'YYYY-MM-DD') : undefined;
}

/** Aging colour for days past due: the same bands as the aging report (1–30, 31–60, 61–90, >90). */
export function agingColor(daysPastDue: number): string {
  if (daysPastDue <= 0) return 'green';
  if (daysPastDue <= 30) return 'gold';
  if (daysPastDue <= 60) return 'orange';
  if (daysPastDue <= 90) return 'volcano';
  return 'red';
}
