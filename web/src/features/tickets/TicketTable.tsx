import { Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useApp } from '../../shell/context';
import { formatDateTime, maskPhone, shortText } from '../../shell/format';
import { categoryPath, unitName } from '../../shell/tree';
import type { Ticket } from '../../shell/types';
import { StatusTag, UrgencyTag, WarningTag } from '../../shell/components/common';

/** The order table used by the list and every queue; a row click opens the order. */
export function TicketTable({
  items,
  loading,
  onOpen,
  pagination,
  compact = false,
  testId = 'ticket-table',
}: {
  items: Ticket[];
  loading?: boolean;
  onOpen: (t: Ticket) => void;
  pagination?: TableProps<Ticket>['pagination'];
  compact?: boolean;
  testId?: string;
}) {
  const { t, tv, categories, units, lang } = useApp();
  const columns: TableProps<Ticket>['columns'] = [
    {
      title: t('field.number'),
      dataIndex: 'number',
      width: 150,
      render: (v: string, r) => (
        <a
          href={`/tickets/${r.id}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen(r);
          }}
          data-testid="ticket-link"
        >
          {v}
        </a>
      ),
    },
    {
      title: t('field.content'),
      dataIndex: 'content',
      render: (_: string, r) => (
        <div style={{ minWidth: 160 }}>
          <UrgencyTag urgency={r.urgency} />
          <WarningTag level={r.warning} />
          <span>{shortText(r.title || r.content, 48)}</span>
          {!compact && r.tags?.length > 0 && (
            <div>
              {r.tags.map((x) => (
                <Tag key={x} style={{ fontSize: 11 }}>
                  {x}
                </Tag>
              ))}
            </div>
          )}
        </div>
      ),
    },
    { title: t('field.status'), dataIndex: 'status', width: 120, render: (v: string) => <StatusTag status={v} /> },
    ...(compact
      ? []
      : [
          {
            title: t('field.category'),
            dataIndex: 'categoryCode',
            width: 180,
            responsive: ['lg' as const],
            // The leaf name fits the column; the whole path is in the tooltip.
            render: (v: string | null) => {
              const path = categoryPath(categories, v, lang);
              return <span title={path}>{path.split(' / ').pop()}</span>;
            },
          },
          { title: t('field.channel'), dataIndex: 'channel', width: 90, responsive: ['md' as const], render: (v: string) => tv('channel', v) },
          {
            title: t('field.callerPhone'),
            dataIndex: 'caller',
            width: 120,
            responsive: ['xl' as const],
            render: (v: Ticket['caller']) => maskPhone(v?.phone),
          },
        ]),
    { title: t('field.leadUnit'), dataIndex: 'leadUnitId', width: 150, responsive: ['md'], render: (v: string | null) => unitName(units, v, lang) },
    { title: t('field.receivedAt'), dataIndex: 'receivedAt', width: 150, responsive: ['sm'], render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
  ];
  return (
    <Table<Ticket>
      data-testid={testId}
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination ?? false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ onDoubleClick: () => onOpen(r), 'data-number': r.number }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('app.empty') }}
    />
  );
}
