// Days past due as a coloured tag: green when not yet due, then gold → red with the aging bands.
import { Tag } from 'antd';
import type { InvoiceStatus } from '../api/types';
import { useT } from '../i18n';
import { agingColor } from '../lib/dates';

export function AgingTag({ daysPastDue }: { daysPastDue: number }) {
  const t = useT();
  return (
    <Tag color={agingColor(daysPastDue)} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {daysPastDue > 0 ? t('invoices.daysOverdue', { days: daysPastDue }) : t('invoices.notDue')}
    </Tag>
  );
}

const STATUS_COLOR: Record<InvoiceStatus, string> = { open: 'blue', overdue: 'red', paid: 'green' };

export function InvoiceStatusTag({ status, disputed }: { status: InvoiceStatus; disputed?: boolean }) {
  const t = useT();
  return (
    <>
      <Tag color={STATUS_COLOR[status]}>{t(`invoices.status.${status}`)}</Tag>
      {disputed ? <Tag color="purple">{t('invoices.disputed')}</Tag> : null}
    </>
  );
}
