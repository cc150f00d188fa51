import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n';
import { authApi } from './authApi';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await authApi.changePassword(values.currentPassword, values.newPassword);
      message.success(t('auth.password.changed', { ...result }));
      form.resetFields();
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.password.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{t('auth.password.rules')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('auth.password.revokes')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label={t('auth.password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('auth.password.new')} rules={[{ required: true, min: 10 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('auth.password.repeat')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
