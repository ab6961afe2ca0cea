// Messages of the supervision board in English: exactly the keys of messages.zh.ts (the type says so).
import type { Translation } from '../../shell/i18n';
import type { zh } from './messages.zh';

export const en: Translation<typeof zh> = {
  'nav.board': 'Supervision',

  'board.title': 'Supervision board',
  'board.byUnit': 'Open orders by unit and warning colour',
  'board.reddest': 'Longest overdue',
  'board.overdue': 'Overdue',
  'board.supervisions': 'Supervisions',
};
