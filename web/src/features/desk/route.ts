// The agent desk (座席工作台): register a call with the assistant's suggestions, answer on the spot or dispatch.
import { CustomerServiceOutlined } from '@ant-design/icons';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  { path: '/desk', roles: ['agent', 'admin'], page: () => import('./AgentDesk'), menu: { label: 'nav.desk', icon: CustomerServiceOutlined, order: 10 }, home: ['agent'] },
];
