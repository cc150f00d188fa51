// The auth and admin screens, appended to the route registry in web/src/app/routes.tsx, and the auth
// feature's place in the shell (web/src/app/extensions.tsx), set here once when the registry loads: the
// session provider (sign-in page when there is no session), the user menu, and the rights check that hides
// navigation entries and pages the user's roles do not allow.
import { AuditOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { access, headerItems, providers } from '../../app/extensions';
import type { AppRoute } from '../../app/routes';
import { SessionProvider, useSession } from './session';
import UserMenu from './UserMenu';

providers.unshift(SessionProvider); // outermost: nothing renders before the session is known
headerItems.push({ key: 'user-menu', order: 300, component: UserMenu });
access.useCan = () => useSession().can;

export const authRoutes: AppRoute[] = [
  {
    path: '/login',
    labelKey: 'auth.login.submit',
    nav: false,
    layout: false,
    element: lazy(() => import('./LoginPage')),
  },
  {
    path: '/account/tokens',
    labelKey: 'nav.tokens',
    nav: false,
    element: lazy(() => import('./TokensPage')),
  },
  {
    path: '/admin/users',
    labelKey: 'nav.users',
    right: 'admin',
    icon: <UserSwitchOutlined />,
    nav: true,
    group: 'nav.group.admin',
    order: 10,
    element: lazy(() => import('../admin/UsersPage')),
  },
  {
    path: '/admin/audit',
    labelKey: 'nav.audit',
    right: 'audit:read',
    icon: <AuditOutlined />,
    nav: true,
    group: 'nav.group.admin',
    order: 20,
    element: lazy(() => import('../admin/AuditPage')),
  },
];
