// The citizens' portal (市民诉求): submit with a photo and location, track with the phone number, rate the reply.
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  // Citizens, signed in or not, without the staff layout.
  { path: '/portal/*', roles: 'public', page: () => import('./Portal'), home: ['citizen'], title: 'portal.title' },
];
