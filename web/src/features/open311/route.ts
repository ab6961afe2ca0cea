// Open311 接入 (at /admin/open311: /open311 itself belongs to the GeoReport endpoint): client apps' keys, per-category service definitions, the registration mode (admin only, as the API).
import { ApiOutlined } from '@ant-design/icons';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  { path: '/admin/open311', roles: ['admin'], page: () => import('./Open311Page'), menu: { label: 'nav.open311', icon: ApiOutlined, order: 95 } },
];
