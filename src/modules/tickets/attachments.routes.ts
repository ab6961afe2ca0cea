import { getAttachment } from './app/get-attachment';
import type { AppContext } from '../../platform/context';
import { uploadAttachment } from './app/upload-attachment';
import { requireActor, type App } from '../../platform/http/app';
import { ErrorBody, IdParams } from '../../platform/http/schemas';
import { AttachmentBody, AttachmentMeta } from './schemas';

const UPLOAD_BODY_LIMIT = 8 * 1024 * 1024;

export function attachmentRoutes(app: App, ctx: AppContext) {
  app.post(
    '/attachments',
    { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags: ['attachments'], body: AttachmentBody, response: { 201: AttachmentMeta, 400: ErrorBody, 413: ErrorBody } } },
    async (request, reply) => reply.status(201).send(await uploadAttachment(ctx, requireActor(request), request.body)),
  );

  app.get('/attachments/:id', { schema: { tags: ['attachments'], params: IdParams } }, async (request, reply) => {
    const file = await getAttachment(ctx, request.params.id);
    return reply
      .type(file.contentType)
      .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .send(Buffer.from(file.data));
  });
}
