// Labels of the API inputs this feature's forms send, for the field a refusal names (shell/errors.ts finds this file).
import type { MessageKey } from '../../shell/i18n';

export const fieldLabels: Readonly<Record<string, MessageKey>> = {
  // PUT /admin/sla, GET /admin/calendar, PUT /admin/emergency
  rules: 'deadlines.rules',
  'rules.sign': 'deadline.signBy',
  'rules.reply': 'deadline.replyBy',
  thresholds: 'deadlines.thresholds',
  workingHours: 'deadlines.workingHours',
  calendarOverrides: 'deadlines.calendarOverrides',
  supervision: 'deadlines.supervision',
  'supervision.escalateAfterMinutes': 'deadlines.escalateAfter',
  'supervision.maxEscalations': 'deadlines.maxEscalations',
  year: 'cal.year',
};
