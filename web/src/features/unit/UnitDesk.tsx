import { useMemo } from 'react';
import { api } from '../../shell/api';
import { useApp } from '../../shell/context';
import { earliestDeadline, warningRank } from '../../shell/format';
import type { Page, Ticket } from '../../shell/types';
import { QueuePage, type Queue } from '../tickets/QueuePage';

/** Pages a client-side filtered list so local queues page like server ones. */
export function pageOf(items: Ticket[], page: number, pageSize: number): Page<Ticket> {
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

async function openWork(signal: AbortSignal): Promise<Ticket[]> {
  return (await api.tickets({ status: 'dispatched,in_progress', sort: 'due_asc', pageSize: 200 }, signal)).items;
}

export function byUrgencyOfDeadline(a: Ticket, b: Ticket): number {
  const w = warningRank(b.warning) - warningRank(a.warning);
  if (w) return w;
  const da = earliestDeadline(a.deadlines);
  const db = earliestDeadline(b.deadlines);
  if (da && db) return new Date(da).getTime() - new Date(db).getTime();
  if (da) return -1;
  if (db) return 1;
  return new Date(a.receivedAt).getTime() - new Date(b.receivedAt).getTime();
}

const DUE_SOON_HOURS = 24;

export default function UnitDesk() {
  const { t } = useApp();
  const queues = useMemo<Queue[]>(
    () => [
      // Nearest running deadline first: what a unit must do next is on top.
      { key: 'sign', label: t('unit.toSign'), load: (page, pageSize, signal) => api.tickets({ status: 'dispatched', sort: 'due_asc', page, pageSize }, signal) },
      { key: 'progress', label: t('unit.inProgress'), load: (page, pageSize, signal) => api.tickets({ status: 'in_progress', sort: 'due_asc', page, pageSize }, signal) },
      {
        key: 'due',
        label: t('unit.dueSoon'),
        hint: t('unit.dueSoonHint'),
        load: (page, pageSize, signal) =>
          api.tickets({ status: 'dispatched,in_progress', dueWithinHours: DUE_SOON_HOURS, sort: 'due_asc', page, pageSize }, signal),
      },
      {
        key: 'returned',
        label: t('unit.returned'),
        // Back with the unit after the centre rejected its reply or the citizen was unsatisfied.
        load: async (page, pageSize, signal) => {
          const items = (await openWork(signal)).filter((tk) => tk.reply !== null || tk.redispatchCount > 0).sort(byUrgencyOfDeadline);
          return pageOf(items, page, pageSize);
        },
      },
    ],
    [t],
  );
  return <QueuePage title={t('unit.title')} queues={queues} testId="unit-desk" />;
}
