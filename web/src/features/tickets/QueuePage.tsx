import { useEffect, useState } from 'react';
import { Badge, Button, Card, Drawer, Grid, Tabs, Typography } from 'antd';
import { ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { useApp } from '../../shell/context';
import { navigate } from '../../shell/router';
import type { Page, Ticket } from '../../shell/types';
import { PageState, useAsync } from '../../shell/components/common';
import { TicketDetail } from './TicketDetail';
import { TicketTable } from './TicketTable';

export interface Queue {
  key: string;
  label: string;
  hint?: string;
  load: (page: number, pageSize: number, signal: AbortSignal) => Promise<Page<Ticket>>;
}

/** A desk made of queues: tabs with counts, a table per queue, the order opened in a side drawer. */
export function QueuePage({ title, queues, testId }: { title: string; queues: Queue[]; testId: string }) {
  const { t } = useApp();
  const screens = Grid.useBreakpoint();
  const [active, setActive] = useState(() => new URLSearchParams(window.location.search).get('queue') ?? queues[0]?.key ?? '');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<Ticket | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [tick, setTick] = useState(0);
  const queue = queues.find((q) => q.key === active) ?? queues[0];

  const state = useAsync((signal) => (queue ? queue.load(page, pageSize, signal) : Promise.resolve(null)), [active, page, pageSize, tick]);

  useEffect(() => {
    const ctl = new AbortController();
    for (const q of queues) {
      // A page of one is enough for the total of a server-side queue.
      q.load(1, 1, ctl.signal)
        .then((r) => setCounts((c) => ({ ...c, [q.key]: r.total })))
        .catch(() => undefined);
    }
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick]);

  return (
    <div data-testid={testId}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => setTick((x) => x + 1)} data-testid="queue-refresh">
          {t('app.refresh')}
        </Button>
      </div>
      <Card size="small">
        <Tabs
          activeKey={queue?.key}
          onChange={(k) => {
            setActive(k);
            setPage(1);
            window.history.replaceState(null, '', `${window.location.pathname}?queue=${k}`);
          }}
          items={queues.map((q) => ({
            key: q.key,
            label: (
              <span data-testid={`queue-tab-${q.key}`}>
                {q.label} <Badge count={counts[q.key] ?? 0} showZero color={counts[q.key] ? '#1668dc' : '#bbb'} overflowCount={999} />
              </span>
            ),
          }))}
        />
        {queue?.hint && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {queue.hint}
          </Typography.Paragraph>
        )}
        <PageState loading={false} error={state.error} onRetry={state.reload}>
          <TicketTable
            testId={`queue-${queue?.key}`}
            items={state.data?.items ?? []}
            loading={state.loading}
            compact
            onOpen={setOpen}
            pagination={{
              current: page,
              pageSize,
              total: state.data?.total ?? 0,
              size: 'small',
              showTotal: (total) => t('list.total', { total }),
              onChange: (p, s) => {
                setPage(s !== pageSize ? 1 : p);
                setPageSize(s);
              },
            }}
          />
        </PageState>
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => {
          setOpen(null);
          setTick((x) => x + 1);
        }}
        size={screens.lg ? 1000 : '100%'}
        title={open?.number}
        destroyOnHidden
        extra={
          open && (
            <Button icon={<ExportOutlined />} onClick={() => navigate(`/tickets/${open.id}`)}>
              {t('list.open')}
            </Button>
          )
        }
      >
        {open && <TicketDetail id={open.id} />}
      </Drawer>
    </div>
  );
}
