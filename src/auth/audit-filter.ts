// Validates audit-log filters from the API and the CLI: every value ends up as a bound parameter, but
// bad input deserves a clear 400 rather than a database error.
import { type FieldProblem, invalid, msg } from '../platform/errors';
import type { AuditFilter } from './audit-queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkAuditFilter(filter: AuditFilter): AuditFilter {
  const problems: FieldProblem[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value !== undefined && !(DATE.test(value) || TIMESTAMP.test(value))) {
      problems.push({ field, value, reason: 'use YYYY-MM-DD or an ISO timestamp' });
    } else if (
      value !== undefined &&
      Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value))
    ) {
      problems.push({ field, value, reason: 'not a real date' });
    }
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
