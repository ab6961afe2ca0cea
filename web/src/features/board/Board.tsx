import { useEffect, useMemo, useRef } from 'react';
import { Button, Card, Col, Drawer, Grid, Row, Statistic, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useState } from 'react';
import { api } from '../../shell/api';
import { useApp } from '../../shell/context';
import { formatDateTime } from '../../shell/format';
import { topUnitsByWarning, type Board as BoardData } from './board';
import { PageState, useAsync } from '../../shell/components/common';
import { TicketDetail } from '../tickets/TicketDetail';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLOURS = { red: '#f5222d', orange: '#fa8c16', yellow: '#fadb14', none: '#52c41a' } as const;

/** Stacked bars of open orders per unit by warning colour, reddest units first. */
function UnitChart({ board }: { board: BoardData }) {
  const { t, tv } = useApp();
  const ref = useRef<HTMLDivElement | null>(null);
  const top = useMemo(() => topUnitsByWarning(board.byUnit, 12), [board]);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      animationDuration: 300,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: top.map((u) => u.unitName ?? u.unitId ?? t('app.none')), axisLabel: { width: 120, overflow: 'truncate' } },
      series: (['red', 'orange', 'yellow', 'none'] as const).map((level) => ({
        name: tv('warning', level),
        type: 'bar',
        stack: 'total',
        itemStyle: { color: COLOURS[level] },
        data: top.map((u) => u[level]),
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [top, t, tv]);
  return <div ref={ref} style={{ width: '100%', height: Math.max(220, 40 + top.length * 28) }} data-testid="board-chart" />;
}

export default function Board() {
  const { t, tv } = useApp();
  const screens = Grid.useBreakpoint();
  const state = useAsync(() => api.board(), []);
  const [open, setOpen] = useState<string | null>(null);
  const board = state.data;
  return (
    <div data-testid="board">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('board.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={state.reload}>
          {t('app.refresh')}
        </Button>
      </div>
      <PageState loading={state.loading && !board} error={state.error} onRetry={state.reload}>
        {board && (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              {(['red', 'orange', 'yellow', 'none'] as const).map((level) => (
                <Col xs={12} md={6} key={level}>
                  <Card size="small">
                    <Statistic title={tv('warning', level)} value={board.totals[level]} styles={{ content: { color: COLOURS[level] === '#fadb14' ? '#d4b106' : COLOURS[level] } }} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('board.byUnit')}>
                  {board.byUnit.length ? <UnitChart board={board} /> : <Typography.Text type="secondary">{t('app.empty')}</Typography.Text>}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('board.reddest')}>
                  <Table
                    size="small"
                    rowKey="ticketId"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    dataSource={board.reddest}
                    locale={{ emptyText: t('app.empty') }}
                    columns={[
                      {
                        title: t('field.number'),
                        dataIndex: 'number',
                        render: (v: string, r) => (
                          <a
                            href={`/tickets/${r.ticketId}`}
                            onClick={(e) => {
                              e.preventDefault();
                              setOpen(r.ticketId);
                            }}
                          >
                            {v}
                          </a>
                        ),
                      },
                      { title: t('field.unit'), dataIndex: 'unitName' },
                      { title: t('board.overdue'), dataIndex: 'overdueHours', render: (h: number) => <span style={{ color: h > 0 ? '#f5222d' : undefined }}>{h.toFixed(1)} h</span> },
                      { title: t('board.supervisions'), dataIndex: 'supervisionCount' },
                      { title: t('deadline.dueAt'), dataIndex: 'dueAt', render: (v: string | null) => formatDateTime(v) },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {formatDateTime(board.at)}
            </Typography.Paragraph>
          </>
        )}
      </PageState>
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={screens.lg ? 1000 : '100%'} destroyOnHidden>
        {open && <TicketDetail id={open} onChanged={() => state.reload()} />}
      </Drawer>
    </div>
  );
}
