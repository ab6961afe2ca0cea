// Messages of the unit's desk in Simplified Chinese, the source (English: messages.en.ts, every key).
export const zh = {
  'nav.unit': '承办单位',

  'unit.title': '承办单位工作台',
  'unit.toSign': '待签收',
  'unit.inProgress': '办理中',
  'unit.dueSoon': '即将到期',
  'unit.returned': '被驳回待重办',
  'unit.dueSoonHint': '24 小时内到期或已超期，最近的时限在前',
} as const;

// Adds these keys to the console's MessageKey (shell/i18n.ts).
declare module '../../shell/i18n' {
  interface FeatureMessages {
    unit: typeof zh;
  }
}
