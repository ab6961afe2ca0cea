import type { AttachmentMeta } from '../adapters/db/attachment.store';
import { stores } from '../adapters/db/stores';
import { AppError } from '../domain/errors';
import type { AppContext } from './ports';

/** Attachment ids are unguessable random UUIDs handed out only with the orders that carry them. */
export async function getAttachment(ctx: AppContext, id: string): Promise<AttachmentMeta & { data: Uint8Array }> {
  const found = await stores(ctx.db).attachments.get(id);
  if (!found) throw new AppError('ATTACHMENT.NOT_FOUND', `No attachment ${id}`, 'id');
  return found;
}
