import { useMemo } from 'react';
import { api } from '../../shell/api';
import { useApp } from '../../shell/context';
import { QueuePage, type Queue } from '../tickets/QueuePage';
import { pageOf } from '../unit/UnitDesk';

export default function ReviewDesk() {
  const { t } = useApp();
  const queues = useMemo<Queue[]>(
    () => [
      { key: 'dispatch', label: t('review.toDispatch'), load: (page, pageSize, signal) => api.tickets({ status: 'registered', page, pageSize }, signal) },
      { key: 'review', label: t('review.toReview'), load: (page, pageSize, signal) => api.tickets({ status: 'replied', page, pageSize }, signal) },
      {
        key: 'extension',
        label: t('review.extensions'),
        load: async (page, pageSize, signal) => {
          const open = await api.tickets({ status: 'in_progress', pageSize: 200 }, signal);
          return pageOf(open.items.filter((tk) => tk.pendingExtension), page, pageSize);
        },
      },
      { key: 'callback', label: t('status.awaiting_callback'), load: (page, pageSize, signal) => api.tickets({ status: 'awaiting_callback', page, pageSize }, signal) },
    ],
    [t],
  );
  return <QueuePage title={t('review.title')} queues={queues} testId="review-desk" />;
}
