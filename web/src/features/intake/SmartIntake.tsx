// 智能受理: automatic dispatch settings, its live accuracy, and the classification model's versions (train now,
// roll back). The admin edits; dispatchers, supervisors and leaders read what the API lets them read.
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Empty, Form, InputNumber, Popconfirm, Row, Segmented, Space, Spin, Statistic, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { api } from '../../shell/api';
import { useApp } from '../../shell/context';
import { formatDateTime, formatSize } from '../../shell/format';
import {
  accuracySince,
  formatDuration,
  formatPercent,
  modelFacts,
  RETRAIN_HOURS,
  retrainHoursValid,
  settingsChanges,
  settingsFormValues,
  THRESHOLD_PERCENT,
  thresholdValid,
  type AccuracyWindow,
  type AutoDispatchAccuracy,
  type ModelVersion,
  type SettingsFormValues,
} from './intake';
import { applyFieldError, ErrorAlert, errorMessage, PageHeader, PageState, useAsync } from '../../shell/components/common';
import { useWho, type Who } from '../../shell/components/who';

// API field → the form's field, for refusals that name one.
const SETTINGS_FIELDS: Record<string, keyof SettingsFormValues> = {
  autoDispatchEnabled: 'autoDispatchEnabled',
  autoDispatchThreshold: 'thresholdPercent',
  retrainIntervalHours: 'retrainIntervalHours',
};

function SettingsCard({ canEdit, who }: { canEdit: boolean; who: Who }) {
  const { t, lang } = useApp();
  const { message } = AntApp.useApp();
  const state = useAsync(() => api.intakeSettings(), []);
  const [form] = Form.useForm<SettingsFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const settings = state.data;
  const initial = useMemo(() => (settings ? settingsFormValues(settings) : undefined), [settings]);
  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [initial, form]);

  const save = async () => {
    if (!settings) return;
    const v = await form.validateFields();
    const changes = settingsChanges(settings, v);
    if (Object.keys(changes).length === 0) {
      message.info(t('intake.noChanges'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      state.setData(await api.updateIntakeSettings(changes));
      message.success(t('intake.saved'));
    } catch (e) {
      if (!applyFieldError(e, form, SETTINGS_FIELDS, lang)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('intake.settings')}
      data-testid="intake-settings"
      extra={
        settings && (
          <Tag color={settings.autoDispatchEnabled ? 'green' : 'default'} data-testid="auto-dispatch-state" data-enabled={String(settings.autoDispatchEnabled)}>
            {t(settings.autoDispatchEnabled ? 'intake.on' : 'intake.off')}
          </Tag>
        )
      }
    >
      <PageState loading={state.loading && !settings} error={state.error} onRetry={state.reload}>
        {initial && (
          <>
            <ErrorAlert error={error} testId="intake-settings-error" />
            <Form form={form} layout="vertical" initialValues={initial} disabled={!canEdit} requiredMark={false}>
              <Form.Item name="autoDispatchEnabled" label={t('intake.autoDispatch')} valuePropName="checked" extra={t('intake.autoDispatchHelp')}>
                <Switch checkedChildren={t('intake.on')} unCheckedChildren={t('intake.off')} data-testid="auto-dispatch-switch" />
              </Form.Item>
              <Form.Item
                name="thresholdPercent"
                label={t('intake.threshold')}
                extra={t('intake.thresholdHelp')}
                rules={[
                  { validator: (_, v) => (thresholdValid(v) ? Promise.resolve() : Promise.reject(new Error(t('intake.thresholdRange')))) },
                  {
                    warningOnly: true,
                    validator: (_, v) => (typeof v === 'number' && v < THRESHOLD_PERCENT.risky ? Promise.reject(new Error(t('intake.thresholdRisky'))) : Promise.resolve()),
                  },
                ]}
              >
                <InputNumber min={THRESHOLD_PERCENT.min} max={THRESHOLD_PERCENT.max} step={1} precision={1} suffix="%" style={{ width: 160 }} data-testid="threshold-input" />
              </Form.Item>
              <Form.Item
                name="retrainIntervalHours"
                label={t('intake.retrain')}
                extra={t('intake.retrainHelp')}
                rules={[{ validator: (_, v) => (retrainHoursValid(v) ? Promise.resolve() : Promise.reject(new Error(t('intake.retrainRange')))) }]}
              >
                <InputNumber min={RETRAIN_HOURS.min} max={RETRAIN_HOURS.max} step={24} precision={0} suffix={t('intake.hours')} style={{ width: 160 }} data-testid="retrain-input" />
              </Form.Item>
              {canEdit && (
                <Button type="primary" onClick={() => void save().catch(() => undefined)} loading={busy} data-testid="intake-settings-save">
                  {t('intake.save')}
                </Button>
              )}
            </Form>
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }} data-testid="intake-settings-updated">
              {settings?.updatedAt ? t('intake.lastChanged', { name: who(settings.updatedBy, settings.updatedByName) || t('who.system'), at: formatDateTime(settings.updatedAt) }) : t('intake.neverChanged')}
            </Typography.Paragraph>
          </>
        )}
      </PageState>
    </Card>
  );
}

