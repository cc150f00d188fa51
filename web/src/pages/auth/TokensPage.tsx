// 我的 API 令牌: create (shown once), list, revoke.
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useT } from '../../i18n';
import { dateTimeText } from '../../lib/dates';
import { type ApiToken, authApi } from './authApi';

const when = (iso: string | null) => dateTimeText(iso);

export default function TokensPage() {
  const t = useT();
  const { message } = App.useApp();
  const tokens = useRequest(() => authApi.tokens(), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<{ name: string; scope: 'read' | 'write'; expiresInDays?: number }>();

  const create = async (values: { name: string; scope: 'read' | 'write'; expiresInDays?: number }) => {
    setError(undefined);
    try {
      const token = await authApi.createToken(values);
      setCreated(token.token);
      setCreating(false);
      form.resetFields();
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const revoke = async (token: ApiToken) => {
    try {
      await authApi.revokeToken(token.id);
      message.success(t('auth.tokens.revoked'));
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <PageTitle
        title={t('auth.tokens.title')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="token-create">
            {t('auth.tokens.create')}
          </Button>
        }
      />
      <ApiErrorAlert error={tokens.error ?? error} />
      <Alert type="info" showIcon title={t('auth.tokens.help')} style={{ marginBottom: 16 }} />
      {created && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setCreated(null) }}
          style={{ marginBottom: 16 }}
          title={t('auth.tokens.newToken')}
          description={
            <Typography.Text copyable code data-testid="token-value">
              {created}
            </Typography.Text>
          }
        />
      )}
      <Card>
        <Table<ApiToken>
          rowKey="id"
          size="small"
          loading={tokens.loading}
          dataSource={tokens.data?.items ?? []}
          pagination={false}
          data-testid="token-table"
          columns={[
            { title: t('auth.tokens.name'), dataIndex: 'name' },
            { title: t('auth.tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <code>{v}…</code> },
            {
              title: t('auth.tokens.scope'),
              dataIndex: 'scope',
              render: (scope: string) => t(`auth.tokens.scope.${scope}`),
            },
            { title: t('auth.tokens.created'), dataIndex: 'createdAt', render: when },
            { title: t('auth.tokens.expires'), dataIndex: 'expiresAt', render: when },
            {
              title: t('auth.tokens.lastUsed'),
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => (v ? when(v) : t('auth.tokens.never')),
            },
            {
              title: t('common.status'),
              key: 'status',
              render: (_, token) =>
                token.revokedAt ? (
                  <Tag>{t('auth.tokens.revoked')}</Tag>
                ) : (
                  <Tag color="green">{t('auth.tokens.active')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, token) =>
                token.revokedAt ? null : (
                  <Popconfirm title={t('auth.tokens.revokeConfirm')} onConfirm={() => revoke(token)}>
                    <Button size="small" danger>
                      {t('auth.tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={creating}
        title={t('auth.tokens.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ scope: 'read' }}>
          <Form.Item name="name" label={t('auth.tokens.name')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="token-name" />
          </Form.Item>
          <Form.Item name="scope" label={t('auth.tokens.scope')}>
            <Select
              options={[
                { value: 'read', label: t('auth.tokens.scope.read') },
                { value: 'write', label: t('auth.tokens.scope.write') },
              ]}
            />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('auth.tokens.expiresInDays')}>
            <InputNumber min={1} max={3650} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
