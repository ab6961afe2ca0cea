// Messages of the review desk in English: exactly the keys of messages.zh.ts (the type says so).
import type { Translation } from '../../shell/i18n';
import type { zh } from './messages.zh';

export const en: Translation<typeof zh> = {
  'nav.review': 'Review & dispatch',

  'review.title': 'Review & dispatch',
  'review.toDispatch': 'To dispatch',
  'review.toReview': 'Replies to review',
  'review.extensions': 'Extensions to decide',
};
