// THE route registry: the router and the side navigation are both built from this list. A feature adds its
// screens by appending entries here and putting its pages under web/src/pages/<feature>/ (code-split with
// lazy()). `labelKey` and `group` are i18n keys; `nav: false` routes (details, forms) get no menu entry.
import {
  CloudUploadOutlined,
  FileTextOutlined,
  InteractionOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { analyticsRoutes } from '../pages/analytics/routes';
import { approvalsRoutes } from '../pages/approvals/routes';
import { authRoutes } from '../pages/auth/routes';
import { collectionsRoutes } from '../pages/collections/routes';
import { legalRoutes } from '../pages/legal/routes';

export interface AppRoute {
  /** react-router path, e.g. `/customers/:id`. */
  path: string;
  labelKey: string;
  icon?: ReactNode;
  /** Shown in the side navigation. */
  nav: boolean;
  /** i18n key of the navigation group (e.g. `nav.group.ledger`); ungrouped entries sit at the top level. */
  group?: string;
  /** Menu order within its group, ascending; entries without one keep their place in this list. */
  order?: number;
  /** The start page: `/` redirects to the first route marked `home` (else to the first nav route). */
  home?: boolean;
  /** The right needed to see the entry and open the page (e.g. `ledger:read`); none: everyone signed in. */
  right?: string;
  /** `false` renders the page without the side navigation and header (e.g. a login page). */
  layout?: boolean;
  /** Shown beside the menu label, e.g. a count of things waiting (a component: it may load its data). */
  badge?: ComponentType;
  element: LazyExoticComponent<ComponentType>;
}

export const routes: AppRoute[] = [
  {
    path: '/customers',
    right: 'ledger:read',
    labelKey: 'nav.customers',
    icon: <TeamOutlined />,
    nav: true,
    group: 'nav.group.ledger',
    order: 10,
    home: true,
    element: lazy(() => import('../pages/customers/CustomerListPage')),
  },
  {
    path: '/customers/:id',
    right: 'ledger:read',
    labelKey: 'nav.customerDetail',
    nav: false,
    element: lazy(() => import('../pages/customers/CustomerDetailPage')),
  },
  {
    path: '/invoices',
    right: 'ledger:read',
    labelKey: 'nav.invoices',
    icon: <FileTextOutlined />,
    nav: true,
    group: 'nav.group.ledger',
    order: 20,
    element: lazy(() => import('../pages/invoices/InvoiceListPage')),
  },
  {
    path: '/payments',
    right: 'ledger:read',
    labelKey: 'nav.payments',
    icon: <WalletOutlined />,
    nav: true,
    group: 'nav.group.ledger',
    order: 30,
    element: lazy(() => import('../pages/payments/PaymentListPage')),
  },
  {
    path: '/payments/new',
    right: 'payments:write',
    labelKey: 'nav.paymentNew',
    nav: false,
    element: lazy(() => import('../pages/payments/PaymentNewPage')),
  },
  {
    path: '/payments/:id',
    right: 'ledger:read',
    labelKey: 'nav.paymentDetail',
    nav: false,
    element: lazy(() => import('../pages/payments/PaymentDetailPage')),
  },
  {
    path: '/allocations',
    right: 'payments:write',
    labelKey: 'nav.allocations',
    icon: <InteractionOutlined />,
    nav: true,
    group: 'nav.group.ledger',
    order: 40,
    element: lazy(() => import('../pages/allocations/AllocationPage')),
  },
  {
    path: '/imports',
    right: 'imports:write',
    labelKey: 'nav.imports',
    icon: <CloudUploadOutlined />,
    nav: true,
    group: 'nav.group.data',
    order: 10,
    element: lazy(() => import('../pages/imports/ImportPage')),
  },
  {
    path: '/imports/:id',
    right: 'ledger:read',
    labelKey: 'nav.importDetail',
    nav: false,
    element: lazy(() => import('../pages/imports/ImportBatchPage')),
  },
  ...authRoutes,
  ...analyticsRoutes,
  ...collectionsRoutes,
  ...approvalsRoutes,
  ...legalRoutes,
];
