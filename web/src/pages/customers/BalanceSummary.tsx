// The customer's money at a glance: open and overdue per currency, unapplied cash, oldest overdue days.
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { CustomerDetail } from '../../api/types';
import { MoneyList } from '../../components/Money';
import { useT } from '../../i18n';

export function BalanceSummary({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const open = customer.balances.map((b) => ({ currency: b.currency, amount: b.openAmount }));
  const overdue = customer.balances.map((b) => ({ currency: b.currency, amount: b.overdueAmount }));
  const openCount = customer.balances.reduce((n, b) => n + b.openCount, 0);
  const overdueCount = customer.balances.reduce((n, b) => n + b.overdueCount, 0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} lg={6}>
        <Card
          size="small"
          style={{ height: '100%' }}
          title={t('customers.balance.open', { count: openCount })}
          data-testid="balance-open"
        >
          <div style={{ fontSize: 18 }}>
            <MoneyList items={open} empty="0" />
          </div>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card
          size="small"
          style={{ height: '100%' }}
          title={t('customers.balance.overdue', { count: overdueCount })}
          data-testid="balance-overdue"
        >
          <div style={{ fontSize: 18 }}>
            <MoneyList items={overdue} type="danger" empty="0" />
          </div>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card
          size="small"
          style={{ height: '100%' }}
          title={t('customers.balance.unapplied')}
          data-testid="balance-unapplied"
        >
          <div style={{ fontSize: 18 }}>
            <MoneyList items={customer.unapplied} type="success" empty="0" />
          </div>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card size="small" style={{ height: '100%' }} title={t('customers.balance.oldestOverdue')}>
          <Statistic
            value={customer.oldestOverdueDays ?? 0}
            suffix={t('customers.daysSuffix')}
            styles={{ content: { fontSize: 18 } }}
          />
          <Typography.Text type="secondary">
            {t('customers.lastPayment')}: {customer.lastPaymentDate ?? '—'}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
