// Messages of the supervision board in Simplified Chinese, the source (English: messages.en.ts, every key).
export const zh = {
  'nav.board': '督办看板',

  'board.title': '督办看板',
  'board.byUnit': '各单位在办工单（按预警颜色）',
  'board.reddest': '超期最久的工单',
  'board.overdue': '超期',
  'board.supervisions': '督办次数',
} as const;

// Adds these keys to the console's MessageKey (shell/i18n.ts).
declare module '../../shell/i18n' {
  interface FeatureMessages {
    board: typeof zh;
  }
}
