import { Type } from 'typebox';
import type { AppContext } from '../../platform/context';
import { requireActor, type App } from '../../platform/http/app';
import { ErrorBody, IdParams } from '../../platform/http/schemas';
import { createClient, listClients, revokeClient } from './app/clients';
import { getMode, loadServices, setMode, updateService } from './app/services';
import { requireAdmin } from './app/clients';
import { ClientView, CreatedClient, Mode, NewClientBody, ServiceEditBody, ServiceView, SettingsView } from './schemas';

/** The admin side: client apps' keys, per-category service definitions, the mode. */
export function open311AdminRoutes(options: { jurisdictionId: string }) {
  return (app: App, ctx: AppContext) => {
    const E = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
    const tags = ['open311'];

    app.post(
      '/admin/open311/clients',
      { schema: { tags, summary: 'Issue an api_key to a client app (the key is shown once)', body: NewClientBody, response: { 201: CreatedClient, ...E } } },
      async (request, reply) => reply.status(201).send(await createClient(ctx, requireActor(request), request.body)),
    );
    app.get('/admin/open311/clients', { schema: { tags, summary: 'The client apps and their keys (never the keys themselves)', response: { 200: Type.Object({ items: Type.Array(ClientView) }), ...E } } }, async (request) => ({
      items: await listClients(ctx, requireActor(request)),
    }));
    app.delete(
      '/admin/open311/clients/:id',
      { schema: { tags, summary: 'Revoke a client app’s key', params: IdParams, response: { 200: ClientView, ...E } } },
      async (request) => revokeClient(ctx, requireActor(request), request.params.id),
    );

    app.get('/admin/open311/services', { schema: { tags, summary: 'Every leaf category as an Open311 service, with its definition', response: { 200: Type.Object({ items: Type.Array(ServiceView) }), ...E } } }, async (request) => {
      requireAdmin(requireActor(request));
      return { items: (await loadServices(ctx.db)).services };
    });
    app.put(
      '/admin/open311/services/:code',
      {
        schema: {
          tags,
          summary: 'Store a service definition (description, keywords, notice, private, attributes)',
          params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: ServiceEditBody,
          response: { 200: ServiceView, ...E, 409: ErrorBody },
        },
      },
      async (request) => updateService(ctx, requireActor(request), request.params.code, request.body),
    );

    const settings = async (mode: Awaited<ReturnType<typeof getMode>>) => ({ ...mode, jurisdictionId: options.jurisdictionId, endpoint: '/open311/v2' });
    app.get('/admin/open311/settings', { schema: { tags, summary: 'Open311 settings', response: { 200: SettingsView, ...E } } }, async (request) =>
      settings(await getMode(ctx, requireActor(request))),
    );
    app.put(
      '/admin/open311/settings',
      { schema: { tags, summary: 'Switch between realtime and batch registration', body: Type.Object({ mode: Mode }, { additionalProperties: false }), response: { 200: SettingsView, ...E } } },
      async (request) => settings(await setMode(ctx, requireActor(request), request.body.mode)),
    );
  };
}
