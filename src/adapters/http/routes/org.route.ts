import { Type } from 'typebox';
import { createUnit } from '../../../app/create-unit';
import { createUser } from '../../../app/create-user';
import { listCategories } from '../../../app/list-categories';
import { listUnits } from '../../../app/list-units';
import { listUsers } from '../../../app/list-users';
import type { AppContext } from '../../../app/ports';
import { requireActor, type App } from '../app';
import { AuditEntry, Category, ErrorBody, IdParams, NewUnitBody, NewUserBody, Unit, User, UserChangesBody } from '../schemas';
import { updateUser } from '../../../app/update-user';
import { readAuditLog } from '../../../app/read-audit-log';
import { userView, userViews } from './user-view';

/** Organisation, accounts and the category tree. */
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

  app.get('/users', { schema: { tags: ['org'], response: { 200: Type.Object({ items: Type.Array(User) }) } } }, async (request) => ({
    items: await userViews(ctx, await listUsers(ctx, requireActor(request))),
  }));

  app.patch(
    '/users/:id',
    { schema: { tags: ['org'], params: IdParams, body: UserChangesBody, response: { 200: User, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (request) => userView(ctx, await updateUser(ctx, requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/audit',
    {
      schema: {
        tags: ['org'],
        querystring: Type.Object({ entityType: Type.String({ minLength: 1, maxLength: 50 }), entityId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(AuditEntry) }), 403: ErrorBody },
      },
    },
    async (request) => ({ items: await readAuditLog(ctx, requireActor(request), request.query.entityType, request.query.entityId) }),
  );

  app.post('/users', { schema: { tags: ['org'], body: NewUserBody, response: { 201: User, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } } }, async (request, reply) =>
    reply.status(201).send(await userView(ctx, await createUser(ctx, requireActor(request), request.body))),
  );
}
