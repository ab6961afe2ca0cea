// Messages of the citizens' portal in Simplified Chinese, the source (English: messages.en.ts, every key).
export const zh = {
  'portal.title': '12345 市民诉求',
  'portal.subtitle': '有诉求，找 12345',
  'portal.submitTab': '我要反映',
  'portal.trackTab': '查询进度',
  'portal.name': '称呼（选填）',
  'portal.phone': '手机号码',
  'portal.content': '请描述您的诉求',
  'portal.title.field': '标题（选填）',
  'portal.address': '地址（选填）',
  'portal.locate': '获取当前位置',
  'portal.located': '已定位：{lat}, {lng}',
  'portal.locateFailed': '无法获取位置，可手动填写地址',
  'portal.photos': '照片（选填，最多 {max} 张）',
  'portal.submit': '提交诉求',
  'portal.submitted': '提交成功',
  'portal.yourNumber': '您的工单编号为',
  'portal.keepNumber': '请记下编号，凭编号和手机号查询办理进度',
  'portal.trackNow': '查询进度',
  'portal.number': '工单编号',
  'portal.track': '查询',
  'portal.notFound': '未找到该工单，请核对编号和手机号',
  'portal.reply': '办理答复',
  'portal.noReply': '尚未答复，请耐心等待',
  'portal.rate': '评价办理结果',
  'portal.comment': '意见建议（选填）',
  'portal.rated': '感谢您的评价',
  'portal.yourRating': '您的评价',
  'portal.phoneRule': '请输入 11 位手机号码',
  'portal.staff': '工作人员登录',
  'portal.another': '再提交一条',
} as const;

// Adds these keys to the console's MessageKey (shell/i18n.ts).
declare module '../../shell/i18n' {
  interface FeatureMessages {
    portal: typeof zh;
  }
}
