// The root: picks the route for the address (shell/registry.ts), and shows it in the staff layout, alone (the
// sign-in page, the public portal), or not at all ("no access", "not found").
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useApp } from './context';
import { getToken } from './api';
import { navigate, useLocation } from './router';
import { homeFor, matchRoute, ROUTES, routeAllows, type FeatureRoute, type RouteMatch, type RouteProps } from './registry';
import { Shell } from './Shell';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NoAccess } from './components/common';
import NotFound from './components/NotFound';

// Every page is its own chunk, loaded on first visit, so the agent desk's first load carries only what it needs.
const PAGES = new Map<FeatureRoute, LazyExoticComponent<ComponentType<RouteProps>>>(ROUTES.map((r) => [r, lazy(r.page)]));
// A signed-in user reloading a page: fetch its chunk while React starts, not after.
if (getToken()) void matchRoute(window.location.pathname)?.route.page();

const fallback = (
  <div style={{ padding: 64, textAlign: 'center' }}>
    <Spin />
  </div>
);

function Page({ match }: { match: RouteMatch }) {
  const Component = PAGES.get(match.route);
  return Component ? <Component params={match.params} /> : null;
}

function StaffRoutes({ pathname, match }: { pathname: string; match: RouteMatch | null }) {
  const { user } = useApp();
  if (!user) return null;
  if (pathname === '/' || pathname === '') return <Redirect to={homeFor(user.roles)} />;
  if (!match) return <NotFound />;
  if (!routeAllows(match.route, user.roles)) return <NoAccess />;
  return <Page match={match} />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}

export function App() {
  const { lang, user, checking, t } = useApp();
  const { pathname, search } = useLocation();
  const match = matchRoute(pathname);
  const access = match?.route.roles;
  const title = match?.route.title ?? 'app.title';

  useEffect(() => {
    document.title = t(title);
  }, [title, t]);

  let body;
  if (match && access === 'public') body = <Page match={match} />;
  else if (checking) body = fallback;
  else if (!user || access === 'signed-out') {
    if (user) {
      const next = new URLSearchParams(search).get('next');
      body = <Redirect to={next && next.startsWith('/') ? next : homeFor(user.roles)} />;
    } else {
      const signIn = ROUTES.find((r) => r.roles === 'signed-out');
      body = signIn ? <Page match={{ route: signIn, params: {} }} /> : <NotFound />;
    }
  } else
    body = (
      <Shell>
        <ErrorBoundary key={pathname}>
          <Suspense fallback={fallback}>
            <StaffRoutes pathname={pathname} match={match} />
          </Suspense>
        </ErrorBoundary>
      </Shell>
    );

  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 } }}>
      <AntApp>
        <Suspense fallback={fallback}>{body}</Suspense>
      </AntApp>
    </ConfigProvider>
  );
}
