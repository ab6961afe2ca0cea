import { Type } from 'typebox';
import type { AppContext } from '../../../app/ports';
import { login } from '../../../app/login';
import { logout } from '../../../app/logout';
import { requireActor, type App } from '../app';
import { ErrorBody, LoginBody, User } from '../schemas';
import { userView } from './user-view';

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

  app.get('/me', { schema: { tags: ['auth'], response: { 200: User } } }, async (request) => userView(ctx, request.user!));
}
