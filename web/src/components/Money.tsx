// Amounts on screen: grouped digits with the currency's own decimals, right-aligned in tabular figures.
import { Space, Typography } from 'antd';
import { formatAmount } from '../lib/money';

const tabular = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export function Money({
  amount,
  currency,
  type,
  strong,
}: {
  amount: number;
  currency: string;
  type?: 'danger' | 'secondary' | 'success';
  strong?: boolean;
}) {
  return (
    <Typography.Text type={type} strong={strong} style={tabular}>
      <span style={{ color: '#8c8c8c', fontSize: '0.85em', marginInlineEnd: 4 }}>{currency}</span>
      {formatAmount(amount, currency)}
    </Typography.Text>
  );
}

/** One line per currency, e.g. a customer's open amount in CNY and USD. Zero amounts are left out. */
export function MoneyList({
  items,
  type,
  empty = '—',
}: {
  items: Array<{ currency: string; amount: number }>;
  type?: 'danger' | 'secondary' | 'success';
  empty?: string;
}) {
  const shown = items.filter((item) => item.amount !== 0);
  if (shown.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {shown.map((item) => (
        <Money key={item.currency} amount={item.amount} currency={item.currency} type={type} />
      ))}
    </Space>
  );
}
