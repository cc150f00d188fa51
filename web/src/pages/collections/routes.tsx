// The collections screens, appended to the route registry (web/src/app/routes.tsx).
import { ExperimentOutlined, NodeIndexOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';

export const collectionsRoutes: AppRoute[] = [
  {
    path: '/collections/cases',
    right: 'collections:read',
    labelKey: 'nav.collections.cases',
    icon: <SolutionOutlined />,
    nav: true,
    group: 'nav.group.collections',
    order: 10,
    element: lazy(() => import('./CaseListPage')),
  },
  {
    path: '/collections/cases/:id',
    right: 'collections:read',
    labelKey: 'nav.collections.case',
    nav: false,
    element: lazy(() => import('./CaseDetailPage')),
  },
  {
    path: '/collections/strategies',
    right: 'collections:read',
    labelKey: 'nav.collections.strategies',
    icon: <NodeIndexOutlined />,
    nav: true,
    group: 'nav.group.collections',
    order: 20,
    element: lazy(() => import('./StrategyListPage')),
  },
  {
    path: '/collections/strategies/:id',
    right: 'collections:read',
    labelKey: 'nav.collections.strategy',
    nav: false,
    element: lazy(() => import('./StrategyEditorPage')),
  },
  {
    path: '/collections/simulator',
    // Company-wide figures: managers only (the API refuses others too).
    right: 'simulations:read',
    labelKey: 'nav.collections.simulator',
    icon: <ExperimentOutlined />,
    nav: true,
    group: 'nav.group.collections',
    order: 30,
    element: lazy(() => import('./SimulatorPage')),
  },
];
