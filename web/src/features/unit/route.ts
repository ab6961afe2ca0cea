// The unit's desk (承办单位): sign, reply, ask for more time, return.
import { BankOutlined } from '@ant-design/icons';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  { path: '/unit', roles: ['unit_handler'], page: () => import('./UnitDesk'), menu: { label: 'nav.unit', icon: BankOutlined, order: 50 }, home: ['unit_handler'] },
];
