// The analytics screens, appended to the route registry (web/src/app/routes.tsx).
import {
  BarChartOutlined,
  DashboardOutlined,
  LineChartOutlined,
  ProfileOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';

export const analyticsRoutes: AppRoute[] = [
  {
    path: '/analytics/dashboard',
    labelKey: 'nav.analytics.dashboard',
    icon: <DashboardOutlined />,
    nav: true,
    group: 'nav.group.analytics',
    order: 10,
    element: lazy(() => import('./DashboardPage')),
  },
  {
    path: '/analytics/aging',
    labelKey: 'nav.analytics.aging',
    icon: <BarChartOutlined />,
    nav: true,
    group: 'nav.group.analytics',
    order: 20,
    element: lazy(() => import('./AgingPage')),
  },
  {
    path: '/analytics/performance',
    labelKey: 'nav.analytics.performance',
    icon: <LineChartOutlined />,
    nav: true,
    group: 'nav.group.analytics',
    order: 30,
    element: lazy(() => import('./PerformancePage')),
  },
  {
    path: '/analytics/provisions',
    labelKey: 'nav.analytics.provisions',
    icon: <SafetyOutlined />,
    nav: true,
    group: 'nav.group.analytics',
    order: 40,
    element: lazy(() => import('./ProvisionPage')),
  },
  {
    path: '/analytics/statement',
    labelKey: 'nav.analytics.statement',
    icon: <ProfileOutlined />,
    nav: true,
    group: 'nav.group.analytics',
    order: 50,
    element: lazy(() => import('./StatementPage')),
  },
];
