// Messages of the order list, one order and its actions in Simplified Chinese, the source (English: messages.en.ts, every key).
export const zh = {
  'nav.tickets': '工单查询',

  'list.title': '工单查询',
  'list.total': '共 {total} 条',
  'list.saveView': '保存视图',
  'list.viewName': '视图名称',
  'list.views': '已存视图',
  'list.deleteView': '删除视图',
  'list.noViews': '暂无保存的视图',
  'list.open': '查看',
  'list.sort': '排序',
  'sort.received_desc': '最新受理在前',
  'sort.received_asc': '最早受理在前',
  'sort.updated_desc': '最近更新在前',
  'sort.due_asc': '时限最近在前',
  'sort.urgency_desc': '最紧急在前',

  'detail.title': '工单详情',
  'detail.timeline': '办理过程',
  'detail.noActions': '当前无可执行操作',
  'detail.back': '返回',
  'detail.done': '操作成功',

  'action.answer': '直接答复',
  'action.dispatch': '派单',
  'action.sign': '签收',
  'action.return': '退回',
  'action.request_extension': '申请延期',
  'action.decide_extension': '审批延期',
  'action.reply': '答复',
  'action.approve_reply': '审核通过',
  'action.reject_reply': '驳回答复',
  'action.callback': '回访',
  'action.merge': '合并工单',
  'action.invalidate': '作废',
  'action.comment': '备注',
  'action.supervise': '督办',

  'form.answer': '答复内容',
  'form.leadUnitId': '主办单位',
  'form.coUnitIds': '协办单位',
  'form.note': '说明',
  'form.reason': '原因',
  'form.hours': '延期小时数',
  'form.approve': '是否同意',
  'form.reply': '答复内容',
  'form.resolved': '是否已解决',
  'form.attachmentIds': '附件',
  'form.satisfaction': '满意度',
  'form.redispatch': '不满意时重新派单',
  'form.intoTicketId': '合并至工单编号',
  'form.text': '备注内容',
  'form.upload': '上传附件',
} as const;

// Adds these keys to the console's MessageKey (shell/i18n.ts).
declare module '../../shell/i18n' {
  interface FeatureMessages {
    tickets: typeof zh;
  }
}