function AccuracyCard() {
  const { t } = useApp();
  const [window, setWindow] = useState<AccuracyWindow>('all');
  const state = useAsync(() => api.autoDispatchAccuracy(accuracySince(window, Date.now())), [window]);
  const data = state.data;
  return (
    <Card
      size="small"
      title={t('intake.accuracy')}
      data-testid="accuracy-card"
      extra={
        <Segmented<AccuracyWindow>
          size="small"
          value={window}
          onChange={setWindow}
          options={(['all', '30d', '7d'] as const).map((w) => ({ value: w, label: t(`intake.window.${w}`) }))}
        />
      }
    >
      <PageState loading={state.loading && !data} error={state.error} onRetry={state.reload}>
        {data && (
          <>
            <Row gutter={[12, 12]}>
              <Col span={8}>
                <Statistic title={t('intake.total')} value={data.total} data-testid="accuracy-total" />
              </Col>
              <Col span={8}>
                <Statistic title={t('intake.returned')} value={data.returned} styles={{ content: { color: data.returned > 0 ? '#fa8c16' : undefined } }} data-testid="accuracy-returned" />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('intake.rate')}
                  value={formatPercent(data.accuracy)}
                  styles={{ content: { color: data.accuracy === null ? undefined : data.accuracy >= 0.9 ? '#389e0d' : '#cf1322' } }}
                  data-testid="accuracy-rate"
                />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
              {t('intake.accuracyHelp')}
            </Typography.Paragraph>
            <Table<AutoDispatchAccuracy['byModelVersion'][number]>
              size="small"
              rowKey="modelVersion"
              pagination={false}
              dataSource={data.byModelVersion}
              scroll={{ x: 'max-content' }}
              title={() => t('intake.byVersion')}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.noAutoDispatch')} /> }}
              columns={[
                { title: t('intake.version'), dataIndex: 'modelVersion', render: (v: number) => `v${v}` },
                { title: t('intake.total'), dataIndex: 'total' },
                { title: t('intake.returned'), dataIndex: 'returned' },
                { title: t('intake.rate'), dataIndex: 'accuracy', render: (v: number) => formatPercent(v) },
                { title: t('intake.meanScore'), dataIndex: 'meanScore', render: (v: number) => formatPercent(v) },
              ]}
            />
          </>
        )}
      </PageState>
    </Card>
  );
}

function ModelFactsCell({ m }: { m: ModelVersion }) {
  const { t, lang } = useApp();
  const f = modelFacts(m.metrics);
  const lines: string[] = [];
  if (f.categoryLabels !== undefined && f.unitLabels !== undefined) lines.push(t('intake.labels', { categories: f.categoryLabels, units: f.unitLabels }));
  const second: string[] = [];
  if (f.features !== undefined) second.push(t('intake.features', { n: f.features.toLocaleString() }));
  if (f.trainMs !== undefined) second.push(t('intake.trainTime', { time: formatDuration(f.trainMs, lang) }));
  if (f.modelBytes !== undefined) second.push(t('intake.modelSize', { size: formatSize(f.modelBytes) }));
  if (second.length) lines.push(second.join(' · '));
  return (
    <div style={{ fontSize: 12, minWidth: 200 }}>
      {f.algorithm && <Tag style={{ fontSize: 11 }}>{f.algorithm}</Tag>}
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  );
}

