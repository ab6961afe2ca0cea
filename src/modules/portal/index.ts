import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module';
import { publicRoutes } from './portal.routes';

/** The citizen portal without sign-in: submit a request, follow it by number and phone, rate the outcome. */
export const portalModule: Module = {
  name: 'portal',
  tables: ['portal_lookup_failures'],
  migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
  routes: publicRoutes,
};
