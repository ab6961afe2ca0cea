// Messages of the sign-in page in English: exactly the keys of messages.zh.ts (the type says so).
import type { Translation } from '../../shell/i18n';
import type { zh } from './messages.zh';

export const en: Translation<typeof zh> = {
  'login.title': '12345 Hotline Console',
  'login.subtitle': 'Act on receipt · one number',
  'login.username': 'Username',
  'login.submit': 'Sign in',
  'login.required': 'Please enter {field}',
  'login.failed': 'Sign-in failed',
  'login.portalLink': 'Citizens: submit a request',
};
