import { ACTION_NAMES } from './commands';
import { TRANSITIONS } from './transitions';

/** The transition table as Markdown: docs/workflow.md embeds exactly this (a test keeps them equal). */
export function workflowTable(): string {
  const rows = ACTION_NAMES.map((a) => {
    const r = TRANSITIONS[a];
    const to = r.to === 'same' ? '(unchanged)' : r.to === 'depends' ? dependsOn(a) : r.to;
    const who = r.roles.map((role) => (role === 'unit_handler' && r.unitScope ? `unit_handler (${r.unitScope === 'lead' ? 'lead unit' : 'lead or co-unit'})` : role === 'citizen' ? 'citizen (own order)' : role)).join(', ');
    return `| \`${a}\` | ${r.label.zh} | ${r.from.join(', ')} | ${to} | ${who} |`;
  });
  return ['| action | 中文 | from | to | who |', '|---|---|---|---|---|', ...rows].join('\n');
}

function dependsOn(action: string): string {
  if (action === 'callback') return 'closed; dispatched with `redispatch: true` (unsatisfied only)';
  if (action === 'rate') return 'closed; stays awaiting_callback when unsatisfied';
  return '(depends)';
}
