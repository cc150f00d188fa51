// Creates a user or edits one: name, email, password (set or reset) and role grants.
import { App, Form, Input, Modal, Typography } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n';
import { adminApi, type GrantInput, type User } from '../auth/authApi';
import { RoleGrantsField } from './RoleGrantsField';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  password?: string;
  roles: GrantInput[];
}

export function UserFormModal({
  user,
  open,
  onClose,
  onSaved,
}: {
  user: User | null;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  // A layout effect: the fields are filled before the opened modal is first painted. As a passive effect it
  // ran after the paint, and on a busy machine after someone (a browser test, a password manager) had
  // already typed into the empty form, wiping what they typed.
  useLayoutEffect(() => {
    if (!open) return;
    setError(undefined);
    form.setFieldsValue(
      user
        ? {
            username: user.username,
            displayName: user.displayName,
            email: user.email ?? undefined,
            password: undefined,
            roles: user.roles.map((grant) => ({ role: grant.role, entityId: grant.entityId })),
          }
        : { username: '', displayName: '', email: undefined, password: undefined, roles: [] },
    );
  }, [open, user, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    const roles = (values.roles ?? []).map((grant) => ({
      role: grant.role,
      entityId: grant.entityId ?? null,
    }));
    try {
      if (user) {
        await adminApi.updateUser(user.id, {
          displayName: values.displayName,
          email: values.email || null,
          ...(values.password ? { password: values.password } : {}),
        });
        await adminApi.setRoles(user.id, roles);
      } else {
        await adminApi.createUser({
          username: values.username,
          displayName: values.displayName,
          email: values.email || null,
          password: values.password || null,
          roles,
        });
      }
      message.success(t('admin.users.saved'));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={640}
      title={user ? t('admin.users.edit') : t('admin.users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'user-save' } as never}
    >
      <ApiErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="username" label={t('admin.users.username')} rules={[{ required: true, max: 100 }]}>
          <Input disabled={Boolean(user)} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.users.displayName')}
          rules={[{ required: true, max: 200 }]}
        >
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="email" label={t('admin.users.email')}>
          <Input type="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('admin.users.newPassword') : t('admin.users.password')}
          extra={
            <Typography.Text type="secondary">
              {t(user ? 'admin.users.resetHelp' : 'admin.users.passwordHelp')}
            </Typography.Text>
          }
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item label={t('admin.users.roles')}>
          <RoleGrantsField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
