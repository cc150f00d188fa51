// Unapplied payments and credit notes of the customer, selectable; a payment can auto-allocate itself.
import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { paymentsApi } from '../../api/ledger';
import type { UnappliedItem } from '../../api/types';
import { errorText } from '../../components/ApiErrorAlert';
import { Money } from '../../components/Money';
import { useT } from '../../i18n';

export interface Source {
  kind: 'payment' | 'credit_note';
  item: UnappliedItem;
}

export const sourceKey = (s: Source) => `${s.kind}:${s.item.id}`;

export function sourceLabel(s: Source): string {
  return s.item.reference;
}

export function SourceTable({
  sources,
  loading,
  selected,
  onSelect,
  onChanged,
}: {
  sources: Source[];
  loading: boolean;
  selected?: string;
  onSelect(key: string): void;
  onChanged(): void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number>();

  const auto = async (paymentId: number) => {
    setBusy(paymentId);
    try {
      const result = await paymentsApi.autoAllocate(paymentId);
      message.success(t('allocations.autoDone'));
      if (result.unappliedAmount === 0) onSelect('');
      onChanged();
    } catch (failure) {
      message.error(errorText(failure, t));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Table<Source>
      rowKey={sourceKey}
      size="small"
      loading={loading}
      pagination={false}
      data-testid="allocation-sources"
      dataSource={sources}
      rowSelection={{
        type: 'radio',
        selectedRowKeys: selected ? [selected] : [],
        onChange: (keys) => onSelect(String(keys[0])),
      }}
      onRow={(row) => ({ onClick: () => onSelect(sourceKey(row)) })}
      columns={[
        {
          title: t('allocations.col.source'),
          key: 'label',
          render: (_, s) => (
            <>
              <Tag color={s.kind === 'payment' ? 'blue' : 'purple'}>{t(`allocations.kind.${s.kind}`)}</Tag>
              {sourceLabel(s)}
            </>
          ),
        },
        {
          title: t('common.date'),
          key: 'date',
          width: 110,
          render: (_, s) => s.item.date,
        },
        {
          title: t('payments.col.unapplied'),
          key: 'unapplied',
          align: 'right',
          render: (_, s) => (
            <Money amount={s.item.unappliedAmount} currency={s.item.currency} type="success" />
          ),
        },
        {
          title: '',
          key: 'auto',
          width: 60,
          render: (_, s) =>
            s.kind === 'payment' ? (
              <Button
                size="small"
                icon={<ThunderboltOutlined />}
                loading={busy === s.item.id}
                title={t('allocations.auto')}
                aria-label={t('allocations.auto')}
                onClick={(e) => {
                  e.stopPropagation();
                  auto(s.item.id);
                }}
              />
            ) : null,
        },
      ]}
    />
  );
}
