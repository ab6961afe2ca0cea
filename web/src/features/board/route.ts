// The supervision board (督办看板): open orders by warning colour and unit, the longest overdue.
import { DashboardOutlined } from '@ant-design/icons';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  { path: '/board', roles: ['supervisor', 'leader', 'dispatcher', 'admin'], page: () => import('./Board'), menu: { label: 'nav.board', icon: DashboardOutlined, order: 60 }, home: ['supervisor', 'leader'] },
];
