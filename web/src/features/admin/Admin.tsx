import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Drawer, Form, Grid, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../shell/api';
import { useApp } from '../../shell/context';
import type { MessageKey } from '../../shell/i18n';
import { categoryTree, unitName, unitTree, type TreeNode } from '../../shell/tree';
import { ROLES, UNIT_KINDS, type AuditEntry, type Unit, type User } from '../../shell/types';
import { applyFieldError, ErrorAlert, errorMessage, PageState, useAsync } from '../../shell/components/common';
import { auditChanges, selfLockout, userChanges, type AuditedUserField, type UserEditValues } from './accounts';
import { formatDateTime } from '../../shell/format';
import { UnitSelect } from '../../shell/components/pickers';

function UnitsTab() {
  const { t, tv, units, reloadRefs, lang } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
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
      if (!applyFieldError(e, form, ['name', 'kind', 'parentId', 'divisionCode'], lang)) setError(e);
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
        <ErrorAlert error={error} />
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
  const { t, units, lang, user: me } = useApp();
  const { message } = AntApp.useApp();
  const state = useAsync(() => api.users(), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [auditOf, setAuditOf] = useState<User | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const users = state.data?.items ?? [];
  const replace = (u: User) => state.setData({ items: users.map((x) => (x.id === u.id ? u : x)) });

  const setActive = async (u: User, active: boolean) => {
    const problem = selfLockout(me, u, { active });
    if (problem) {
      message.error(t(problem.message));
      return;
    }
    setBusyId(u.id);
    try {
      replace(await api.updateUser(u.id, { active }));
      message.success(t(active ? 'user.enabledDone' : 'user.disabledDone', { name: u.displayName }));
    } catch (e) {
      message.error(errorMessage(e, t('app.networkError'), lang));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 12 }} data-testid="new-user">
        {t('admin.newUser')}
      </Button>
      <PageState loading={state.loading} error={state.error} onRetry={state.reload} empty={state.data?.items.length === 0}>
        <Table<User>
          size="small"
          rowKey="id"
          dataSource={users}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, size: 'small' }}
          columns={[
            { title: t('admin.username'), dataIndex: 'username', render: (v: string, r) => (r.id === me?.id ? `${v}${t('user.self')}` : v) },
            { title: t('admin.displayName'), dataIndex: 'displayName' },
            { title: t('admin.roles'), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{t(`role.${r}` as MessageKey)}</Tag>) },
            { title: t('admin.unit'), dataIndex: 'unitId', render: (id: string | null, r) => (lang === 'en' ? unitName(units, id, lang) : (r.unitName ?? unitName(units, id))) },
            {
              title: t('user.status'),
              render: (_, r) => (
                <Tag color={r.active === false ? 'default' : 'green'} data-testid={`user-status-${r.username}`} data-active={String(r.active !== false)}>
                  {t(r.active === false ? 'user.disabled' : 'user.active')}
                </Tag>
              ),
            },
            {
              title: t('app.actions'),
              render: (_, r) => {
                const self = r.id === me?.id;
                const active = r.active !== false;
                return (
                  <Space size={4} wrap>
                    <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`user-edit-${r.username}`}>
                      {t('user.edit')}
                    </Button>
                    <Popconfirm
                      title={t(active ? 'user.disableConfirm' : 'user.enableConfirm', { name: r.displayName })}
                      okText={t(active ? 'user.disable' : 'user.enable')}
                      cancelText={t('app.cancel')}
                      okButtonProps={{ danger: active, ...({ 'data-testid': 'user-toggle-confirm' } as object) }}
                      onConfirm={() => setActive(r, !active)}
                      disabled={self && active}
                    >
                      <Button
                        size="small"
                        type="link"
                        danger={active}
                        disabled={self && active}
                        title={self && active ? t('user.selfDisable') : undefined}
                        loading={busyId === r.id}
                        data-testid={`user-toggle-${r.username}`}
                      >
                        {t(active ? 'user.disable' : 'user.enable')}
                      </Button>
                    </Popconfirm>
                    <Button size="small" type="link" onClick={() => setResetting(r)} data-testid={`user-reset-${r.username}`}>
                      {t('user.resetPassword')}
                    </Button>
                    <Button size="small" type="link" onClick={() => setAuditOf(r)} data-testid={`user-audit-${r.username}`}>
                      {t('user.audit')}
                    </Button>
                  </Space>
                );
              },
            },
          ]}
        />
      </PageState>
      {creating && (
        <NewUserModal
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            state.reload();
          }}
        />
      )}
      {editing && (
        <EditUserModal
          target={editing}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            setEditing(null);
            replace(u);
          }}
        />
      )}
      {resetting && <ResetPasswordModal target={resetting} onClose={() => setResetting(null)} />}
      {auditOf && <UserAuditDrawer target={auditOf} users={users} onClose={() => setAuditOf(null)} />}
    </>
  );
}

function NewUserModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t, lang } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
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
      onCreated();
    } catch (e) {
      if (!applyFieldError(e, form, ['username', 'password', 'displayName', 'roles', 'unitId'], lang)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('admin.newUser')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('app.submit')} cancelText={t('app.cancel')} destroyOnHidden>
      <ErrorAlert error={error} />
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
  );
}

function EditUserModal({ target, onClose, onSaved }: { target: User; onClose: () => void; onSaved: (u: User) => void }) {
  const { t, lang, user: me } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<UserEditValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const roles = Form.useWatch('roles', form);
  const needsUnit = roles?.includes('unit_handler') ?? false;

  const submit = async () => {
    const v = await form.validateFields();
    const changes = userChanges(target, v);
    if (Object.keys(changes).length === 0) return onClose();
    const problem = selfLockout(me, target, changes);
    if (problem) {
      form.setFields([{ name: problem.field === 'active' ? 'roles' : problem.field, errors: [t(problem.message)] }]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await api.updateUser(target.id, changes);
      message.success(t('user.updated'));
      onSaved(updated);
    } catch (e) {
      if (!applyFieldError(e, form, ['displayName', 'roles', 'unitId'], lang)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('user.editTitle', { name: target.username })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('app.submit')}
      cancelText={t('app.cancel')}
      destroyOnHidden
      okButtonProps={{ ...({ 'data-testid': 'user-edit-submit' } as object) }}
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ displayName: target.displayName, roles: target.roles, unitId: target.unitId ?? undefined }} data-testid="user-edit-form">
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('admin.unit')} rules={[{ required: needsUnit }]}>
          <UnitSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ target, onClose }: { target: User; onClose: () => void }) {
  const { t, lang } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.updateUser(target.id, { password: v.password });
      message.success(t('user.resetDone', { name: target.displayName }));
      onClose();
    } catch (e) {
      if (!applyFieldError(e, form, ['password'], lang)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('user.resetTitle', { name: target.username })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('user.resetPassword')}
      cancelText={t('app.cancel')}
      destroyOnHidden
      okButtonProps={{ danger: true, ...({ 'data-testid': 'user-reset-submit' } as object) }}
    >
      <Alert type="info" showIcon title={t('user.resetHint')} style={{ marginBottom: 12 }} />
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" data-testid="user-reset-form">
        <Form.Item name="password" label={t('user.newPassword')} rules={[{ required: true }, { min: 8, message: t('admin.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('user.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('user.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Who did what to an account, newest first, with the fields each change touched. */
function UserAuditDrawer({ target, users, onClose }: { target: User; users: User[]; onClose: () => void }) {
  const { t, tv, lang, units } = useApp();
  const screens = Grid.useBreakpoint();
  const state = useAsync(() => api.audit('user', target.id), [target.id]);
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.displayName])), [users]);
  const entries = useMemo(() => [...(state.data?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at)), [state.data]);
  const fieldLabels: Record<AuditedUserField, MessageKey> = { displayName: 'admin.displayName', roles: 'admin.roles', unitId: 'admin.unit', active: 'user.status' };
  const show = (field: AuditedUserField, v: unknown): string => {
    if (v === undefined || v === null || v === '') return t('app.none');
    if (field === 'roles' && Array.isArray(v)) return v.map((r) => tv('role', String(r))).join(lang === 'zh' ? '、' : ', ');
    if (field === 'unitId') return unitName(units, String(v), lang) || String(v);
    if (field === 'active') return t(v ? 'user.active' : 'user.disabled');
    return String(v);
  };
  const changes = (e: AuditEntry) =>
    auditChanges(e.fromState, e.toState).map((c) => (
      <div key={c.field}>
        {t(fieldLabels[c.field])}
        {lang === 'zh' ? '：' : ': '}
        {c.before === undefined ? '' : `${show(c.field, c.before)} → `}
        {show(c.field, c.after)}
      </div>
    ));
  return (
    <Drawer open onClose={onClose} size={screens.md ? 720 : '100%'} title={t('user.auditTitle', { name: `${target.displayName}（${target.username}）` })} destroyOnHidden>
      <div data-testid="user-audit">
        <PageState loading={state.loading} error={state.error} onRetry={state.reload} empty={entries.length === 0}>
          <Table<AuditEntry>
            size="small"
            rowKey={(e) => `${e.at}-${e.action}`}
            dataSource={entries}
            pagination={{ pageSize: 20, size: 'small' }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('user.auditAt'), dataIndex: 'at', render: (v: string) => formatDateTime(v, true) },
              { title: t('user.auditActor'), dataIndex: 'actorId', render: (id: string | null) => (id ? (names.get(id) ?? id) : t('user.auditSystem')) },
              { title: t('user.auditAction'), dataIndex: 'action', render: (a: string) => <Tag data-testid="audit-action">{tv('audit', a)}</Tag> },
              { title: t('user.auditChanges'), render: (_, e) => changes(e) },
            ]}
          />
        </PageState>
      </div>
    </Drawer>
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
