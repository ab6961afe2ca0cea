import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';
import { categoryTree, unitName, unitTree, type TreeNode } from '../tree';
import { ROLES, UNIT_KINDS, type Unit, type User } from '../types';
import { errorMessage, PageState, useAsync } from '../components/common';
import { UnitSelect } from '../components/pickers';

/** Puts an API validation error next to its field, or returns it for a banner. */
function applyApiError(e: unknown, form: { setFields: (f: { name: string; errors: string[] }[]) => void }, fields: string[]): string | null {
  if (e instanceof ApiError && e.field) {
    const name = e.field.replace(/^\//, '').split(/[./]/)[0] ?? '';
    if (fields.includes(name)) {
      form.setFields([{ name, errors: [e.message] }]);
      return null;
    }
  }
  return errorMessage(e, 'error');
}

function UnitsTab() {
  const { t, tv, units, reloadRefs, lang } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  type Row = Omit<TreeNode, 'children'> & { key: string; unit?: Unit | undefined; children?: Row[] };
  const rows = useMemo(() => {
    const conv = ({ children, ...n }: TreeNode): Row => ({ ...n, key: n.value, unit: byId.get(n.value), ...(children ? { children: children.map(conv) } : {}) });
    return unitTree(units, lang).map(conv);
  }, [units, byId, lang]);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.createUnit({ name: v.name.trim(), kind: v.kind, parentId: v.parentId ?? null, divisionCode: v.divisionCode?.trim() || null });
      message.success(t('admin.created'));
      setOpen(false);
      form.resetFields();
      reloadRefs();
    } catch (e) {
      setError(applyApiError(e, form, ['name', 'kind', 'parentId', 'divisionCode']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="new-unit">
        {t('admin.newUnit')}
      </Button>
      <Table<Row>
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('admin.name'), dataIndex: 'title' },
          { title: t('admin.kind'), render: (_, r) => (r.unit ? <Tag>{tv('unitKind', r.unit.kind)}</Tag> : null) },
          { title: t('admin.divisionCode'), render: (_, r) => r.unit?.divisionCode ?? '' },
        ]}
        expandable={{ defaultExpandAllRows: false }}
        locale={{ emptyText: t('app.empty') }}
      />
      <Modal open={open} title={t('admin.newUnit')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ kind: 'street' }}>
          <Form.Item name="name" label={t('admin.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('admin.kind')} rules={[{ required: true }]}>
            <Select options={UNIT_KINDS.map((k) => ({ value: k, label: tv('unitKind', k) }))} />
          </Form.Item>
          <Form.Item name="parentId" label={t('admin.parent')}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="divisionCode" label={t('admin.divisionCode')} rules={[{ pattern: /^(\d{6}|\d{9}|\d{12})$/, message: t('admin.divisionRule') }]}>
            <Input inputMode="numeric" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function UsersTab() {
  const { t, units, lang } = useApp();
  const { message } = AntApp.useApp();
  const state = useAsync(() => api.users(), []);
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roles = Form.useWatch('roles', form) as string[] | undefined;
  const needsUnit = roles?.includes('unit_handler') ?? false;

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.createUser({ username: v.username.trim(), password: v.password, displayName: v.displayName.trim(), roles: v.roles, unitId: v.unitId ?? null });
      message.success(t('admin.created'));
      setOpen(false);
      form.resetFields();
      state.reload();
    } catch (e) {
      setError(applyApiError(e, form, ['username', 'password', 'displayName', 'roles', 'unitId']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="new-user">
        {t('admin.newUser')}
      </Button>
      <PageState loading={state.loading} error={state.error} onRetry={state.reload} empty={state.data?.items.length === 0}>
        <Table<User>
          size="small"
          rowKey="id"
          dataSource={state.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, size: 'small' }}
          columns={[
            { title: t('admin.username'), dataIndex: 'username' },
            { title: t('admin.displayName'), dataIndex: 'displayName' },
            { title: t('admin.roles'), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{t(`role.${r}` as MessageKey)}</Tag>) },
            { title: t('admin.unit'), dataIndex: 'unitId', render: (id: string | null, r) => (lang === 'en' ? unitName(units, id, lang) : (r.unitName ?? unitName(units, id))) },
          ]}
        />
      </PageState>
      <Modal open={open} title={t('admin.newUser')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ roles: ['agent'] }}>
          <Form.Item name="username" label={t('admin.username')} rules={[{ required: true }, { pattern: /^[A-Za-z0-9._-]{3,32}$/, message: t('admin.usernameRule') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('admin.password')} rules={[{ required: true }, { min: 8, message: t('admin.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="unitId" label={t('admin.unit')} rules={[{ required: needsUnit }]}>
            <UnitSelect />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function CategoriesTab() {
  const { t, categories, lang } = useApp();
  type Row = Omit<TreeNode, 'children'> & { key: string; children?: Row[] };
  const rows = useMemo(() => {
    const conv = ({ children, ...n }: TreeNode): Row => ({ ...n, key: n.value, ...(children ? { children: children.map(conv) } : {}) });
    return categoryTree(categories, lang).map(conv);
  }, [categories, lang]);
  const byCode = useMemo(() => new Map(categories.map((c) => [c.code, c])), [categories]);
  return (
    <Table<Row>
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('admin.name'), dataIndex: 'title' },
        { title: t('admin.code'), dataIndex: 'value' },
        { title: t('admin.nameEn'), render: (_, r) => byCode.get(r.value)?.nameEn ?? '' },
        { title: t('admin.level'), render: (_, r) => byCode.get(r.value)?.level ?? '' },
      ]}
      locale={{ emptyText: t('app.empty') }}
    />
  );
}

export default function Admin() {
  const { t, refsError, reloadRefs } = useApp();
  return (
    <div data-testid="admin">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      {refsError && (
        <Alert
          type="error"
          showIcon
          title={t('app.error')}
          action={
            <Button size="small" onClick={reloadRefs}>
              {t('app.retry')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Card size="small">
        <Tabs
          items={[
            { key: 'units', label: t('admin.units'), children: <UnitsTab /> },
            { key: 'users', label: t('admin.users'), children: <UsersTab /> },
            { key: 'categories', label: t('admin.categories'), children: <CategoriesTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
