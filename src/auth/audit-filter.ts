// Validates audit-log filters from the API and the CLI: every value ends up as a bound parameter, but
// bad input deserves a clear 400 rather than a database error.
import { type FieldProblem, invalid, msg } from '../platform/errors';
import { isValidIsoDate } from '../shared/dates';
import type { AuditFilter } from './audit-queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-](\d{2}):?(\d{2}))?$/;
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A reason the date or time is not real (2026-02-30, 25:00, +15:00), or null when it is. */
function whenProblem(value: string): string | null {
  if (DATE.test(value)) return isValidIsoDate(value) ? null : 'not a real calendar date';
  const parts = TIMESTAMP.exec(value);
  if (!parts) return 'use YYYY-MM-DD or an ISO timestamp';
  const [, date, hour, minute, second, , offsetHour, offsetMinute] = parts;
  if (!isValidIsoDate(date)) return 'not a real calendar date';
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return 'not a real time of day';
  if (Number(offsetHour ?? 0) > 14 || Number(offsetMinute ?? 0) > 59) return 'not a real UTC offset';
  return null;
}

export function checkAuditFilter(filter: AuditFilter): AuditFilter {
  const problems: FieldProblem[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    const reason = value === undefined ? null : whenProblem(value);
    if (reason) problems.push({ field, value, reason });
  }
  if (filter.table !== undefined && !NAME.test(filter.table)) {
    problems.push({
      field: 'table',
      value: filter.table,
      reason: 'a table name: lower-case letters, digits, _',
    });
  }
  if (filter.op !== undefined && !/^[A-Za-z_]{1,40}$/.test(filter.op)) {
    problems.push({
      field: 'op',
      value: filter.op,
      reason: 'an operation such as INSERT, UPDATE, DELETE, LOGIN',
    });
  }
  for (const field of ['actor', 'rowId', 'q'] as const) {
    const value = filter[field];
    if (value !== undefined && value.length > 200) problems.push({ field, reason: 'at most 200 characters' });
  }
  if (problems.length) throw invalid(msg('auditFilterInvalid'), problems);
  return filter;
}
