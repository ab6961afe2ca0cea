// Labels of the API inputs this feature's forms send, for the field a refusal names (shell/errors.ts finds this file).
import type { MessageKey } from '../../shell/i18n';

export const fieldLabels: Readonly<Record<string, MessageKey>> = {
  // POST /tickets/:id/actions
  answer: 'form.answer',
  leadUnitId: 'form.leadUnitId',
  coUnitIds: 'form.coUnitIds',
  note: 'form.note',
  reason: 'form.reason',
  hours: 'form.hours',
  approve: 'form.approve',
  reply: 'form.reply',
  resolved: 'form.resolved',
  satisfaction: 'form.satisfaction',
  redispatch: 'form.redispatch',
  intoTicketId: 'form.intoTicketId',
  text: 'form.text',
};
