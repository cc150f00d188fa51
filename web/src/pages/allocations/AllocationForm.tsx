// Manual 核销 of the chosen invoice with the chosen payment or credit note. The amount defaults to the most
// that can be applied (the smaller open side); the server refuses more than either side has open.
import { App, Button, Card, DatePicker, Flex, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { allocationsApi } from '../../api/ledger';
import type { OpenInvoice } from '../../api/types';
import { errorText } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n';
import { todayDayjs } from '../../lib/dates';
import { formatMoney, minorUnitsOf, parseAmount, toDecimalString } from '../../lib/money';
import { type Source, sourceLabel } from './SourceTable';

export function AllocationForm({
  invoice,
  source,
  onDone,
}: {
  invoice?: OpenInvoice;
  source?: Source;
  onDone(): void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [amount, setAmount] = useState('');
  const [effectiveOn, setEffectiveOn] = useState<Dayjs>(todayDayjs());
  const [busy, setBusy] = useState(false);
  const sameCurrency = invoice && source && invoice.currency === source.item.currency;
  const max = sameCurrency ? Math.min(invoice.openAmount, source.item.unappliedAmount) : 0;

  useEffect(() => {
    setAmount(invoice && sameCurrency ? toDecimalString(max, minorUnitsOf(invoice.currency)) : '');
  }, [invoice, sameCurrency, max]);

  const parsed = invoice ? parseAmount(amount, invoice.currency) : undefined;
  const problem =
    !invoice || !source
      ? t('allocations.pickBoth')
      : !sameCurrency
        ? t('allocations.currencyMismatch')
        : !parsed?.ok
          ? t('money.invalid.format')
          : parsed.minor <= 0
            ? t('money.invalid.positive')
            : parsed.minor > max
              ? t('allocations.tooMuch', { max: formatMoney(max, invoice.currency) })
              : undefined;

  const submit = async () => {
    if (problem || !invoice || !source || !parsed?.ok) return;
    setBusy(true);
    try {
      await allocationsApi.create({
        invoiceId: invoice.id,
        ...(source.kind === 'payment' ? { paymentId: source.item.id } : { creditNoteId: source.item.id }),
        amount: parsed.minor,
        effectiveOn: effectiveOn.format('YYYY-MM-DD'),
      });
      message.success(t('allocations.done'));
      onDone();
    } catch (failure) {
      message.error(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="allocation-form">
      <Flex wrap gap={12} align="center">
        <Typography.Text>
          {invoice ? `${t('invoices.invoice')} ${invoice.number}` : '—'} ←{' '}
          {source ? sourceLabel(source) : '—'}
        </Typography.Text>
        <Input
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          inputMode="decimal"
          prefix={invoice?.currency}
          style={{ width: 200 }}
          styles={{ input: { textAlign: 'right' } }}
          aria-label={t('common.amount')}
          data-testid="allocation-amount"
        />
        <DatePicker value={effectiveOn} onChange={(d) => d && setEffectiveOn(d)} allowClear={false} />
        <Button
          type="primary"
          disabled={Boolean(problem)}
          loading={busy}
          onClick={submit}
          data-testid="allocate"
        >
          {t('allocations.allocate')}
        </Button>
        {problem ? <Typography.Text type="secondary">{problem}</Typography.Text> : null}
      </Flex>
    </Card>
  );
}
