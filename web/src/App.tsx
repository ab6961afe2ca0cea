import { lazy, Suspense, useEffect } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useApp } from './context';
import { matchPath, navigate, useLocation } from './router';
import { homeFor } from './roles';
import { Shell } from './components/Shell';
import { ErrorBoundary } from './components/ErrorBoundary';

// Every page is its own chunk so the agent desk's first load carries only what it needs.
const loadAgentDesk = () => import('./pages/AgentDesk');
// A signed-in agent reloading the desk: fetch its chunk while React starts, not after.
if (window.location.pathname === '/desk' && localStorage.getItem('hotline.token')) void loadAgentDesk();
const Login = lazy(() => import('./pages/Login'));
const AgentDesk = lazy(loadAgentDesk);
const TicketList = lazy(() => import('./pages/TicketList'));
const TicketDetailPage = lazy(() => import('./pages/TicketDetailPage'));
const UnitDesk = lazy(() => import('./pages/UnitDesk'));
const ReviewDesk = lazy(() => import('./pages/ReviewDesk'));
const CallbackDesk = lazy(() => import('./pages/CallbackDesk'));
const Admin = lazy(() => import('./pages/Admin'));
const Portal = lazy(() => import('./pages/Portal'));
const Board = lazy(() => import('./pages/Board'));
const SmartIntake = lazy(() => import('./pages/SmartIntake'));
const Clusters = lazy(() => import('./pages/Clusters'));
const Deadlines = lazy(() => import('./pages/Deadlines'));
const Open311 = lazy(() => import('./pages/Open311'));
const NotFound = lazy(() => import('./pages/NotFound'));

const fallback = (
  <div style={{ padding: 64, textAlign: 'center' }}>
    <Spin />
  </div>
);

function StaffRoutes({ pathname }: { pathname: string }) {
  const { user } = useApp();
  if (!user) return null;
  if (pathname === '/' || pathname === '') return <Redirect to={homeFor(user.roles)} />;
  const detail = matchPath('/tickets/:id', pathname);
  if (detail?.id) return <TicketDetailPage id={detail.id} />;
  switch (pathname) {
    case '/desk':
      return <AgentDesk />;
    case '/tickets':
      return <TicketList />;
    case '/unit':
      return <UnitDesk />;
    case '/review':
      return <ReviewDesk />;
    case '/callback':
      return <CallbackDesk />;
    case '/admin':
      return <Admin />;
    case '/board':
      return <Board />;
    case '/intake':
      return <SmartIntake />;
    case '/clusters':
      return <Clusters />;
    case '/deadlines':
      return <Deadlines />;
    case '/open311':
      return <Open311 />;
    default:
      return <NotFound />;
  }
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}

export function App() {
  const { lang, user, checking, t } = useApp();
  const { pathname, search } = useLocation();
  const isPortal = pathname === '/portal' || pathname.startsWith('/portal/');

  useEffect(() => {
    document.title = isPortal ? t('portal.title') : t('app.title');
  }, [isPortal, t]);

  let body;
  if (isPortal) body = <Portal />;
  else if (checking) body = fallback;
  else if (!user || pathname === '/login') {
    if (user && pathname === '/login') {
      const next = new URLSearchParams(search).get('next');
      body = <Redirect to={next && next.startsWith('/') ? next : homeFor(user.roles)} />;
    } else body = <Login />;
  } else
    body = (
      <Shell>
        <ErrorBoundary key={pathname}>
          <Suspense fallback={fallback}>
            <StaffRoutes pathname={pathname} />
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
