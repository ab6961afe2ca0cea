// Administration (系统管理): accounts, units, categories.
import { SettingOutlined } from '@ant-design/icons';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  { path: '/admin', roles: ['admin'], page: () => import('./Admin'), menu: { label: 'nav.admin', icon: SettingOutlined, order: 100 }, home: ['admin'] },
];
