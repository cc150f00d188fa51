// The header's user menu: who is signed in with which roles, API tokens, change password, sign out.
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { ChangePasswordModal } from './ChangePasswordModal';
import { LOGIN_PATH, useSession } from './session';

export default function UserMenu() {
  const t = useT();
  const navigate = useNavigate();
  const { me, signOut } = useSession();
  const [changing, setChanging] = useState(false);
  if (!me) return null;
  const roles = [...new Set(me.user.roles.map((grant) => t(`role.${grant.role}`)))].join('、');

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'roles',
              label: <Typography.Text type="secondary">{roles || '—'}</Typography.Text>,
              disabled: true,
            },
            ...(me.customerScope === 'assigned'
              ? [{ key: 'scope', label: t('auth.menu.scopeAssigned'), disabled: true }]
              : []),
            { type: 'divider' as const },
            { key: 'tokens', label: t('auth.menu.tokens') },
            ...(me.authenticatedBy === 'session' && me.user.hasPassword
              ? [{ key: 'password', label: t('auth.menu.password') }]
              : []),
            { key: 'logout', label: <span data-testid="logout">{t('auth.logout')}</span>, danger: true },
          ],
          onClick: async ({ key }) => {
            if (key === 'tokens') navigate('/account/tokens');
            if (key === 'password') setChanging(true);
            if (key === 'logout') {
              await signOut();
              navigate(LOGIN_PATH, { replace: true });
            }
          },
        }}
      >
        <Button type="text" data-testid="user-menu">
          <Space>
            <UserOutlined />
            {me.user.displayName}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
