// Messages of the agent desk in Simplified Chinese, the source (English: messages.en.ts, every key).
export const zh = {
  'nav.desk': '座席工作台',

  'desk.title': '座席工作台',
  'desk.callerHistory': '该来电人的历史工单',
  'desk.noHistory': '该号码暂无历史工单',
  'desk.phoneFirst': '先输入来电号码，自动带出历史工单',
  'desk.register': '登记工单',
  'desk.registerAndAnswer': '登记并直接答复',
  'desk.registerAndDispatch': '登记并派单',
  'desk.registered': '工单 {number} 已登记',
  'desk.answered': '工单 {number} 已直接答复办结',
  'desk.dispatched': '工单 {number} 已派发至 {unit}',
  'desk.answerText': '答复内容',
  'desk.dispatchTo': '派发至单位',
  'desk.shortcuts': '快捷键：Ctrl+Enter 登记 · Alt+A 直接答复 · Alt+D 派单 · Alt+N 新工单',
  'desk.newCall': '新来电',
  'desk.assist': '智能辅助',
  'desk.assistEmpty': '输入诉求内容后显示分类、承办单位和相似工单建议',
  'desk.assistOff': '智能辅助暂未启用',
  'desk.assistWarming': '智能辅助模型准备中，稍后自动显示建议',
  'desk.suggestedCategory': '建议分类',
  'desk.suggestedUnit': '建议承办单位',
  'desk.similar': '相似工单',
  'desk.entities': '识别要素',
  'desk.nextStep': '下一步',
  'desk.justRegister': '仅登记',
  'desk.answerNow': '直接答复',
  'desk.dispatchNow': '派单',
  'desk.suggestDispatch': '转派单（附建议单位）',
  'desk.suggestedTo': '工单 {number} 已登记，建议派至 {unit}，待派单员派发',
  'desk.suggestionComment': '座席建议承办单位：{unit}',
  'desk.suggestUnit': '建议承办单位',
  'desk.recent': '本班次已登记',
  'desk.tagsPlaceholder': '输入标签后回车',
  'desk.phoneInvalid': '号码格式不正确',
  'desk.autoFilled': '智能填写',
  'desk.autoFilledHint': '由智能辅助从诉求内容中识别填入；修改或撤销后不再自动填写',
  'desk.autoCategory': '智能预选 {score}',
  'desk.autoCategoryHint': '智能辅助对该分类把握较高，已预选；修改或撤销后不再自动选择',
  'desk.undoAutoFill': '撤销',
  'desk.entitiesHint': '点击地址、电话填入工单，点击商户名称加入标签',
  'desk.chipFillAddress': '点击填入地址',
  'desk.chipFillPhone': '点击填入来电号码',
  'desk.chipAddTag': '点击加入标签',
} as const;

// Adds these keys to the console's MessageKey (shell/i18n.ts).
declare module '../../shell/i18n' {
  interface FeatureMessages {
    desk: typeof zh;
  }
}
