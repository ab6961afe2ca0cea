import type { ReactNode } from 'react';
import { Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useApp } from './context';
import { navigate, useLocation } from './router';
import { menuRoutes, routeHref } from './registry';
import type { MessageKey } from './i18n';

// The staff layout: the top menu (each feature's route.ts says where it appears and for whom), the language
// switch and the user menu.
export function Shell({ children }: { children: ReactNode }) {
  const { user, t, lang, setLang, signOut } = useApp();
  const { pathname } = useLocation();
  if (!user) return null;
  const routes = menuRoutes(user.roles).map((r) => ({ href: routeHref(r), menu: r.menu }));
  const selected = routes.find((r) => pathname === r.href || pathname.startsWith(`${r.href}/`))?.href ?? '';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '0 12px', background: '#001d3d', position: 'sticky', top: 0, zIndex: 10 }}
      >
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
          style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap', fontSize: 16 }}
        >
          12345
        </a>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          items={routes.map(({ href, menu }) => {
            const Icon = menu?.icon;
            return {
              key: href,
              icon: Icon ? <Icon /> : undefined,
              label: (
                <a
                  href={href}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(href);
                  }}
                >
                  {menu ? t(menu.label) : href}
                </a>
              ),
            };
          })}
        />
        <Space size={4}>
          <Button
            type="text"
            size="small"
            icon={<GlobalOutlined />}
            style={{ color: '#fff' }}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            data-testid="lang-switch"
          >
            {t('app.lang')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'roles', label: user.roles.map((r) => t(`role.${r}` as MessageKey)).join(' / '), disabled: true },
                ...(user.unitName ? [{ key: 'unit', label: user.unitName, disabled: true }] : []),
                { key: 'logout', icon: <LogoutOutlined />, label: t('app.logout') },
              ],
              onClick: ({ key }) => {
                if (key === 'logout') {
                  signOut();
                  navigate('/login');
                }
              },
            }}
          >
            <Button type="text" size="small" icon={<UserOutlined />} style={{ color: '#fff' }} data-testid="user-menu">
              <Typography.Text style={{ color: '#fff', maxWidth: 96 }} ellipsis>
                {user.displayName}
              </Typography.Text>
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 'clamp(8px, 2vw, 20px)' }}>{children}</Layout.Content>
    </Layout>
  );
}
