import { Type } from 'typebox';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { readerPositions } from '../events/readers';
import { hasRole } from '../roles';
import { requireActor, type App } from './app';
import { ErrorBody, Nullable } from './schemas';

const ReaderPosition = Type.Object({
  name: Type.String({ description: 'The reader, e.g. analytics.aggregates' }),
  txId: Type.String(),
  position: Type.Integer(),
  behind: Type.Integer({ description: 'Events in the log after its cursor: how far it lags' }),
  updatedAt: Nullable(Type.String()),
});

export function systemRoutes(app: App, ctx: AppContext) {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['system'], response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]) }) } },
    },
    async () => {
      await ctx.db.query('SELECT 1');
      return { status: 'ok' as const, database: ctx.db.engine };
    },
  );

  app.get(
    '/admin/event-readers',
    {
      schema: {
        tags: ['system'],
        summary: 'Where each reader of the order event log stands, and how far behind it is (admin)',
        response: { 200: Type.Object({ items: Type.Array(ReaderPosition) }), 403: ErrorBody },
      },
    },
    async (request) => {
      if (!hasRole(requireActor(request), 'admin')) throw new AppError('AUTH.FORBIDDEN', 'Only an administrator sees the event readers');
      return { items: await readerPositions(ctx.db) };
    },
  );
}
