import type { AppContext } from '../../../app/ports';
import type { App } from '../app';
import { attachmentRoutes } from './attachments.route';
import { authRoutes } from './auth.route';
import { orgRoutes } from './org.route';
import { publicRoutes } from './public.route';
import { slaRoutes } from './sla.route';
import { systemRoutes } from './system.route';
import { ticketRoutes } from './tickets.route';

export function registerRoutes(app: App, ctx: AppContext) {
  systemRoutes(app, ctx);
  authRoutes(app, ctx);
  orgRoutes(app, ctx);
  ticketRoutes(app, ctx);
  attachmentRoutes(app, ctx);
  publicRoutes(app, ctx);
  slaRoutes(app, ctx);
}
