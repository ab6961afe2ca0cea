// 事件聚类: open orders of the last days grouped by event (GET /assist/clusters). A dispatcher can merge a
// registered duplicate into the cluster's representative (the workflow's `merge`, with the version check).
import { useMemo, useState, type MouseEvent } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Empty, Grid, InputNumber, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../shell/api';
import { useApp } from '../../shell/context';
import { formatDateTime, shortText } from '../../shell/format';
import { canMergeIntoRepresentative, formatPercent, orderedClusterTickets, parseClusterFilters, type ClusterFilters, type ClusterTicket, type OrderCluster } from './intake';
import { navigate, useLocation } from '../../shell/router';
import type { Ticket } from '../../shell/types';
import { ErrorAlert, PageHeader, PageState, StatusTag, useAsync } from '../../shell/components/common';

const DAY_CHOICES = [1, 3, 7, 14, 30, 90];

function TicketLink({ id, number, testId }: { id: string; number: string; testId?: string }) {
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; // a new tab: let the browser do it
    e.preventDefault();
    navigate(`/tickets/${id}`);
  };
  return (
    <a href={`/tickets/${id}`} onClick={open} data-testid={testId ?? 'cluster-ticket-link'}>
      {number}
    </a>
  );
}

interface MergeTarget {
  from: ClusterTicket;
  into: OrderCluster['representative'];
}

