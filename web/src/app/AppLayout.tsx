// The frame around every page: side navigation built from the route registry, a header with the language
// switch and the feature header items (user menu), and the page below.
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Space, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { type Translate, useT } from '../i18n';
import { access, headerItems } from './extensions';
import { LanguageSwitch } from './LanguageSwitch';
import { menuLabel } from './menuLabel';
import { type AppRoute, routes } from './routes';

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number];

function byOrder(a: AppRoute, b: AppRoute): number {
  return (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER);
}

export function buildMenu(list: AppRoute[], t: Translate): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<string, AppRoute[]>();
  for (const route of list.filter((r) => r.nav && r.layout !== false)) {
    if (!route.group) {
      items.push({ key: route.path, icon: route.icon, label: menuLabel(route, t) });
      continue;
    }
    if (!groups.has(route.group)) groups.set(route.group, []);
    groups.get(route.group)!.push(route);
  }
  for (const [group, members] of groups) {
    items.push({
      type: 'group',
      key: group,
      label: t(group),
      children: [...members]
        .sort(byOrder)
        .map((route) => ({ key: route.path, icon: route.icon, label: menuLabel(route, t) })),
    });
  }
  return items;
}

/** The nav entry for a URL: the longest nav path that prefixes it (`/customers/42` → `/customers`). */
export function selectedNavKey(pathname: string, list: AppRoute[]): string | undefined {
  return list
    .filter((route) => route.nav && (pathname === route.path || pathname.startsWith(`${route.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}

export function AppLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const can = access.useCan();
  const menu = useMemo(
    () =>
      buildMenu(
        routes.filter((r) => !r.right || can(r.right)),
        t,
      ),
    [t, can],
  );
  const selected = selectedNavKey(pathname, routes);
  const extras = [...headerItems].sort((a, b) => (a.order ?? 200) - (b.order ?? 200));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/*
        The side bar fills the window and stays put; its menu scrolls between the name and the collapse
        button, which is a row of its own: antd's built-in trigger floats over the last menu items when the
        menu is taller than the window (1440×900 with every group).
      */}
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        trigger={null}
        theme="light"
        width={200}
        style={{ height: '100vh', position: 'sticky', top: 0, insetInlineStart: 0 }}
      >
        <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
          <div
            style={{
              height: 56,
              flex: 'none',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
            }}
          >
            <Typography.Title level={4} style={{ margin: 0, color: '#c8102e', whiteSpace: 'nowrap' }}>
              {collapsed ? '回' : t('app.name')}
            </Typography.Title>
          </div>
          <nav aria-label="main" style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden' }}>
            <Menu
              mode="inline"
              items={menu}
              selectedKeys={selected ? [selected] : []}
              onClick={({ key }) => navigate(key)}
              style={{ borderInlineEnd: 0 }}
            />
          </nav>
          <Button
            type="text"
            block
            data-testid="sider-toggle"
            aria-label={collapsed ? t('app.expandMenu') : t('app.collapseMenu')}
            title={collapsed ? t('app.expandMenu') : t('app.collapseMenu')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            style={{ flex: 'none', height: 48, borderRadius: 0, borderTop: '1px solid #f0f0f0' }}
          />
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          <Space size="middle">
            {extras
              .filter((item) => (item.order ?? 200) < 100)
              .map(({ key, component: Item }) => (
                <Suspense key={key} fallback={null}>
                  <Item />
                </Suspense>
              ))}
            <LanguageSwitch />
            {extras
              .filter((item) => (item.order ?? 200) >= 100)
              .map(({ key, component: Item }) => (
                <Suspense key={key} fallback={null}>
                  <Item />
                </Suspense>
              ))}
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
