// The callback desk (回访): record the citizen's satisfaction and close or send back.
import { PhoneOutlined } from '@ant-design/icons';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  { path: '/callback', roles: ['dispatcher', 'admin', 'supervisor'], page: () => import('./CallbackDesk'), menu: { label: 'nav.callback', icon: PhoneOutlined, order: 30 } },
];
