// Messages of the sign-in page in Simplified Chinese, the source (English: messages.en.ts, every key).
export const zh = {
  'login.title': '12345 热线工作平台',
  'login.subtitle': '接诉即办 · 一号响应',
  'login.username': '用户名',
  'login.submit': '登录',
  'login.required': '请输入{field}',
  'login.failed': '登录失败',
  'login.portalLink': '市民自助提交诉求',
} as const;

// Adds these keys to the console's MessageKey (shell/i18n.ts).
declare module '../../shell/i18n' {
  interface FeatureMessages {
    auth: typeof zh;
  }
}
