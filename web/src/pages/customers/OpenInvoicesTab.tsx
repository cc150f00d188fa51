// The customer's open invoices, oldest due first, with days past due in aging colours and a total per
// currency.
import { Flex, Typography } from 'antd';
import { customersApi } from '../../api/ledger';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { InvoiceRows } from '../../components/InvoiceTable';
import { MoneyList } from '../../components/Money';
import { useRequest } from '../../hooks/useRequest';
import { useT } from '../../i18n';
import { sumByCurrency } from '../../lib/money';

export function OpenInvoicesTab({ customerId, onChanged }: { customerId: number; onChanged(): void }) {
  const t = useT();
  const { data, error, loading, reload } = useRequest(() => customersApi.openItems(customerId), [customerId]);
  const invoices = data?.invoices ?? [];
  return (
    <>
      <ApiErrorAlert error={error} />
      <InvoiceRows
        invoices={invoices}
        loading={loading}
        testId="open-invoice-table"
        onChanged={() => {
          reload();
          onChanged();
        }}
      />
      <Flex justify="flex-end" gap={12} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">
          {t('customers.openTotal', { count: invoices.length })}
        </Typography.Text>
        <MoneyList
          items={sumByCurrency(
            invoices,
            (i) => i.currency,
            (i) => i.openAmount,
          )}
        />
      </Flex>
    </>
  );
}
