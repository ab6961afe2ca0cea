import { Type } from 'typebox';
import type { AppContext } from '../../platform/context';
import { requireActor, type App } from '../../platform/http/app';
import { ErrorBody, IdParams } from '../../platform/http/schemas';
import { createUser } from './app/create-user';
import { listUsers } from './app/list-users';
import { login } from './app/login';
import { logout } from './app/logout';
import { readAuditLog } from './app/read-audit-log';
import { updateUser } from './app/update-user';
import { AuditEntry, LoginBody, NewUserBody, User, UserChangesBody } from './schemas';
import { userStore } from './user.store';
import { userView, userViews } from './user-view';

/** Sign-in, accounts and the audit log. */
export function authRoutes(app: App, ctx: AppContext) {
  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        security: [],
        body: LoginBody,
        response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: User }), 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const { token, user, expiresAt } = await login(ctx, { ...request.body, ip: request.ip });
      return { token, expiresAt, user: await userView(ctx, user) };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: Type.Null() } } }, async (request, reply) => {
    await logout(ctx, request.token ?? '', requireActor(request).id);
    return reply.status(204).send(null);
  });

  app.get('/me', { schema: { tags: ['auth'], response: { 200: User, 401: ErrorBody } } }, async (request) => {
    const user = await userStore(ctx.db).get(requireActor(request).id);
    if (!user) throw new Error('the signed-in account no longer exists');
    return userView(ctx, user);
  });

  app.get('/users', { schema: { tags: ['org'], response: { 200: Type.Object({ items: Type.Array(User) }) } } }, async (request) => ({
    items: await userViews(ctx, await listUsers(ctx, requireActor(request))),
  }));

  app.post('/users', { schema: { tags: ['org'], body: NewUserBody, response: { 201: User, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } } }, async (request, reply) =>
    reply.status(201).send(await userView(ctx, await createUser(ctx, requireActor(request), request.body))),
  );

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
}
