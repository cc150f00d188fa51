// The application root: i18n, Ant Design locale and theme, router, feature providers, and the routes built
// from the registry in routes.tsx.
import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { I18nProvider, useLocale, useT } from '../i18n';
import { AppLayout } from './AppLayout';
import { ErrorBoundary } from './ErrorBoundary';
import { access, providers } from './extensions';
import { NotFound } from './NotFound';
import { PageLoading } from './PageLoading';
import { type AppRoute, routes } from './routes';

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}

function LocalizedApp() {
  const { locale } = useLocale();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}
    >
      <AntApp>
        <BrowserRouter>
          <Providers>
            <AppRoutes />
          </Providers>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

function Providers({ children }: { children: ReactNode }) {
  // Nested, not a list: each provider wraps the next, so there is nothing for React to key.
  let tree = children;
  for (const Provider of [...providers].reverse()) tree = <Provider>{tree}</Provider>;
  return tree;
}

export function homePath(): string {
  return (routes.find((route) => route.home) ?? routes.find((route) => route.nav))?.path ?? '/';
}

function page(route: AppRoute) {
  const Page = route.element;
  return (
    <ErrorBoundary>
      <Suspense fallback={<PageLoading />}>
        <RequireRight right={route.right}>
          <Page />
        </RequireRight>
      </Suspense>
    </ErrorBoundary>
  );
}

/** A page the user has no right to shows 403 instead of failing request by request. */
function RequireRight({ right, children }: { right?: string; children: ReactNode }) {
  const can = access.useCan();
  const t = useT();
  if (right && !can(right)) return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return children;
}

function AppRoutes() {
  return (
    <Routes>
      {routes
        .filter((route) => route.layout === false)
        .map((route) => (
          <Route key={route.path} path={route.path} element={page(route)} />
        ))}
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={homePath()} replace />} />
        {routes
          .filter((route) => route.layout !== false)
          .map((route) => (
            <Route key={route.path} path={route.path} element={page(route)} />
          ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
