// 用户与角色 (admin): list with roles and status; create, edit roles, reset password, disable or enable.
import { Button, Card, Checkbox, Flex, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useT } from '../../i18n';
import { dateTimeText } from '../../lib/dates';
import { adminApi, type User } from '../auth/authApi';
import { useSession } from '../auth/session';
import { UserFormModal } from './UserFormModal';

const FILTERS = ['q', 'includeDisabled'] as const;

export default function UsersPage() {
  const t = useT();
  const { me } = useSession();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const users = useRequest(
    () => adminApi.users({ q: filters.q, includeDisabled: filters.includeDisabled === 'true' }),
    [filters.q, filters.includeDisabled],
  );
  const [editing, setEditing] = useState<User | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();

  const setDisabled = async (user: User, disabled: boolean) => {
    setError(undefined);
    try {
      await adminApi.updateUser(user.id, { disabled });
      users.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <PageTitle
        title={t('admin.users.title')}
        extra={
          <Button
            type="primary"
            data-testid="user-create"
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('admin.users.create')}
          </Button>
        }
      />
      <ApiErrorAlert error={users.error ?? error} />
      <Card>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            placeholder={t('admin.users.search')}
            onSearch={(q) => setFilters({ q })}
            style={{ maxWidth: 320 }}
            data-testid="user-search"
          />
          <Checkbox
            checked={filters.includeDisabled === 'true'}
            onChange={(e) => setFilters({ includeDisabled: e.target.checked ? 'true' : undefined })}
          >
            {t('admin.users.includeDisabled')}
          </Checkbox>
        </Flex>
        <Table<User>
          rowKey="id"
          size="small"
          loading={users.loading}
          dataSource={users.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="user-table"
          columns={[
            { title: t('admin.users.username'), dataIndex: 'username' },
            { title: t('admin.users.displayName'), dataIndex: 'displayName' },
            {
              title: t('admin.users.roles'),
              key: 'roles',
              render: (_, user) => (
                <Space size={[4, 4]} wrap>
                  {user.roles.map((grant) => (
                    <Tag key={`${grant.role}-${grant.entityId}`}>
                      {t(`role.${grant.role}`)}
                      {grant.entityCode ? ` · ${grant.entityCode}` : ''}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('admin.users.status'),
              key: 'status',
              render: (_, user) =>
                user.disabled ? (
                  <Tag>{t('admin.users.disabled')}</Tag>
                ) : user.lockedUntil ? (
                  <Tag color="orange">{t('admin.users.locked')}</Tag>
                ) : !user.hasPassword ? (
                  <Tag color="default">{t('admin.users.noLogin')}</Tag>
                ) : (
                  <Tag color="green">{t('admin.users.active')}</Tag>
                ),
            },
            {
              title: t('admin.users.lastLogin'),
              dataIndex: 'lastLoginAt',
              render: (v: string | null) => dateTimeText(v),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, user) => (
                <Space>
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(user);
                      setOpen(true);
                    }}
                  >
                    {t('common.edit')}
                  </Button>
                  {user.disabled ? (
                    <Button size="small" onClick={() => setDisabled(user, false)}>
                      {t('admin.users.enable')}
                    </Button>
                  ) : (
                    user.id !== me?.user.id && (
                      <Popconfirm
                        title={t('admin.users.disableConfirm')}
                        onConfirm={() => setDisabled(user, true)}
                      >
                        <Button size="small" danger>
                          {t('admin.users.disable')}
                        </Button>
                      </Popconfirm>
                    )
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <UserFormModal
        user={editing}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          users.reload();
        }}
      />
    </>
  );
}
