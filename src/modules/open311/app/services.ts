import { auditStore } from '../../../platform/audit/audit.store';
import type { Sql } from '../../../platform/db/database';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../../platform/roles';
import { listCategories } from '../../org';
import { definitionProblems, servicesOf, type Service, type ServiceEdit } from '../domain/service';
import { open311Store, type Mode } from '../open311.store';
import { requireAdmin } from './clients';

/** Every leaf category as an Open311 service, with its admin settings; and the names of all categories. */
export async function loadServices(sql: Sql): Promise<{ services: Service[]; names: Map<string, string> }> {
  const categories = await listCategories(sql);
  const services = servicesOf(categories, await open311Store(sql).serviceSettings());
  return { services, names: new Map(categories.map((c) => [c.code, c.name])) };
}

/** Stores a new version of one service's definition (admin), if nobody changed it since `expectedVersion`. */
export async function updateService(ctx: AppContext, actor: Actor, code: string, edit: ServiceEdit & { expectedVersion: number }): Promise<Service> {
  requireAdmin(actor);
  const problems = definitionProblems(edit);
  if (problems.length) throw new AppError('VALIDATION.FAILED', problems.map((p) => p.message).join('; '), problems[0]!.field);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const before = (await loadServices(tx)).services.find((s) => s.code === code);
    if (!before) throw new AppError('OPEN311.SERVICE_NOT_FOUND', `No leaf category ${code}: services are the categories of the third level`, 'code');
    if (before.version !== edit.expectedVersion) {
      throw new AppError('OPEN311.VERSION_CONFLICT', 'This service definition was changed by someone else; reload it and try again', 'expectedVersion');
    }
    const blank = (s: string | null) => (s?.trim() ? s.trim() : null);
    await open311Store(tx).saveService(
      {
        categoryCode: code,
        description: blank(edit.description),
        keywords: blank(edit.keywords),
        serviceNotice: blank(edit.serviceNotice),
        private: edit.private,
        attributes: edit.attributes.map((a) => ({ ...a, code: a.code.trim(), description: a.description.trim(), datatypeDescription: blank(a.datatypeDescription) })),
        version: edit.expectedVersion + 1,
        updatedAt: at,
        updatedBy: actor.id,
      },
      edit.expectedVersion,
    );
    const after = (await loadServices(tx)).services.find((s) => s.code === code)!;
    await auditStore(tx).record({ at, actorId: actor.id, action: 'open311.service.update', entityType: 'open311_service', entityId: code, fromState: before, toState: after });
    return after;
  });
}

export async function getMode(ctx: AppContext, actor: Actor) {
  requireAdmin(actor);
  return open311Store(ctx.db).mode();
}

/** realtime: requests become orders while the client waits; batch: they are queued and the client gets a token. */
export async function setMode(ctx: AppContext, actor: Actor, mode: Mode) {
  requireAdmin(actor);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const store = open311Store(tx);
    const before = await store.mode();
    await store.setMode(mode, at, actor.id);
    await auditStore(tx).record({ at, actorId: actor.id, action: 'open311.settings.update', entityType: 'open311_settings', entityId: '1', fromState: before, toState: { mode } });
    return store.mode();
  });
}
