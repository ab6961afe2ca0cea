import { useMemo } from 'react';
import { api } from '../api';
import { useApp } from '../context';
import { earliestDeadline, warningRank } from '../format';
import type { Page, Ticket } from '../types';
import { QueuePage, type Queue } from '../components/QueuePage';

/** Pages a client-side filtered list so local queues page like server ones. */
export function pageOf(items: Ticket[], page: number, pageSize: number): Page<Ticket> {
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

async function openWork(signal: AbortSignal): Promise<Ticket[]> {
  const [a, b] = await Promise.all([
    api.tickets({ status: 'dispatched', pageSize: 100 }, signal),
    api.tickets({ status: 'in_progress', pageSize: 100 }, signal),
  ]);
  return [...a.items, ...b.items];
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

const DUE_SOON_MS = 24 * 3600 * 1000;

export default function UnitDesk() {
  const { t } = useApp();
  const queues = useMemo<Queue[]>(
    () => [
      { key: 'sign', label: t('unit.toSign'), load: (page, pageSize, signal) => api.tickets({ status: 'dispatched', page, pageSize }, signal) },
      { key: 'progress', label: t('unit.inProgress'), load: (page, pageSize, signal) => api.tickets({ status: 'in_progress', page, pageSize }, signal) },
      {
        key: 'due',
        label: t('unit.dueSoon'),
        hint: t('unit.dueSoonHint'),
        load: async (page, pageSize, signal) => {
          const now = Date.now();
          const items = (await openWork(signal))
            .filter((tk) => {
              const d = earliestDeadline(tk.deadlines);
              return warningRank(tk.warning) > 0 || (d !== null && new Date(d).getTime() - now < DUE_SOON_MS);
            })
            .sort(byUrgencyOfDeadline);
          return pageOf(items, page, pageSize);
        },
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
