// Messages of the callback desk in English: exactly the keys of messages.zh.ts (the type says so).
import type { Translation } from '../../shell/i18n';
import type { zh } from './messages.zh';

export const en: Translation<typeof zh> = {
  'nav.callback': 'Callback',
  'review.callbackTitle': 'Callback desk',
};
