import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import { PaperClipOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, attachmentUrl, getToken } from '../../shell/api';
import { specsFor } from './actions';
import { useApp } from '../../shell/context';
import { formatDateTime, formatHours, formatSize, hoursLeft, warningColor } from '../../shell/format';
import type { MessageKey } from '../../shell/i18n';
import { categoryPath, unitName } from '../../shell/tree';
import type { Attachment, Ticket, TicketEvent } from '../../shell/types';
import { ActionForm } from './ActionForm';
import { PageState, StatusTag, UrgencyTag, WarningTag, useAsync } from '../../shell/components/common';

async function download(att: Attachment) {
  // Attachments need the bearer token, so fetch them rather than link to them.
  const token = getToken();
  const res = await fetch(attachmentUrl(att.id), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = att.filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function eventSummary(
  e: TicketEvent,
  t: (k: MessageKey) => string,
  tv: (p: string, v: string | null | undefined) => string,
  units: { id: string; name: string }[],
): string {
  const p = e.payload ?? {};
  const bits: string[] = [];
  if (e.type === 'deadline_changed') {
    // Recorded by the platform when a deadline is set or moved: say why and the new dates.
    if (typeof p.reason === 'string') bits.push(p.reason === 'extended' ? t('deadline.extended') : tv('event', p.reason));
    if (typeof p.signBy === 'string' && p.reason !== 'signed') bits.push(`${t('deadline.signBy')} ${formatDateTime(p.signBy)}`);
    if (typeof p.replyBy === 'string') bits.push(`${t('deadline.replyBy')} ${formatDateTime(p.replyBy)}`);
    return bits.join(' · ');
  }
  for (const key of ['answer', 'reply', 'reason', 'note', 'text', 'comment']) {
    const v = p[key];
    if (typeof v === 'string' && v) bits.push(v);
  }
  if (typeof p.leadUnitId === 'string') bits.push(`→ ${units.find((u) => u.id === p.leadUnitId)?.name ?? p.leadUnitId}`);
  if (typeof p.satisfaction === 'string') bits.push(tv('satisfaction', p.satisfaction));
  if (typeof p.hours === 'number') bits.push(`+${p.hours}h`);
  if (typeof p.approve === 'boolean') bits.push(p.approve ? '✓' : '✗');
  return bits.join(' · ');
}

export function TicketView({ ticket, onChange }: { ticket: Ticket; onChange: (t: Ticket) => void }) {
  const { t, tv, lang, categories, units } = useApp();
  const specs = specsFor(ticket.allowedActions ?? []);
  const [active, setActive] = useState<string | undefined>(undefined);
  const now = Date.now();
  const dl = ticket.deadlines ?? null;
  const deadlines: [string, string][] = [];
  if (dl?.signBy) deadlines.push(['signBy', dl.signBy]);
  if (dl?.replyBy) deadlines.push(['replyBy', dl.replyBy]);
  if (dl?.originalReplyBy && dl.originalReplyBy !== dl.replyBy) deadlines.push(['originalReplyBy', dl.originalReplyBy]);
  const events = (ticket.events ?? []).slice().sort((a, b) => a.seq - b.seq);

  return (
    <Row gutter={[16, 16]} data-testid="ticket-detail" data-status={ticket.status} data-version={ticket.version}>
      <Col xs={24} lg={15}>
        <Card
          size="small"
          title={
            <Space wrap>
              <Typography.Text strong copyable data-testid="ticket-number">
                {ticket.number}
              </Typography.Text>
              <StatusTag status={ticket.status} />
              <UrgencyTag urgency={ticket.urgency} />
              <WarningTag level={ticket.warning} />
            </Space>
          }
        >
          {/* The server derives a title from the content when none is given: do not show it twice. */}
          {ticket.title && !ticket.content.startsWith(ticket.title) && <Typography.Title level={5}>{ticket.title}</Typography.Title>}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-content">
            {ticket.content}
          </Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('field.channel')}>{tv('channel', ticket.channel)}</Descriptions.Item>
            <Descriptions.Item label={t('field.receivedAt')}>{formatDateTime(ticket.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('field.callerName')}>{ticket.caller?.name || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.callerPhone')}>{ticket.caller?.phone || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.address')} span={2}>
              {ticket.address || '—'}
              {ticket.location && (
                <Typography.Text type="secondary">
                  {' '}
                  ({ticket.location.lat.toFixed(5)}, {ticket.location.lng.toFixed(5)})
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.category')} span={2}>
              {categoryPath(categories, ticket.categoryCode, lang) || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.leadUnit')}>{unitName(units, ticket.leadUnitId, lang) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.coUnits')}>
              {ticket.coUnitIds?.length ? ticket.coUnitIds.map((id) => unitName(units, id, lang)).join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.tags')}>{ticket.tags?.length ? ticket.tags.map((x) => <Tag key={x}>{x}</Tag>) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.closure')}>{ticket.closure ? tv('closure', ticket.closure) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.satisfaction')}>{ticket.satisfaction ? tv('satisfaction', ticket.satisfaction) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.externalRef')}>{ticket.externalRef || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.returnCount')}>{ticket.returnCount ?? 0}</Descriptions.Item>
            <Descriptions.Item label={t('field.redispatchCount')}>{ticket.redispatchCount ?? 0}</Descriptions.Item>
            <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(ticket.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('field.updatedAt')}>{formatDateTime(ticket.updatedAt)}</Descriptions.Item>
            {ticket.mergedInto && <Descriptions.Item label={t('field.mergedInto')}>{ticket.mergedInto}</Descriptions.Item>}
            {ticket.pendingExtension && (
              <Descriptions.Item label={t('field.pendingExtension')} span={2}>
                +{ticket.pendingExtension.hours}h · {ticket.pendingExtension.reason} · {formatDateTime(ticket.pendingExtension.requestedAt)}
              </Descriptions.Item>
            )}
            {deadlines.length > 0 && (
              <Descriptions.Item label={t('field.deadlines')} span={2}>
                <Space wrap data-testid="deadlines">
                  {deadlines.map(([k, v]) => {
                    const running = dl?.dueAt === v;
                    const left = hoursLeft(v, now);
                    return (
                      <Tag key={k} color={running ? (warningColor(ticket.warning) ?? (left < 0 ? 'red' : 'blue')) : 'default'} data-running={running || undefined}>
                        {tv('deadline', k)} {formatDateTime(v)}
                        {running && ` · ${t(left < 0 ? 'deadline.over' : 'deadline.left', { time: formatHours(left, lang) })}`}
                      </Tag>
                    );
                  })}
                  {dl?.signedAt && (
                    <Typography.Text type="secondary">
                      {t('deadline.signedAt')} {formatDateTime(dl.signedAt)}
                    </Typography.Text>
                  )}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          {ticket.answer && (
            <Card size="small" type="inner" style={{ marginTop: 12 }} title={t('closure.direct_answer')} data-testid="ticket-answer">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{ticket.answer}</Typography.Paragraph>
            </Card>
          )}
          {ticket.reply && (
            <Card size="small" type="inner" style={{ marginTop: 12 }} title={`${t('field.reply')} · ${formatDateTime(ticket.reply.at)}`} data-testid="ticket-reply">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{ticket.reply.text}</Typography.Paragraph>
              <Tag color={ticket.reply.resolved ? 'green' : 'orange'}>
                {t('field.resolved')}: {ticket.reply.resolved ? t('app.yes') : t('app.no')}
              </Tag>
            </Card>
          )}
          {ticket.attachments?.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text strong>{t('field.attachments')}</Typography.Text>
              <ul style={{ paddingLeft: 20, margin: '4px 0' }}>
                {ticket.attachments.map((a) => (
                  <li key={a.id}>
                    <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => void download(a)}>
                      {a.filename}
                    </Button>
                    <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('app.actions')} style={{ marginBottom: 16 }} data-testid="ticket-actions">
          {specs.length === 0 ? (
            <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>
          ) : (
            <>
              <Space wrap style={{ marginBottom: active ? 12 : 0 }}>
                {specs.map((s) => (
                  <Button
                    key={s.action}
                    type={active === s.action ? 'primary' : 'default'}
                    danger={s.danger}
                    onClick={() => setActive(active === s.action ? undefined : s.action)}
                    data-testid={`action-${s.action}`}
                  >
                    {t(s.label)}
                  </Button>
                ))}
              </Space>
              {specs
                .filter((s) => s.action === active)
                .map((s) => (
                  <ActionForm
                    key={`${s.action}-${ticket.version}`}
                    ticket={ticket}
                    spec={s}
                    onCancel={() => setActive(undefined)}
                    onDone={(u) => {
                      setActive(undefined);
                      onChange(u);
                    }}
                  />
                ))}
            </>
          )}
        </Card>
        <Card size="small" title={t('detail.timeline')} data-testid="ticket-timeline">
          {events.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              items={events.map((e) => ({
                key: e.id,
                content: (
                  <div>
                    <Space wrap size={4}>
                      <Typography.Text strong>{tv('event', e.type)}</Typography.Text>
                      {e.toStatus && e.toStatus !== e.fromStatus && <StatusTag status={e.toStatus} />}
                    </Space>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(e.at)} · {e.actor?.name ?? '—'}
                      </Typography.Text>
                    </div>
                    {eventSummary(e, t, tv, units) && <div style={{ whiteSpace: 'pre-wrap' }}>{eventSummary(e, t, tv, units)}</div>}
                  </div>
                ),
              }))}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** Loads a ticket with its events and keeps it fresh after each action. */
export function TicketDetail({ id, onChanged }: { id: string; onChanged?: (t: Ticket) => void }) {
  const { t } = useApp();
  const state = useAsync(() => api.ticket(id), [id]);
  return (
    <PageState loading={state.loading && !state.data} error={state.error} onRetry={state.reload}>
      {state.data && (
        <>
          <div style={{ textAlign: 'right', marginBottom: 8 }}>
            <Button size="small" icon={<ReloadOutlined />} onClick={state.reload}>
              {t('app.refresh')}
            </Button>
          </div>
          <TicketView
            ticket={state.data}
            onChange={(u) => {
              // Action responses may omit events: reload to get the new timeline.
              state.setData({ ...u, events: u.events ?? state.data?.events ?? [] });
              if (!u.events) state.reload();
              onChanged?.(u);
            }}
          />
        </>
      )}
    </PageState>
  );
}

