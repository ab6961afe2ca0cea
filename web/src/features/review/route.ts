// The review desk (审核派单): dispatch registered orders, approve or reject replies, decide extensions.
import { AuditOutlined } from '@ant-design/icons';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  { path: '/review', roles: ['dispatcher', 'admin', 'supervisor'], page: () => import('./ReviewDesk'), menu: { label: 'nav.review', icon: AuditOutlined, order: 20 }, home: ['dispatcher'] },
];
