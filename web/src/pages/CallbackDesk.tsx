import { useMemo } from 'react';
import { api } from '../api';
import { useApp } from '../context';
import { QueuePage, type Queue } from '../components/QueuePage';

export default function CallbackDesk() {
  const { t } = useApp();
  const queues = useMemo<Queue[]>(
    () => [
      { key: 'callback', label: t('review.callback'), load: (page, pageSize, signal) => api.tickets({ status: 'awaiting_callback', page, pageSize }, signal) },
    ],
    [t],
  );
  return <QueuePage title={t('review.callbackTitle')} queues={queues} testId="callback-desk" />;
}
