import { Type } from 'typebox';
import { createUnit } from './app/create-unit';
import { listCategories } from './app/list-categories';
import { listUnits } from './app/list-units';
import type { AppContext } from '../../platform/context';
import { requireActor, type App } from '../../platform/http/app';
import { ErrorBody } from '../../platform/http/schemas';
import { Category, NewUnitBody, Unit } from './schemas';

/** The organisation tree and the category tree. */
export function orgRoutes(app: App, ctx: AppContext) {
  app.get('/categories', { schema: { tags: ['org'], response: { 200: Type.Object({ items: Type.Array(Category) }) } } }, async () => ({
    items: await listCategories(ctx),
  }));

  app.get('/units', { schema: { tags: ['org'], response: { 200: Type.Object({ items: Type.Array(Unit) }) } } }, async () => ({
    items: await listUnits(ctx),
  }));

  app.post('/units', { schema: { tags: ['org'], body: NewUnitBody, response: { 201: Unit, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (request, reply) =>
    reply.status(201).send(await createUnit(ctx, requireActor(request), request.body)),
  );
}
