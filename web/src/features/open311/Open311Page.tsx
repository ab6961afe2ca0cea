// Open311 接入: the client apps that may file requests through the GeoReport v2 endpoint (keys shown once,
// revocable), each category's service definition (description, notice, private, attributes), and the mode.
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Drawer, Form, Input, Modal, Popconfirm, Radio, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../../shell/api';
import { useApp } from '../../shell/context';
import { formatDateTime } from '../../shell/format';
import { ErrorAlert, errorMessage, PageHeader, PageState, useAsync } from '../../shell/components/common';
import {
  DATATYPES,
  defaultsOf,
  endpointUrls,
  filterServices,
  formFieldOf,
  formValuesOf,
  isListType,
  serviceEditBody,
  type Mode,
  type Open311Client,
  type Service,
  type ServiceFormValues,
} from './open311';
import { open311Api } from './api';

function ClientsTab() {
  const { t, lang } = useApp();
  const { message } = AntApp.useApp();
  const clients = useAsync(() => open311Api.clients(), []);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const c = await open311Api.createClient(name);
      setIssued({ name: c.name, apiKey: c.apiKey });
      setOpen(false);
      setName('');
      clients.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (c: Open311Client) => {
    try {
      await open311Api.revokeClient(c.id);
      message.success(t('open311.revoked', { name: c.name }));
      clients.reload();
    } catch (e) {
      message.error(errorMessage(e, t('app.networkError'), lang));
    }
  };

  return (
    <>
      {issued && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setIssued(null)}
          style={{ marginBottom: 12 }}
          title={t('open311.keyIssued', { name: issued.name })}
          description={
            <Typography.Paragraph copyable={{ text: issued.apiKey }} style={{ margin: 0 }}>
              <Typography.Text code data-testid="open311-new-key">
                {issued.apiKey}
              </Typography.Text>
            </Typography.Paragraph>
          }
          data-testid="open311-key-issued"
        />
      )}
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="open311-new-client">
        {t('open311.newClient')}
      </Button>
      <PageState loading={clients.loading && !clients.data} error={clients.error} onRetry={clients.reload}>
        <Table<Open311Client>
          size="small"
          rowKey="id"
          dataSource={clients.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="open311-clients"
          columns={[
            { title: t('open311.clientName'), dataIndex: 'name' },
            { title: t('open311.keyPrefix'), render: (_, c) => <Typography.Text code>{c.keyPrefix}…</Typography.Text> },
            { title: t('open311.createdAt'), render: (_, c) => formatDateTime(c.createdAt) },
            { title: t('open311.lastUsed'), render: (_, c) => (c.lastUsedAt ? formatDateTime(c.lastUsedAt) : '—') },
            { title: t('open311.requests'), dataIndex: 'requests' },
            {
              title: t('open311.state'),
              render: (_, c) => (c.revokedAt ? <Tag color="default">{t('open311.revokedAt', { at: formatDateTime(c.revokedAt) })}</Tag> : <Tag color="green">{t('open311.active')}</Tag>),
            },
            {
              title: '',
              render: (_, c) =>
                c.revokedAt ? null : (
                  <Popconfirm title={t('open311.revokeConfirm', { name: c.name })} onConfirm={() => revoke(c)} okText={t('open311.revoke')} okButtonProps={{ danger: true }}>
                    <Button size="small" danger data-testid={`open311-revoke-${c.name}`}>
                      {t('open311.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </PageState>
      <Modal open={open} title={t('open311.newClient')} onOk={create} okButtonProps={{ disabled: !name.trim(), loading: busy, ...({ 'data-testid': 'open311-create-client' } as object) }} onCancel={() => setOpen(false)} destroyOnHidden>
        <ErrorAlert error={error} />
        <Form layout="vertical">
          <Form.Item label={t('open311.clientName')} extra={t('open311.clientNameHelp')}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} data-testid="open311-client-name" onPressEnter={() => name.trim() && void create()} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ServiceDrawer({ service, onClose, onSaved }: { service: Service; onClose: () => void; onSaved: (s: Service) => void }) {
  const { t, lang } = useApp();
  const [form] = Form.useForm<ServiceFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const defaults = defaultsOf(service);
  const initial = useMemo(() => formValuesOf(service, defaults), [service]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onSaved(await open311Api.saveService(service.code, serviceEditBody(values, service.version)));
    } catch (e) {
      const field = e instanceof ApiError ? formFieldOf(e.field) : null;
      if (field) (form as FormInstance).setFields([{ name: field, errors: [errorMessage(e, t('app.networkError'), lang, false)] }]);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      size="large"
      title={`${service.code} ${service.name}`}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={save} loading={busy} data-testid="open311-save-service">
          {t('open311.save')}
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{service.path.join(' / ')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="description" label={t('open311.description')} extra={t('open311.defaultIs', { value: defaults.description })}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="open311-description" />
        </Form.Item>
        <Form.Item name="keywords" label={t('open311.keywords')} extra={t('open311.defaultIs', { value: defaults.keywords })}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="serviceNotice" label={t('open311.serviceNotice')} extra={t('open311.serviceNoticeHelp')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="open311-notice" />
        </Form.Item>
        <Form.Item name="private" label={t('open311.private')} valuePropName="checked" extra={t('open311.privateHelp')}>
          <Switch data-testid="open311-private" />
        </Form.Item>
        <Typography.Title level={5}>{t('open311.attributes')}</Typography.Title>
        <Form.List name="attributes">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={t('open311.attributeN', { n: i + 1 })}
                  data-testid={`open311-attribute-${i}`}
                  extra={
                    <Space>
                      <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                        ↑
                      </Button>
                      <Button size="small" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>
                        ↓
                      </Button>
                      <Button size="small" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('open311.removeAttribute')} />
                    </Space>
                  }
                >
                  <Space wrap align="start">
                    <Form.Item name={[f.name, 'code']} label={t('open311.attrCode')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,64}$/, message: t('open311.attrCodeRule') }]}>
                      <Input style={{ width: 160 }} data-testid={`open311-attr-code-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} label={t('open311.attrDescription')} rules={[{ required: true, whitespace: true }]}>
                      <Input style={{ width: 260 }} maxLength={500} data-testid={`open311-attr-description-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'datatype']} label={t('open311.datatype')} rules={[{ required: true }]}>
                      <Select style={{ width: 200 }} options={DATATYPES.map((d) => ({ value: d, label: t(`open311.datatype.${d}`) }))} data-testid={`open311-attr-datatype-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'variable']} label={t('open311.variable')} valuePropName="checked">
                      <Checkbox />
                    </Form.Item>
                    <Form.Item name={[f.name, 'required']} label={t('open311.required')} valuePropName="checked">
                      <Checkbox data-testid={`open311-attr-required-${i}`} />
                    </Form.Item>
                  </Space>
                  <Form.Item name={[f.name, 'datatypeDescription']} label={t('open311.datatypeDescription')}>
                    <Input maxLength={500} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      isListType(form.getFieldValue(['attributes', f.name, 'datatype'])) ? (
                        <Form.List
                          name={[f.name, 'values']}
                          rules={[
                            {
                              validator: async (_, v: unknown[] | undefined) => {
                                if (!v?.length) throw new Error(t('open311.needValue'));
                              },
                            },
                          ]}
                        >
                          {(vals, ops, { errors }) => (
                            <div>
                              <Typography.Text>{t('open311.values')}</Typography.Text>
                              {vals.map((v, j) => (
                                <Space key={v.key} align="baseline" style={{ display: 'flex' }}>
                                  <Form.Item name={[v.name, 'key']} rules={[{ required: true, whitespace: true }]}>
                                    <Input placeholder={t('open311.valueKey')} style={{ width: 140 }} data-testid={`open311-value-key-${i}-${j}`} />
                                  </Form.Item>
                                  <Form.Item name={[v.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                                    <Input placeholder={t('open311.valueName')} style={{ width: 200 }} data-testid={`open311-value-name-${i}-${j}`} />
                                  </Form.Item>
                                  <MinusCircleOutlined onClick={() => ops.remove(v.name)} />
                                </Space>
                              ))}
                              <Form.ErrorList errors={errors} />
                              <Button size="small" icon={<PlusOutlined />} onClick={() => ops.add({ key: '', name: '' })} data-testid={`open311-add-value-${i}`}>
                                {t('open311.addValue')}
                              </Button>
                            </div>
                          )}
                        </Form.List>
                      ) : null
                    }
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ code: '', description: '', datatype: 'string', required: false, variable: true, datatypeDescription: '', values: [] })} data-testid="open311-add-attribute">
                {t('open311.addAttribute')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

function ServicesTab() {
  const { t } = useApp();
  const { message } = AntApp.useApp();
  const services = useAsync(() => open311Api.services(), []);
  const [q, setQ] = useState('');
  const [onlyPrivate, setOnlyPrivate] = useState(false);
  const [onlyAttributes, setOnlyAttributes] = useState(false);
  const [editing, setEditing] = useState<Service | null>(null);
  const rows = useMemo(() => filterServices(services.data?.items ?? [], q, onlyPrivate, onlyAttributes), [services.data, q, onlyPrivate, onlyAttributes]);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('open311.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 260 }} data-testid="open311-search" />
        <Checkbox checked={onlyPrivate} onChange={(e) => setOnlyPrivate(e.target.checked)}>
          {t('open311.onlyPrivate')}
        </Checkbox>
        <Checkbox checked={onlyAttributes} onChange={(e) => setOnlyAttributes(e.target.checked)}>
          {t('open311.onlyAttributes')}
        </Checkbox>
      </Space>
      <PageState loading={services.loading && !services.data} error={services.error} onRetry={services.reload}>
        <Table<Service>
          size="small"
          rowKey="code"
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          data-testid="open311-services"
          columns={[
            { title: 'service_code', dataIndex: 'code' },
            { title: t('open311.serviceName'), dataIndex: 'name' },
            { title: 'group', dataIndex: 'group' },
            { title: t('open311.description'), dataIndex: 'description', ellipsis: true, width: 320 },
            { title: t('open311.attributes'), render: (_, s) => s.attributes.length || '—' },
            { title: t('open311.private'), render: (_, s) => (s.private ? <Tag color="purple">{t('open311.privateTag')}</Tag> : null) },
            { title: t('open311.version'), render: (_, s) => (s.version ? `v${s.version}` : t('open311.defaults')) },
            {
              title: '',
              render: (_, s) => (
                <Button size="small" onClick={() => setEditing(s)} data-testid={`open311-edit-${s.code}`}>
                  {t('open311.edit')}
                </Button>
              ),
            },
          ]}
        />
      </PageState>
      {editing && (
        <ServiceDrawer
          service={editing}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            message.success(t('open311.saved', { code: s.code }));
            setEditing(null);
            services.setData({ items: (services.data?.items ?? []).map((x) => (x.code === s.code ? s : x)) });
          }}
        />
      )}
    </>
  );
}

function SettingsTab() {
  const { t, lang } = useApp();
  const { message } = AntApp.useApp();
  const settings = useAsync(() => open311Api.settings(), []);
  const urls = endpointUrls(window.location.origin);
  const change = async (mode: Mode) => {
    try {
      settings.setData(await open311Api.setMode(mode));
      message.success(t('open311.modeSaved'));
    } catch (e) {
      message.error(errorMessage(e, t('app.networkError'), lang));
    }
  };
  return (
    <PageState loading={settings.loading && !settings.data} error={settings.error} onRetry={settings.reload}>
      {settings.data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('open311.endpoint')}>
            <Typography.Paragraph copyable>{urls.endpoint}</Typography.Paragraph>
            <Typography.Paragraph copyable>{urls.discovery}</Typography.Paragraph>
            <Typography.Text type="secondary">
              jurisdiction_id: <Typography.Text code>{settings.data.jurisdictionId}</Typography.Text>
            </Typography.Text>
          </Card>
          <Card size="small" title={t('open311.mode')}>
            <Radio.Group value={settings.data.mode} onChange={(e) => void change(e.target.value as Mode)} data-testid="open311-mode">
              <Space direction="vertical">
                <Radio value="realtime">{t('open311.mode.realtime')}</Radio>
                <Radio value="batch">{t('open311.mode.batch')}</Radio>
              </Space>
            </Radio.Group>
          </Card>
        </Space>
      )}
    </PageState>
  );
}

export default function Open311Page() {
  const { t } = useApp();
  const [tick, setTick] = useState(0);
  return (
    <div data-testid="open311-page">
      <PageHeader title={t('open311.title')} onRefresh={() => setTick((x) => x + 1)} />
      <Typography.Paragraph type="secondary">{t('open311.intro')}</Typography.Paragraph>
      <Tabs
        key={tick}
        items={[
          { key: 'clients', label: t('open311.tab.clients'), children: <ClientsTab /> },
          { key: 'services', label: t('open311.tab.services'), children: <ServicesTab /> },
          { key: 'settings', label: t('open311.tab.settings'), children: <SettingsTab /> },
        ]}
      />
    </div>
  );
}
