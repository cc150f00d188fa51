// 取消核销: un-allocating never deletes; the server marks the allocation reversed and the invoice re-opens.
import { RollbackOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { allocationsApi } from '../api/ledger';
import { useT } from '../i18n';
import { errorText } from './ApiErrorAlert';

export function ReverseAllocationButton({ allocationId, onDone }: { allocationId: number; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const reverse = async () => {
    setBusy(true);
    try {
      await allocationsApi.reverse(allocationId);
      message.success(t('allocations.reversed'));
      onDone();
    } catch (failure) {
      message.error(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title={t('allocations.reverseConfirm')}
      onConfirm={reverse}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
    >
      <Button
        size="small"
        danger
        icon={<RollbackOutlined />}
        loading={busy}
        data-testid={`unallocate-${allocationId}`}
      >
        {t('allocations.reverse')}
      </Button>
    </Popconfirm>
  );
}
