// How an import read a/b/yyyy dates (1/6/2026: 1 June or 6 January?): the server's reading of the file,
// with the line that decided it. Nothing when the file has no such dates.
import { Typography } from 'antd';
import type { ImportReport } from '../../api/types';
import { labelOr, useT } from '../../i18n';

export function DateFormatNote({ report }: { report: ImportReport }) {
  const t = useT();
  const reading = report.source?.dateFormat;
  if (!reading) return null;
  const evidence = reading.evidence;
  return (
    <Typography.Text type="secondary" data-testid="import-date-format">
      {t(`imports.dateFormatRead.${reading.basis}`, {
        format: reading.format,
        line: evidence?.line ?? '',
        field: evidence ? labelOr(t, `imports.field.${evidence.field}`, evidence.field) : '',
        value: evidence?.value ?? '',
      })}
    </Typography.Text>
  );
}
