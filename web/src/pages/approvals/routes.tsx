// The approvals inbox (审批), appended to the route registry (web/src/app/routes.tsx): everyone signed in
// may have requests to decide or requests of their own.
import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';
import ApprovalBadge from './ApprovalBadge';

export const approvalsRoutes: AppRoute[] = [
  {
    path: '/approvals',
    labelKey: 'nav.approvals',
    icon: <AuditOutlined />,
    nav: true,
    badge: ApprovalBadge,
    element: lazy(() => import('./ApprovalsPage')),
  },
];
