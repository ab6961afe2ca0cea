// Messages of the callback desk in Simplified Chinese, the source (English: messages.en.ts, every key).
export const zh = {
  'nav.callback': '回访',
  'review.callbackTitle': '回访工作台',
} as const;

// Adds these keys to the console's MessageKey (shell/i18n.ts).
declare module '../../shell/i18n' {
  interface FeatureMessages {
    callback: typeof zh;
  }
}
