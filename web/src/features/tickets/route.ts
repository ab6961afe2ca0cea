// Orders (工单查询): the filtered list with saved views, and one order with its history and actions.
import { FileSearchOutlined } from '@ant-design/icons';
import { STAFF_ROLES } from '../../shell/types';
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  { path: '/tickets', roles: STAFF_ROLES, page: () => import('./TicketList'), menu: { label: 'nav.tickets', icon: FileSearchOutlined, order: 70 } },
  // One order; the server decides what a unit user may see (403 for another unit's order).
  { path: '/tickets/:id', roles: STAFF_ROLES, page: () => import('./TicketDetailPage') },
];
