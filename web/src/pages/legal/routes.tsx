// The legal screens, appended to the route registry (web/src/app/routes.tsx).
import { FieldTimeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';

export const legalRoutes: AppRoute[] = [
  {
    path: '/legal/limitation',
    right: 'reports:read',
    labelKey: 'nav.legal.limitation',
    icon: <FieldTimeOutlined />,
    nav: true,
    group: 'nav.group.analytics',
    order: 60,
    element: lazy(() => import('./LimitationPage')),
  },
];
