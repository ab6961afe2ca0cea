// Sign-in (POST /auth/login).
import type { FeatureRoute } from '../../shell/registry';

export const routes: readonly FeatureRoute[] = [
  // Shown for every staff address while nobody is signed in; a signed-in user is sent on (?next=) or home.
  { path: '/login', roles: 'signed-out', page: () => import('./Login') },
];
