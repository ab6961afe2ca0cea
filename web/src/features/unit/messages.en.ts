// Messages of the unit's desk in English: exactly the keys of messages.zh.ts (the type says so).
import type { Translation } from '../../shell/i18n';
import type { zh } from './messages.zh';

export const en: Translation<typeof zh> = {
  'nav.unit': 'Unit desk',

  'unit.title': 'Unit desk',
  'unit.toSign': 'To sign',
  'unit.inProgress': 'In progress',
  'unit.dueSoon': 'Due soon',
  'unit.returned': 'Returned to me',
  'unit.dueSoonHint': 'Due within 24 hours or overdue, nearest deadline first',
};
