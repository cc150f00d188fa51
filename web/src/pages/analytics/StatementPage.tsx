// Statement of account (对账单) of one customer for a period, with the aging of what is open at the end.
import { Alert, Card, DatePicker, Descriptions, Empty, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatMessage } from '../../../../src/shared/messages';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { labelOr, useLocale, useT } from '../../i18n';
import { formatAmount } from '../../lib/money';
import { ExcelButton, right } from './parts';
import { reportsApi, type StatementLine } from './reportsApi';

const KEYS = ['customerId', 'from', 'to'] as const;

/** A line of the statement table: a document, or the opening and closing balances around them. */
type StatementRow = Pick<StatementLine, 'date' | 'reference' | 'dueDate' | 'debit' | 'credit' | 'balance'> & {
  kind: StatementLine['kind'] | 'opening' | 'closing';
  key: string;
};

export default function StatementPage() {
  const t = useT();
  const { locale } = useLocale();
  const [filters, setFilters] = useUrlFilters(KEYS);
  const customerId = filters.customerId ? Number(filters.customerId) : undefined;
  const query = { customerId, from: filters.from || undefined, to: filters.to || undefined };
  const { data, error, loading } = useRequest(
    () => (customerId ? reportsApi.statement(query) : Promise.resolve(undefined)),
    [customerId, filters.from, filters.to],
  );
  const entityNames = (data?.entities ?? []).map((e) => e.name).join(locale === 'zh-CN' ? '、' : ', ');
  return (
    <div>
      <PageTitle
        title={t('stmt.title')}
        extra={customerId && <ExcelButton path="/reports/statement" query={query} />}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <CustomerPicker
          value={customerId}
          placeholder={t('stmt.pickCustomer')}
          style={{ width: 300 }}
          onChange={(id) => setFilters({ customerId: id ? String(id) : undefined })}
        />
        <DatePicker.RangePicker
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(range) =>
            setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
        />
      </Space>
      <ApiErrorAlert error={error} />
      {!customerId && <Empty description={t('stmt.pickCustomer')} />}
      {data && data.entities.length > 0 && (
        <Typography.Title level={4} data-testid="statement-entity">
          {entityNames}
        </Typography.Title>
      )}
      {data?.sections.map((s) => {
        const rows: StatementRow[] = [
          {
            key: 'open',
            date: data.openingDate,
            kind: 'opening',
            reference: '',
            dueDate: null,
            debit: 0,
            credit: 0,
            balance: s.openingBalance,
          },
          ...s.lines.map((l, k) => ({ ...l, key: String(k) })),
          {
            key: 'close',
            date: data.to,
            kind: 'closing',
            reference: '',
            dueDate: null,
            debit: s.totalDebit,
            credit: s.totalCredit,
            balance: s.closingBalance,
          },
        ];
        const money = (v: number) => (v ? formatAmount(v, s.currency) : '');
        return (
          <Card
            key={s.currency}
            loading={loading}
            style={{ marginBottom: 16 }}
            title={`${data.customer.code} ${data.customer.name} · ${s.currency} · ${data.from} – ${data.to}`}
          >
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={rows}
              columns={[
                { title: t('common.date'), dataIndex: 'date' },
                {
                  title: t('stmt.document'),
                  render: (_, r) =>
                    r.kind === 'opening'
                      ? t('stmt.opening')
                      : r.kind === 'closing'
                        ? t('stmt.closing')
                        : labelOr(t, `stmt.kind.${r.kind}`, r.kind),
                },
                { title: t('stmt.reference'), dataIndex: 'reference' },
                { title: t('analytics.col.dueDate'), dataIndex: 'dueDate' },
                { title: t('stmt.debit'), ...right, render: (_, r) => money(r.debit) },
                { title: t('stmt.credit'), ...right, render: (_, r) => money(r.credit) },
                {
                  title: t('stmt.balance'),
                  ...right,
                  render: (_, r) => <strong>{formatAmount(r.balance, s.currency)}</strong>,
                },
              ]}
            />
            <Descriptions
              size="small"
              style={{ marginTop: 16 }}
              title={t('stmt.agingAtEnd', { date: data.to })}
              column={{ xs: 2, md: 4 }}
            >
              {data.buckets.map((b, k) => (
                <Descriptions.Item key={b.key} label={b.index === 0 ? t('dashboard.current') : b.label}>
                  {formatAmount(s.aging.buckets[k], s.currency)}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('stmt.unapplied')}>
                {formatAmount(s.unapplied, s.currency)}
              </Descriptions.Item>
            </Descriptions>
            {s.reconciled ? (
              <Typography.Text type="success">{t('stmt.reconciled')}</Typography.Text>
            ) : (
              <Alert type="warning" message={t('stmt.notReconciled')} />
            )}
            {/* The lines the customer signs, as on the exported statement (the shared message catalog). */}
            <div style={{ marginTop: 16 }} data-testid="statement-confirm">
              <Typography.Paragraph>
                {formatMessage(locale, 'xStatementCheck', { entity: entityNames })}
              </Typography.Paragraph>
              <Typography.Paragraph>
                {formatMessage(locale, 'xStatementConfirm', {
                  entity: entityNames,
                  date: data.to,
                  currency: s.currency,
                  amount: formatAmount(s.closingBalance, s.currency),
                })}
              </Typography.Paragraph>
              <Typography.Paragraph>{formatMessage(locale, 'xStatementSignature')}</Typography.Paragraph>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
