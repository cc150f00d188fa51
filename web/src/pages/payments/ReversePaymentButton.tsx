// 退票 / 冲销: a bounced or returned payment is reversed on a date with a reason; its allocations are
// reversed and the invoices re-open.
import { UndoOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { paymentsApi } from '../../api/ledger';
import type { Payment } from '../../api/types';
import { errorText } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n';
import { todayDayjs } from '../../lib/dates';

export function ReversePaymentButton({ payment, onDone }: { payment: Payment; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reversedOn: Dayjs; reason: string }>();

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await paymentsApi.reverse(payment.id, {
        reversedOn: values.reversedOn.format('YYYY-MM-DD'),
        reason: values.reason.trim(),
      });
      message.success(t('payments.reverseDone'));
      setOpen(false);
      onDone();
    } catch (failure) {
      message.error(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button danger icon={<UndoOutlined />} onClick={() => setOpen(true)} data-testid="reverse-payment">
        {t('payments.reverse')}
      </Button>
      <Modal
        open={open}
        title={t('payments.reverseTitle', { reference: payment.reference })}
        onOk={submit}
        okButtonProps={{ danger: true, loading: busy }}
        okText={t('payments.reverse')}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ reversedOn: todayDayjs() }}>
          <Form.Item
            name="reversedOn"
            label={t('payments.reversedOn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(payment.receivedDate), 'day')}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('payments.reversalReason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input placeholder={t('payments.reversalReasonHint')} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
