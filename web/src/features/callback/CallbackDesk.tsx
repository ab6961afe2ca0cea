import { useMemo } from 'react';
import { api } from '../../shell/api';
import { useApp } from '../../shell/context';
import { QueuePage, type Queue } from '../tickets/QueuePage';

export default function CallbackDesk() {
  const { t } = useApp();
  const queues = useMemo<Queue[]>(
    () => [
      { key: 'callback', label: t('status.awaiting_callback'), load: (page, pageSize, signal) => api.tickets({ status: 'awaiting_callback', page, pageSize }, signal) },
    ],
    [t],
  );
  return <QueuePage title={t('review.callbackTitle')} queues={queues} testId="callback-desk" />;
}
