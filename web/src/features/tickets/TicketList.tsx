import { useEffect, useMemo, useState } from 'react';
import { Button, Card, DatePicker, Dropdown, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { DeleteOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, SORTS, WARNINGS } from '../../shell/api';
import { useApp } from '../../shell/context';
import { shanghaiDayEnd, shanghaiDayStart } from '../../shell/format';
import { navigate } from '../../shell/router';
import { CHANNELS, STATUSES, URGENCIES } from '../../shell/types';
import { deleteView, loadViews, saveView, type SavedView, type TicketFilters } from './views';
import { PageState, useAsync } from '../../shell/components/common';
import { CategorySelect, UnitSelect } from '../../shell/components/pickers';
import { TicketTable } from './TicketTable';

interface FormValues extends Omit<TicketFilters, 'from' | 'to'> {
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters(v: FormValues): TicketFilters {
  const { range, ...rest } = v;
  const out: TicketFilters = {};
  for (const [k, val] of Object.entries(rest)) if (typeof val === 'string' && val.trim()) (out as Record<string, string>)[k] = val.trim();
  if (range?.[0]) out.from = range[0].format('YYYY-MM-DD');
  if (range?.[1]) out.to = range[1].format('YYYY-MM-DD');
  return out;
}

function toForm(f: TicketFilters): FormValues {
  const { from, to, ...rest } = f;
  return { ...rest, range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null };
}

export default function TicketList() {
  const { t, tv, user } = useApp();
  const [form] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<TicketFilters>(() => {
    const q = new URLSearchParams(window.location.search);
    const f: TicketFilters = {};
    for (const k of ['status', 'unitId', 'categoryCode', 'channel', 'tag', 'from', 'to', 'q', 'urgency', 'warning', 'sort'] as const) {
      const v = q.get(k);
      if (v) f[k] = v;
    }
    return f;
  });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(() => {
    const n = Number(new URLSearchParams(window.location.search).get('pageSize'));
    return [20, 50, 100].includes(n) ? n : 20;
  });
  const userId = user?.id ?? 'anon';
  const [views, setViews] = useState<SavedView[]>(() => loadViews(localStorage, userId));
  const [naming, setNaming] = useState(false);
  const [viewName, setViewName] = useState('');

  const state = useAsync(
    (signal) =>
      api.tickets(
        {
          ...filters,
          from: filters.from ? shanghaiDayStart(filters.from) : undefined,
          to: filters.to ? shanghaiDayEnd(filters.to) : undefined,
          page,
          pageSize,
        },
        signal,
      ),
    [JSON.stringify(filters), page, pageSize],
  );

  const apply = (f: TicketFilters) => {
    setFilters(f);
    setPage(1);
    const qs = new URLSearchParams(f as Record<string, string>).toString();
    window.history.replaceState(null, '', `/tickets${qs ? `?${qs}` : ''}`);
  };

  const initial = useMemo(() => toForm(filters), []); // eslint-disable-line react-hooks/exhaustive-deps
  // The filter bar (trees, date pickers) mounts right after the first rows are on screen, so the list
  // itself is not held up by controls nobody has touched yet.
  const [filtersReady, setFiltersReady] = useState(false);
  useEffect(() => {
    if (filtersReady || (!state.data && !state.error)) return;
    const id = requestAnimationFrame(() => setFiltersReady(true));
    return () => cancelAnimationFrame(id);
  }, [state.data, state.error, filtersReady]);

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('list.title')}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12, minHeight: 64 }}>
        {filtersReady && (
          <Form form={form} layout="inline" initialValues={initial} onFinish={(v) => apply(toFilters(v))} style={{ rowGap: 8 }} data-testid="ticket-filters">
            <Form.Item name="q" style={{ minWidth: 180 }}>
              <Input allowClear placeholder={t('field.text')} data-testid="filter-q" />
            </Form.Item>
            <Form.Item name="status" style={{ minWidth: 140 }}>
              <Select allowClear placeholder={t('field.status')} options={STATUSES.map((s) => ({ value: s, label: tv('status', s) }))} data-testid="filter-status" />
            </Form.Item>
            <Form.Item name="unitId" style={{ minWidth: 180 }}>
              <UnitSelect placeholder={t('field.unit')} />
            </Form.Item>
            <Form.Item name="categoryCode" style={{ minWidth: 200 }}>
              <CategorySelect placeholder={t('field.category')} />
            </Form.Item>
            <Form.Item name="channel" style={{ minWidth: 120 }}>
              <Select allowClear placeholder={t('field.channel')} options={CHANNELS.map((c) => ({ value: c, label: tv('channel', c) }))} />
            </Form.Item>
            <Form.Item name="urgency" style={{ minWidth: 110 }}>
              <Select allowClear placeholder={t('field.urgency')} options={URGENCIES.map((u) => ({ value: u, label: tv('urgency', u) }))} />
            </Form.Item>
            <Form.Item name="warning" style={{ minWidth: 120 }}>
              <Select allowClear placeholder={t('field.warning')} options={WARNINGS.map((w) => ({ value: w, label: tv('warning', w) }))} />
            </Form.Item>
            <Form.Item name="sort" style={{ minWidth: 150 }}>
              <Select allowClear placeholder={t('list.sort')} options={SORTS.map((s) => ({ value: s, label: tv('sort', s) }))} />
            </Form.Item>
            <Form.Item name="tag" style={{ minWidth: 120 }}>
              <Input allowClear placeholder={t('field.tags')} />
            </Form.Item>
            <Form.Item name="range">
              <DatePicker.RangePicker allowEmpty={[true, true]} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" data-testid="filter-submit">
                {t('app.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue(toForm({}));
                  apply({});
                }}
              >
                {t('app.reset')}
              </Button>
              <Button icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="save-view">
                {t('list.saveView')}
              </Button>
              <Dropdown
                menu={{
                  items: views.length
                    ? views.map((v) => ({
                        key: v.name,
                        label: (
                          <Space>
                            <span>{v.name}</span>
                            <DeleteOutlined
                              title={t('list.deleteView')}
                              onClick={(e) => {
                                e.stopPropagation();
                                setViews(deleteView(localStorage, userId, v.name));
                              }}
                            />
                          </Space>
                        ),
                      }))
                    : [{ key: '', label: t('list.noViews'), disabled: true }],
                  onClick: ({ key }) => {
                    const v = views.find((x) => x.name === key);
                    if (!v) return;
                    form.resetFields();
                    form.setFieldsValue(toForm(v.filters));
                    apply(v.filters);
                  },
                }}
              >
                <Button icon={<StarOutlined />} data-testid="views-menu">
                  {t('list.views')}
                </Button>
              </Dropdown>
            </Space>
          </Form>
        )}
      </Card>
      <Card size="small">
        <PageState loading={false} error={state.error} onRetry={state.reload}>
          <TicketTable
            items={state.data?.items ?? []}
            loading={state.loading}
            onOpen={(tk) => navigate(`/tickets/${tk.id}`)}
            pagination={{
              current: page,
              pageSize,
              total: state.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('list.total', { total }),
              onChange: (p, s) => {
                setPage(s !== pageSize ? 1 : p);
                setPageSize(s);
              },
              size: 'small',
            }}
          />
        </PageState>
      </Card>
      <Modal
        open={naming}
        title={t('list.saveView')}
        onCancel={() => setNaming(false)}
        okButtonProps={{ disabled: !viewName.trim() }}
        onOk={() => {
          setViews(saveView(localStorage, userId, { name: viewName.trim(), filters: toFilters(form.getFieldsValue()) }));
          setNaming(false);
          setViewName('');
        }}
      >
        <Input autoFocus placeholder={t('list.viewName')} value={viewName} onChange={(e) => setViewName(e.target.value)} maxLength={40} />
      </Modal>
    </div>
  );
}
