// Labels of the API inputs this feature's forms send, for the field a refusal names (shell/errors.ts finds this file).
import type { MessageKey } from '../../shell/i18n';

export const fieldLabels: Readonly<Record<string, MessageKey>> = {
  // POST /public/tickets, GET /public/tickets/:number, POST /public/tickets/:number/rating
  phone: 'portal.phone',
  comment: 'portal.comment',
};
