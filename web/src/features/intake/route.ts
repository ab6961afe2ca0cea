// Smart intake (智能受理): model versions, automatic dispatch, and the event clusters.
import { ClusterOutlined, ExperimentOutlined } from '@ant-design/icons';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  // Event clusters: the hotline centre (GET /assist/clusters); dispatchers merge duplicates from there.
  { path: '/clusters', roles: ['dispatcher', 'agent', 'supervisor', 'leader', 'admin'], page: () => import('./Clusters'), menu: { label: 'nav.clusters', icon: ClusterOutlined, order: 40 } },
  // Smart intake: settings and accuracy for these four (GET allowed); model versions for admin, supervisor,
  // leader; only the admin changes anything.
  { path: '/intake', roles: ['admin', 'dispatcher', 'supervisor', 'leader'], page: () => import('./SmartIntake'), menu: { label: 'nav.intake', icon: ExperimentOutlined, order: 80 } },
];
