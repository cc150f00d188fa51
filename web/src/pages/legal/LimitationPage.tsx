// Limitation periods (诉讼时效): for every open invoice, how long remains before the claim expires and which
// evidence keeps it alive, with the alert band and the suggested action.
import { Alert, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatMessage, type MessageCode } from '../../../../src/shared/messages';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { activeLocale, useT } from '../../i18n';
import { amountText, right } from '../analytics/parts';
import { type LimitationEvent, type LimitationLine, legalApi } from './legalApi';

const KEYS = ['asOf'] as const;
const ACTION_TEXT: Record<LimitationLine['action'], MessageCode> = {
  none: 'limitationActionNone',
  sendConfirmation: 'limitationActionSendConfirmation',
  seekPromise: 'limitationActionSeekPromise',
};
const BAND_COLOURS: Record<string, string> = {
  ok: 'default',
  '180': 'gold',
  '90': 'orange',
  '30': 'red',
  expired: 'magenta',
};

export default function LimitationPage() {
  const t = useT();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const query = { asOf: filters.asOf || undefined };
  const { data, error, loading } = useRequest(() => legalApi.limitation(query), [filters.asOf]);
  const event = (e: LimitationEvent) => (
    <span>
      {t(`limitation.kind.${e.kind}`)} {e.on}
      {e.evidence && <Typography.Text type="secondary"> · {e.evidence}</Typography.Text>}
      {!e.proven && <Tag style={{ marginLeft: 4 }}>{t('limitation.weak')}</Tag>}
    </span>
  );
  return (
    <div>
      <PageTitle title={t('limitation.title')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker
          value={filters.asOf ? dayjs(filters.asOf) : null}
          placeholder={t('limitation.asOf')}
          onChange={(d) => setFilters({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
        />
        {data && (
          <Typography.Text type="secondary">
            {t('limitation.asOf')} {data.asOf}
          </Typography.Text>
        )}
      </Space>
      <ApiErrorAlert error={error} />
      {data?.invoices.some((l) => l.calendarFallback) && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('limitation.fallback')} />
      )}
      <Table<LimitationLine>
        data-testid="limitation-table"
        size="small"
        rowKey="invoiceId"
        loading={loading}
        pagination={{ pageSize: 50 }}
        dataSource={data?.invoices ?? []}
        columns={[
          { title: t('limitation.invoice'), dataIndex: 'number' },
          {
            title: t('limitation.customer'),
            key: 'customer',
            render: (_: unknown, l) => `${l.customerName} (${l.customerCode})`,
          },
          {
            title: t('limitation.open'),
            key: 'open',
            ...right,
            render: (_: unknown, l) => amountText(l.openAmount, l.currency),
          },
          { title: t('limitation.due'), dataIndex: 'dueDate' },
          { title: t('limitation.start'), dataIndex: 'start' },
          { title: t('limitation.expiry'), dataIndex: 'expiry' },
          { title: t('limitation.expiryWithWeak'), dataIndex: 'expiryWithWeak' },
          {
            title: t('limitation.setBy'),
            key: 'setBy',
            render: (_: unknown, l) => (
              <Space direction="vertical" size={0}>
                {event(l.setBy)}
                {l.weakRestarts.map((w) => (
                  <span key={`${w.ref}`}>{event(w)}</span>
                ))}
                {l.waivedBy && (
                  <Typography.Text type="warning">
                    {t('limitation.waived', {
                      kind: t(`limitation.kind.${l.waivedBy.kind}`),
                      on: l.waivedBy.on,
                    })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('limitation.daysLeft'), dataIndex: 'daysLeft', ...right },
          {
            title: t('limitation.band'),
            dataIndex: 'band',
            render: (band: string) => <Tag color={BAND_COLOURS[band]}>{t(`limitation.band.${band}`)}</Tag>,
          },
          {
            title: t('limitation.action'),
            dataIndex: 'action',
            render: (action: LimitationLine['action']) =>
              action === 'none' ? '' : formatMessage(activeLocale(), ACTION_TEXT[action]),
          },
        ]}
      />
    </div>
  );
}
