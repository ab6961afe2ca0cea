import type { AttachmentMeta } from '../attachment.store';
import { attachmentStore } from '../attachment.store';
import { AppError } from '../../../platform/errors';
import type { AppContext } from '../../../platform/context';

/** Attachment ids are unguessable random UUIDs handed out only with the orders that carry them. */
export async function getAttachment(ctx: AppContext, id: string): Promise<AttachmentMeta & { data: Uint8Array }> {
  const found = await attachmentStore(ctx.db).get(id);
  if (!found) throw new AppError('ATTACHMENT.NOT_FOUND', `No attachment ${id}`, 'id');
  return found;
}
