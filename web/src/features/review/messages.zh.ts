// Messages of the review desk in Simplified Chinese, the source (English: messages.en.ts, every key).
export const zh = {
  'nav.review': '审核派单',

  'review.title': '审核派单',
  'review.toDispatch': '待派单',
  'review.toReview': '答复待审核',
  'review.extensions': '延期待审批',
} as const;

// Adds these keys to the console's MessageKey (shell/i18n.ts).
declare module '../../shell/i18n' {
  interface FeatureMessages {
    review: typeof zh;
  }
}