function ModelsCard({ canEdit, who }: { canEdit: boolean; who: Who }) {
  const { t, tv, lang } = useApp();
  const { message } = AntApp.useApp();
  const state = useAsync(() => api.models(), []);
  const [trainingSince, setTrainingSince] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [trainError, setTrainError] = useState<unknown>(null);
  const [activating, setActivating] = useState<number | null>(null);
  const items = state.data?.items ?? [];
  const current = items.find((m) => m.active);
  const empty = state.data !== undefined && items.length === 0;

  // The demo model trains in the background on the first start: look again until it is there.
  const { reload } = state;
  useEffect(() => {
    if (!empty || state.loading) return;
    const id = setTimeout(reload, 5000);
    return () => clearTimeout(id);
  }, [empty, state.loading, reload]);
  useEffect(() => {
    if (trainingSince === null) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [trainingSince]);

  const train = async () => {
    setTrainError(null);
    const started = Date.now();
    setTrainingSince(started);
    setNow(started);
    try {
      const v = await api.trainModel();
      message.success(t('intake.trained', { version: v.version }));
      reload();
    } catch (e) {
      setTrainError(e);
    } finally {
      setTrainingSince(null);
    }
  };

  const activate = async (m: ModelVersion) => {
    setActivating(m.version);
    try {
      await api.activateModel(m.version);
      message.success(t('intake.activated', { version: m.version }));
      reload();
    } catch (e) {
      message.error(errorMessage(e, t('app.networkError'), lang));
    } finally {
      setActivating(null);
    }
  };

  return (
    <Card
      size="small"
      title={t('intake.models')}
      data-testid="model-versions"
      extra={
        canEdit && (
          <Tooltip title={trainingSince === null ? t('intake.trainHint') : undefined}>
            <Button type="primary" icon={<ExperimentOutlined />} onClick={() => void train()} loading={trainingSince !== null} data-testid="model-train">
              {t('intake.train')}
            </Button>
          </Tooltip>
        )
      }
    >
      {trainingSince !== null && (
        <Alert
          type="info"
          showIcon
          icon={<Spin size="small" />}
          title={t('intake.training', { time: formatDuration(now - trainingSince, lang) })}
          style={{ marginBottom: 12 }}
          data-testid="model-training"
        />
      )}
      <ErrorAlert error={trainError} testId="model-train-error" />
      <PageState loading={state.loading && !state.data} error={state.error} onRetry={reload}>
        {empty ? (
          <Empty description={t('intake.noModels')} data-testid="models-empty">
            <Spin size="small" />
          </Empty>
        ) : (
          <Table<ModelVersion>
            size="small"
            rowKey="id"
            dataSource={items}
            pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            onRow={(r) => ({ 'data-testid': 'model-row', 'data-version': r.version, 'data-active': String(r.active) }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('intake.version'),
                dataIndex: 'version',
                render: (v: number, r) => (
                  <Space size={4}>
                    <strong>v{v}</strong>
                    {r.active && <Tag color="green">{t('intake.active')}</Tag>}
                    {r.archivedAt && (
                      <Tooltip title={t('intake.archivedHint', { at: formatDateTime(r.archivedAt) })}>
                        <Tag data-testid="model-archived">{t('intake.archived')}</Tag>
                      </Tooltip>
                    )}
                  </Space>
                ),
              },
              { title: t('intake.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: t('intake.createdBy'), dataIndex: 'createdBy', render: (v: string | null, r) => who(v, r.createdByName) },
              { title: t('intake.source'), dataIndex: 'source', render: (v: string) => <Tag>{tv('modelSource', v)}</Tag> },
              {
                title: t('intake.trainedOn'),
                dataIndex: 'trainedOn',
                render: (n: number, r) => {
                  const f = modelFacts(r.metrics);
                  return (
                    <div>
                      {t('intake.orders', { n: n.toLocaleString() })}
                      {f.historyOrders !== undefined && f.demoOrders !== undefined && (
                        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('intake.split', { history: f.historyOrders.toLocaleString(), demo: f.demoOrders.toLocaleString() })}</div>
                      )}
                    </div>
                  );
                },
              },
              { title: t('intake.metrics'), render: (_, r) => <ModelFactsCell m={r} /> },
              ...(canEdit
                ? [
                    {
                      title: t('app.actions'),
                      render: (_: unknown, r: ModelVersion) =>
                        r.active || r.archivedAt ? null : (
                          <Popconfirm
                            title={t('intake.activateConfirm', { version: r.version, current: current?.version ?? '—' })}
                            okText={t('intake.activate')}
                            cancelText={t('app.cancel')}
                            okButtonProps={{ ...({ 'data-testid': 'model-activate-confirm' } as object) }}
                            onConfirm={() => activate(r)}
                          >
                            <Button size="small" type="link" loading={activating === r.version} disabled={trainingSince !== null} data-testid={`model-activate-${r.version}`}>
                              {t('intake.activate')}
                            </Button>
                          </Popconfirm>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}

function SmartIntakeView() {
  const { t, user } = useApp();
  const who = useWho();
  const [tick, setTick] = useState(0);
  const roles = user?.roles ?? [];
  const isAdmin = roles.includes('admin');
  // GET /admin/models is for admins, supervisors and leaders; a dispatcher sees settings and accuracy only.
  const seesModels = roles.some((r) => r === 'admin' || r === 'supervisor' || r === 'leader');
  return (
    <div data-testid="smart-intake">
      <PageHeader title={t('intake.title')} onRefresh={() => setTick((x) => x + 1)} readOnly={isAdmin ? null : t('intake.readOnly')} readOnlyTestId="intake-read-only" />
      <Row gutter={[12, 12]} key={tick}>
        <Col xs={24} lg={10}>
          <SettingsCard canEdit={isAdmin} who={who} />
        </Col>
        <Col xs={24} lg={14}>
          <AccuracyCard />
        </Col>
        {seesModels && (
          <Col span={24}>
            <ModelsCard canEdit={isAdmin} who={who} />
          </Col>
        )}
      </Row>
    </div>
  );
}

// The shell shows it only to the roles of route.ts.
export default SmartIntakeView;