/** Shows both orders as they are now and merges with the version the dispatcher looked at. */
function MergeModal({ target, onClose, onMerged }: { target: MergeTarget; onClose: () => void; onMerged: () => void }) {
  const { t, tv } = useApp();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const state = useAsync(async () => {
    const [from, into] = await Promise.all([api.ticket(target.from.ticketId), api.ticket(target.into.ticketId)]);
    return { from, into };
  }, [target.from.ticketId, target.into.ticketId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const dup = state.data?.from;
  const allowed = dup !== undefined && dup.allowedActions.includes('merge');

  const submit = async () => {
    if (!dup || !allowed) return;
    setBusy(true);
    setError(null);
    try {
      await api.act(dup.id, { action: 'merge', intoTicketId: target.into.ticketId, expectedVersion: dup.version });
      message.success(t('clusters.merged', { from: dup.number, into: target.into.number }));
      onMerged();
    } catch (e) {
      // Someone acted on the order since it was shown: show it as it is now and let the dispatcher decide again.
      if (e instanceof ApiError && e.code === 'TICKET.VERSION_CONFLICT') {
        setError(t('app.orderChanged'));
        state.reload();
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const side = (label: string, x: Ticket) => (
    <Col xs={24} md={12}>
      <Descriptions size="small" column={1} bordered title={<span style={{ fontSize: 14 }}>{label}</span>}>
        <Descriptions.Item label={t('field.number')}>
          {x.number} <StatusTag status={x.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.title')}>{x.title || t('clusters.noTitle')}</Descriptions.Item>
        <Descriptions.Item label={t('field.content')}>{shortText(x.content, 160)}</Descriptions.Item>
        <Descriptions.Item label={t('field.address')}>{x.address ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('field.channel')}>{tv('channel', x.channel)}</Descriptions.Item>
        <Descriptions.Item label={t('field.receivedAt')}>{formatDateTime(x.receivedAt)}</Descriptions.Item>
      </Descriptions>
    </Col>
  );

  return (
    <Modal
      open
      title={t('clusters.mergeTitle')}
      width={screens.md ? 900 : '100%'}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('clusters.mergeOk')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      okButtonProps={{ danger: true, disabled: !allowed, ...({ 'data-testid': 'cluster-merge-confirm' } as object) }}
      destroyOnHidden
    >
      <div data-testid="cluster-merge">
        <ErrorAlert error={error} testId="cluster-merge-error" />
        <PageState loading={state.loading && !state.data} error={state.error} onRetry={state.reload}>
          {state.data && (
            <>
              {allowed ? (
                <Alert type="warning" showIcon title={t('clusters.mergeConfirm', { from: state.data.from.number, into: state.data.into.number })} style={{ marginBottom: 12 }} />
              ) : (
                <Alert type="error" showIcon title={t('clusters.mergeGone')} style={{ marginBottom: 12 }} data-testid="cluster-merge-gone" />
              )}
              <Row gutter={[12, 12]}>
                {side(t('clusters.mergeFrom'), state.data.from)}
                {side(t('clusters.mergeInto'), state.data.into)}
              </Row>
            </>
          )}
        </PageState>
      </div>
    </Modal>
  );
}

function ClusterCard({ cluster, onMerge }: { cluster: OrderCluster; onMerge: (m: MergeTarget) => void }) {
  const { t, user } = useApp();
  const roles = user?.roles ?? [];
  const repId = cluster.representative.ticketId;
  // Rows that wrap rather than a table: the title stays readable on a phone.
  return (
    <Card size="small" data-testid="cluster" data-size={cluster.size} styles={{ body: { paddingTop: 8, paddingBottom: 8 } }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, paddingBottom: 8, borderBottom: '1px solid #f0f0f0' }}>
        <Tag color={cluster.size >= 5 ? 'red' : cluster.size >= 3 ? 'volcano' : 'orange'} style={{ marginInlineEnd: 0 }}>
          {t('clusters.size', { n: cluster.size })}
        </Tag>
        <Typography.Text strong style={{ flex: '1 1 240px' }}>
          {cluster.representative.title || t('clusters.noTitle')}
        </Typography.Text>
        <Tag data-testid="cluster-area" style={{ marginInlineEnd: 0 }}>
          {cluster.areaName ?? t('clusters.noArea')}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('clusters.cohesion', { percent: formatPercent(cluster.cohesion, 0) })}
        </Typography.Text>
      </div>
      {orderedClusterTickets(cluster).map((r) => (
        <div
          key={r.ticketId}
          data-testid="cluster-ticket"
          style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 12, rowGap: 4, padding: '8px 0', borderBottom: '1px solid #f5f5f5' }}
        >
          <span style={{ minWidth: 130 }}>
            <TicketLink id={r.ticketId} number={r.number} />
          </span>
          <span style={{ minWidth: 84 }}>
            <StatusTag status={r.status} />
          </span>
          <span style={{ flex: '1 1 240px', minWidth: 0 }}>
            {r.ticketId === repId && <Tag color="blue">{t('clusters.representative')}</Tag>}
            {shortText(r.title, 60) || t('clusters.noTitle')}
          </span>
          {canMergeIntoRepresentative(roles, r, repId) && (
            <Button size="small" icon={<MergeCellsOutlined />} onClick={() => onMerge({ from: r, into: cluster.representative })} data-testid={`cluster-merge-${r.number}`}>
              {t('clusters.merge')}
            </Button>
          )}
        </div>
      ))}
    </Card>
  );
}

function ClustersView() {
  const { t } = useApp();
  const { search } = useLocation();
  const filters = useMemo(() => parseClusterFilters(search), [search]);
  const state = useAsync((signal) => api.clusters({ ...filters, limit: 50 }, signal), [filters.days, filters.minSize]);
  const [merging, setMerging] = useState<MergeTarget | null>(null);
  const setFilters = (f: ClusterFilters) => navigate(`/clusters?days=${f.days}&minSize=${f.minSize}`, true);
  const items = state.data?.items ?? [];

  return (
    <div data-testid="clusters">
      <PageHeader title={t('clusters.title')} onRefresh={state.reload} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('clusters.help')}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={16}>
          <Space size={6}>
            <span>{t('clusters.days')}</span>
            <Select
              value={filters.days}
              style={{ width: 120 }}
              onChange={(days: number) => setFilters({ ...filters, days })}
              options={[...new Set([...DAY_CHOICES, filters.days])].sort((a, b) => a - b).map((n) => ({ value: n, label: t('clusters.daysN', { n }) }))}
              data-testid="clusters-days"
            />
          </Space>
          <Space size={6}>
            <span>{t('clusters.minSize')}</span>
            <InputNumber
              min={2}
              max={100}
              precision={0}
              value={filters.minSize}
              suffix={t('clusters.minSizeUnit')}
              style={{ width: 110 }}
              onChange={(v) => {
                if (typeof v === 'number' && v >= 2 && v <= 100) setFilters({ ...filters, minSize: v });
              }}
              data-testid="clusters-min-size"
            />
          </Space>
          {state.data && (
            <Typography.Text type="secondary" data-testid="clusters-count">
              {t('clusters.count', { n: items.length })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <PageState loading={state.loading && !state.data} error={state.error} onRetry={state.reload}>
        {items.length === 0 ? (
          <Empty description={t('clusters.empty')} data-testid="clusters-empty" />
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {items.map((c) => (
              <ClusterCard key={c.representative.ticketId} cluster={c} onMerge={setMerging} />
            ))}
          </Space>
        )}
      </PageState>
      {merging && (
        <MergeModal
          target={merging}
          onClose={() => setMerging(null)}
          onMerged={() => {
            setMerging(null);
            state.reload();
          }}
        />
      )}
    </div>
  );
}

// The shell shows it only to the roles of route.ts.
export default ClustersView;
