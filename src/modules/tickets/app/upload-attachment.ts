import type { AttachmentMeta } from '../attachment.store';
import { attachmentStore } from '../attachment.store';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../../platform/roles';
import type { AppContext } from '../../../platform/context';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const ALLOWED_TYPES = /^(image\/(jpeg|png|gif|webp|heic)|application\/pdf|audio\/(mpeg|wav|amr|mp4)|video\/mp4|text\/plain|application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet)|application\/msword|application\/vnd\.ms-excel)$/;

/** Stores a photo, recording or document to attach to an order or a reply. */
export async function uploadAttachment(
  ctx: AppContext,
  actor: Actor,
  input: { filename: string; contentType: string; dataBase64: string },
): Promise<AttachmentMeta> {
  if (!ALLOWED_TYPES.test(input.contentType)) {
    throw new AppError('VALIDATION.FAILED', `Files of type ${input.contentType} are not accepted (images, PDF, audio, video, Office documents)`, 'contentType');
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.dataBase64)) throw new AppError('VALIDATION.FAILED', 'dataBase64 is not base64', 'dataBase64');
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0) throw new AppError('VALIDATION.FAILED', 'The file is empty', 'dataBase64');
  if (data.length > MAX_ATTACHMENT_BYTES) throw new AppError('ATTACHMENT.TOO_LARGE', `Files may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, 'dataBase64');
  const meta: AttachmentMeta = { id: ctx.ids.id(), filename: input.filename.trim() || 'file', contentType: input.contentType, size: data.length };
  await attachmentStore(ctx.db).insert({ ...meta, data, createdBy: actor.id, createdAt: ctx.clock.now().toISOString() });
  return meta;
}
