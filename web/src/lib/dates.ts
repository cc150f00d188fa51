// Calendar dates are `YYYY-MM-DD` strings end to end; dayjs only bridges them to Ant Design's pickers.
import dayjs, { type Dayjs } from 'dayjs';

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
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
