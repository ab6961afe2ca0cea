import { Type } from 'typebox';
import { Enum, Nullable } from '../../platform/http/schemas';
import type { OrderViewExtension } from '../../platform/module';
import { withDeadlines } from './app/deadline-view';
import { deadlinesStore } from './deadlines.store';
import { WARNING_LEVELS } from './domain/warning';

const DUE_AT = '(SELECT d.due_at FROM ticket_deadlines d WHERE d.ticket_id = tickets.id)';

/** What each order shows of its deadlines: the deadlines, the warning colour now, and the filters and sorts on them. */
export const DeadlineFields = {
  deadlines: Nullable(
    Type.Object({
      signBy: Type.String(),
      replyBy: Type.String({ description: 'Including approved extensions' }),
      originalReplyBy: Type.String(),
      policyVersion: Type.Integer(),
      countFrom: Type.String({ description: 'receivedAt for the first dispatch; the re-dispatch time after a return or an unsatisfied callback' }),
      signedAt: Nullable(Type.String()),
      dueAt: Nullable(Type.String({ description: 'The deadline running now; null when no unit clock runs' })),
    }),
  ),
  warning: Enum(WARNING_LEVELS, 'Warning colour at the moment of reading'),
};

export const DeadlineQuery = {
  warning: Enum(WARNING_LEVELS, 'Warning colour now (三色预警)'),
  dueWithinHours: Type.Number({ minimum: 0, maximum: 8760, description: 'Running deadline within N hours from now (overdue included)' }),
};

export function deadlinesOrderView(): OrderViewExtension {
  return {
    name: 'deadlines',
    fields: DeadlineFields,
    query: DeadlineQuery,
    where(query, now, param) {
      const where: string[] = [];
      const warning = query.warning as (typeof WARNING_LEVELS)[number] | undefined;
      if (warning) {
        const at = `${param(now.toISOString())}::timestamptz`;
        const colour = {
          red: `d.red_at <= ${at}`,
          orange: `d.orange_at <= ${at} AND d.red_at > ${at}`,
          yellow: `d.yellow_at <= ${at} AND d.orange_at > ${at}`,
          none: `d.yellow_at <= ${at}`,
        }[warning];
        where.push(`${warning === 'none' ? 'NOT EXISTS' : 'EXISTS'} (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = tickets.id AND ${colour})`);
      }
      if (typeof query.dueWithinHours === 'number') {
        const limit = new Date(now.getTime() + query.dueWithinHours * 3_600_000).toISOString();
        where.push(`EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = tickets.id AND d.due_at <= ${param(limit)}::timestamptz)`);
      }
      return where;
    },
    sorts: {
      due_asc: `${DUE_AT} ASC NULLS LAST`,
      urgency_desc: `CASE urgency WHEN 'emergency' THEN 2 WHEN 'urgent' THEN 1 ELSE 0 END DESC, ${DUE_AT} ASC NULLS LAST`,
    },
    async priorityTag(sql) {
      const mode = await deadlinesStore(sql).emergencyMode();
      return mode.active && mode.tag ? mode.tag : null;
    },
    async decorate(sql, orders, now) {
      const views = await withDeadlines(sql, [...orders], now);
      return new Map(views.map((v) => [v.id, { deadlines: v.deadlines, warning: v.warning }]));
    },
  };
}
