// Deadlines and the working calendar (时限与日历): rules, warning thresholds, office hours, local days, emergency response.
import { FieldTimeOutlined } from '@ant-design/icons';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  // Who reads GET /admin/sla and /admin/calendar; only the admin changes anything.
  { path: '/deadlines', roles: ['admin', 'supervisor', 'leader'], page: () => import('./DeadlinesPage'), menu: { label: 'nav.deadlines', icon: FieldTimeOutlined, order: 90 } },
];
