import { Type } from 'typebox';
import type { App } from './app';
import type { AppContext } from '../context';

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
}
