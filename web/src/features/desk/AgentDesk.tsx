import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Empty, Form, Input, List, Radio, Row, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import {
  BulbOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  HistoryOutlined,
  IdcardOutlined,
  PhoneOutlined,
  PlusOutlined,
  ShopOutlined,
  ThunderboltOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { api, ApiError, type NewTicket } from '../../shell/api';
import { useApp } from '../../shell/context';
import { formatDateTime, isPlausiblePhone, shortText } from '../../shell/format';
import { navigate } from '../../shell/router';
import { categoryPath, unitName } from '../../shell/tree';
import { CHANNELS, URGENCIES, type AnalysisForAgent, type Ticket } from '../../shell/types';
import { errorMessage, StatusTag } from '../../shell/components/common';
import { describeError } from '../../shell/errors';
import { CategorySelect, UnitSelect } from '../../shell/components/pickers';
import { agentEdited, chipFill, entityChips, isAutoFilled, NO_AUTO_FILL, planAutoFill, undoAutoFill, type AutoFillField, type AutoFillState, type ChipKind, type EntityChip } from '../intake/assist';

type NextStep = 'register' | 'answer' | 'dispatch';

interface DeskForm {
  phone?: string;
  name?: string;
  channel: string;
  title?: string;
  content?: string;
  address?: string;
  categoryCode?: string;
  urgency: string;
  tags?: string[];
  next: NextStep;
  answer?: string;
  leadUnitId?: string;
}

const INITIAL: DeskForm = { channel: 'phone', urgency: 'normal', next: 'register', tags: [] };

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** `value` after it has been still for `ms`; an empty value at once (a new call empties the form, and the
 *  assistant must not go on analysing the previous caller's text for another half second). */
function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    if (value === '') {
      setV('');
      return;
    }
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  // In the same render, not one later: a render that still passed the previous caller's text on could start an
  // analysis of it on behalf of the new order.
  return value === '' ? '' : v;
}

/** Earlier orders of the caller, fetched as soon as the number looks complete. */
function CallerHistory({ phone, refreshKey }: { phone: string; refreshKey: number }) {
  const { t, lang } = useApp();
  const [state, setState] = useState<{ loading: boolean; items: Ticket[]; total: number; error: unknown }>({ loading: false, items: [], total: 0, error: null });
  useEffect(() => {
    if (!isPlausiblePhone(phone)) {
      setState({ loading: false, items: [], total: 0, error: null });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    api
      .tickets({ phone: phone.replace(/[\s-]/g, ''), pageSize: 10 }, ctl.signal)
      .then((r) => setState({ loading: false, items: r.items, total: r.total, error: null }))
      .catch((e: unknown) => !ctl.signal.aborted && setState({ loading: false, items: [], total: 0, error: e }));
    return () => ctl.abort();
  }, [phone, refreshKey]);

  return (
    <Card
      size="small"
      title={
        <Space>
          <HistoryOutlined />
          {t('desk.callerHistory')}
          {state.total > 0 && <Tag color="blue">{state.total}</Tag>}
        </Space>
      }
      data-testid="caller-history"
    >
      {!isPlausiblePhone(phone) ? (
        <Typography.Text type="secondary">{t('desk.phoneFirst')}</Typography.Text>
      ) : state.loading ? (
        <Spin size="small" />
      ) : state.error ? (
        <Alert type="error" showIcon title={errorMessage(state.error, t('app.error'), lang)} />
      ) : state.items.length === 0 ? (
        <Typography.Text type="secondary">{t('desk.noHistory')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={state.items}
          renderItem={(tk) => (
            <List.Item style={{ padding: '6px 0' }}>
              <div style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <a
                    href={`/tickets/${tk.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      window.open(`/tickets/${tk.id}`, '_blank');
                    }}
                  >
                    {tk.number}
                  </a>
                  <StatusTag status={tk.status} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(tk.receivedAt)}
                  </Typography.Text>
                </Space>
                <div style={{ fontSize: 13 }}>{shortText(tk.title || tk.content, 60)}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const pct = (score: number) => `${Math.round(score * 100)}%`;

interface AssistState {
  result: AnalysisForAgent | null;
  /** False once the server said it has no assistant (404 …): the panel says it is off. */
  available: boolean;
  /** 409: the server has the assistant but its model is still being trained. */
  warming: boolean;
  loading: boolean;
}

/** Asks `POST /assist/analyze` for the (debounced) text. `order` counts the calls taken at this desk: an answer
 *  that arrives after the agent moved on to the next call is dropped, so it can neither show nor fill anything. */
function useAssist(content: string, address: string, phone: string, order: number): AssistState {
  const [state, setState] = useState<AssistState & { order: number }>({ result: null, available: true, warming: false, loading: false, order });
  const orderRef = useRef(order);
  orderRef.current = order;
  // While the model is being trained, ask again a little later.
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    if (!state.warming) return;
    const id = setTimeout(() => setRetry((x) => x + 1), 5000);
    return () => clearTimeout(id);
  }, [state.warming, retry]);
  const { available } = state;
  useEffect(() => {
    const at = orderRef.current;
    if (!available || content.trim().length < 6) {
      setState((s) => ({ ...s, result: null, loading: false, order: at }));
      return;
    }
    const ctl = new AbortController();
    const current = () => !ctl.signal.aborted && orderRef.current === at;
    setState((s) => ({ ...s, loading: true }));
    api
      .assist({ content, ...(address.trim() ? { address: address.trim() } : {}), ...(isPlausiblePhone(phone) ? { callerPhone: phone.replace(/[\s-]/g, '') } : {}) }, ctl.signal)
      .then((r) => {
        if (current()) setState((s) => ({ ...s, result: r, warming: false, loading: false, order: at }));
      })
      .catch((e: unknown) => {
        if (!current()) return;
        const warming = e instanceof ApiError && e.status === 409;
        const off = e instanceof ApiError && [403, 404, 405, 501].includes(e.status);
        setState((s) => ({ ...s, result: null, loading: false, warming: warming || s.warming, available: s.available && !off, order: at }));
      });
    return () => ctl.abort();
  }, [content, address, phone, available, retry]);
  return state.order === order ? state : { ...state, result: null, loading: false };
}

const CHIP_ICONS: Record<ChipKind, ReactNode> = {
  phone: <PhoneOutlined />,
  id: <IdcardOutlined />,
  address: <EnvironmentOutlined />,
  business: <ShopOutlined />,
  date: <CalendarOutlined />,
};

/** An entity the assistant found; the ones that fill a field are buttons. */
function EntityTag({ chip, onUse }: { chip: EntityChip; onUse: (chip: EntityChip) => void }) {
  const { t } = useApp();
  if (!chip.fills) return <Tag icon={CHIP_ICONS[chip.kind]} style={{ marginInlineEnd: 0 }}>{chip.text}</Tag>;
  const title = chip.fills === 'address' ? t('desk.chipFillAddress') : chip.fills === 'phone' ? t('desk.chipFillPhone') : t('desk.chipAddTag');
  const use = () => onUse(chip);
  return (
    <Tooltip title={title}>
      <Tag
        icon={CHIP_ICONS[chip.kind]}
        color="blue"
        role="button"
        tabIndex={0}
        onClick={use}
        onKeyDown={(e: ReactKeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            use();
          }
        }}
        style={{ cursor: 'pointer', whiteSpace: 'normal', marginInlineEnd: 0 }}
        data-testid={`assist-chip-${chip.kind}`}
      >
        {chip.text}
      </Tag>
    </Tooltip>
  );
}

/** What the assistant suggests; a 404 (not installed) or 409 (no model yet) just shows that it is off or warming. */
function AssistPanel({
  assist,
  onCategory,
  onUnit,
  onChip,
}: {
  assist: AssistState;
  onCategory: (code: string) => void;
  onUnit: (id: string) => void;
  onChip: (chip: EntityChip) => void;
}) {
  const { t, categories, lang } = useApp();
  const { result, available, warming, loading } = assist;
  const cats = result?.categories ?? [];
  const unitSugs = result?.units ?? [];
  const chips = result ? entityChips(result) : [];
  const place = [result?.division.areaName, result?.division.streetName].filter(Boolean).join(' ');
  return (
    <Card
      size="small"
      title={
        <Space>
          <BulbOutlined />
          {t('desk.assist')}
          {loading && <Spin size="small" />}
        </Space>
      }
      data-testid="assist-panel"
    >
      {!available ? (
        <Typography.Text type="secondary">{t('desk.assistOff')}</Typography.Text>
      ) : warming && !result ? (
        <Typography.Text type="secondary">{t('desk.assistWarming')}</Typography.Text>
      ) : !result ? (
        <Typography.Text type="secondary">{t('desk.assistEmpty')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={8}>
          {cats.length > 0 && (
            <div>
              <Typography.Text strong>{t('desk.suggestedCategory')}</Typography.Text>
              {cats.slice(0, 3).map((c) => (
                <div key={c.code}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => onCategory(c.code)}
                    style={{ paddingLeft: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                    data-testid="assist-category"
                  >
                    {categoryPath(categories, c.code, lang) || c.path?.map((p) => p.name).join(' / ') || c.name}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {pct(c.score)}
                  </Typography.Text>
                </div>
              ))}
            </div>
          )}
          {unitSugs.length > 0 && (
            <div>
              <Typography.Text strong>{t('desk.suggestedUnit')}</Typography.Text>
              {unitSugs.slice(0, 3).map((u) => (
                <div key={u.unitId}>
                  <Button type="link" size="small" onClick={() => onUnit(u.unitId)} style={{ paddingLeft: 0 }} data-testid="assist-unit">
                    {u.name}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {pct(u.score)}
                  </Typography.Text>
                </div>
              ))}
            </div>
          )}
          {(place || chips.length > 0) && (
            <div data-testid="assist-entities">
              <div>
                <Typography.Text strong>{t('desk.entities')}</Typography.Text>
                {chips.some((c) => c.fills) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                    {t('desk.entitiesHint')}
                  </Typography.Text>
                )}
              </div>
              <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
                {place && (
                  <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
                    {place}
                  </Tag>
                )}
                {chips.map((c, i) => (
                  <EntityTag key={`${c.kind}-${i}`} chip={c} onUse={onChip} />
                ))}
              </div>
            </div>
          )}
          {result.similar.length > 0 && (
            <div data-testid="assist-similar">
              <Typography.Text strong>{t('desk.similar')}</Typography.Text>
              {result.similar.slice(0, 5).map((s) => (
                <div key={s.ticketId} style={{ fontSize: 13 }}>
                  <a href={`/tickets/${s.ticketId}`} target="_blank" rel="noreferrer">
                    {s.number}
                  </a>{' '}
                  <StatusTag status={s.status} /> {shortText(s.title, 36)}
                </div>
              ))}
            </div>
          )}
        </Space>
      )}
    </Card>
  );
}

/** Under a field the assistant filled: a tag saying so, and one click to undo it. */
function AutoFillMark({ field, label, hint, onUndo }: { field: AutoFillField; label: string; hint: string; onUndo: (field: AutoFillField) => void }) {
  const { t } = useApp();
  return (
    <span data-testid={`autofill-${field}`} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, marginTop: 2 }}>
      <Tooltip title={hint}>
        <Tag color="processing" icon={<ThunderboltOutlined />} style={{ marginInlineEnd: 0 }}>
          {label}
        </Tag>
      </Tooltip>
      <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => onUndo(field)} style={{ padding: 0, height: 'auto' }} data-testid={`undo-${field}`}>
        {t('desk.undoAutoFill')}
      </Button>
    </span>
  );
}

export default function AgentDesk() {
  const { t, tv, units, user, lang } = useApp();
  // Only dispatchers may dispatch; an agent passes the order on with a suggested unit as a comment.
  const canDispatch = user?.roles.includes('dispatcher') ?? false;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<DeskForm>();
  const phone = Form.useWatch('phone', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const address = Form.useWatch('address', form) ?? '';
  const next = (Form.useWatch('next', form) ?? 'register') as NextStep;
  const categoryCode = Form.useWatch('categoryCode', form) as string | undefined;
  const { categories } = useApp();
  // A category the centre maps to a unit pre-fills the unit, unless the agent already chose one.
  useEffect(() => {
    const hint = categories.find((c) => c.code === categoryCode)?.unitHint;
    if (next === 'dispatch' && hint && !form.getFieldValue('leadUnitId')) form.setFieldValue('leadUnitId', hint);
  }, [categoryCode, next, categories, form]);
  // Counts the calls taken at this desk: an analysis of the previous call's text that arrives late is dropped.
  const [order, setOrder] = useState(0);
  // What the assistant filled and which fields the agent took over (web/src/assist.ts decides; this only applies).
  // The ref is read when an analysis arrives, so a keystroke just before it counts.
  const autoRef = useRef<AutoFillState>(NO_AUTO_FILL);
  const [auto, setAutoState] = useState<AutoFillState>(NO_AUTO_FILL);
  const setAuto = useCallback((next: AutoFillState) => {
    autoRef.current = next;
    setAutoState(next);
  }, []);
  const debouncedPhone = useDebounced(phone.trim(), 250);
  const debouncedContent = useDebounced(content, 600);
  // The assistant's own fills came out of the content: sent back, they would only ask for the same analysis again.
  const debouncedAddress = useDebounced(isAutoFilled(auto, 'address', address) ? '' : address, 600);
  const assistPhone = isAutoFilled(auto, 'phone', phone) ? '' : debouncedPhone;
  const assist = useAssist(debouncedContent, debouncedAddress, assistPhone, order);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<Ticket[]>([]);
  // Counts registrations so the caller history reloads after each one.
  const [registered, setRegistered] = useState(0);
  const idemKey = useRef(newKey());
  const phoneRef = useRef<HTMLInputElement | null>(null);
  const answerRef = useRef<HTMLTextAreaElement | null>(null);

  const setField = useCallback(
    (field: AutoFillField, value: string) => form.setFieldValue(field, field === 'categoryCode' && !value ? undefined : value),
    [form],
  );
  useEffect(() => {
    const result = assist.result;
    if (!result) return;
    const plan = planAutoFill(result, form.getFieldsValue(['address', 'phone', 'categoryCode']) as Partial<DeskForm>, autoRef.current);
    for (const [field, value] of Object.entries(plan.set) as [AutoFillField, string][]) setField(field, value);
    setAuto(plan.state);
  }, [assist.result, form, setAuto, setField]);
  const undo = useCallback(
    (field: AutoFillField) => {
      const r = undoAutoFill(autoRef.current, field);
      setField(field, r.value);
      setAuto(r.state);
    },
    [setAuto, setField],
  );
  const applyChip = useCallback(
    (chip: EntityChip) => {
      const fill = chipFill(chip, form.getFieldValue('tags') as string[] | undefined);
      if (!fill) return;
      form.setFieldValue(fill.field, fill.value);
      setAuto(agentEdited(autoRef.current, [fill.field]));
    },
    [form, setAuto],
  );
  const mark = (field: AutoFillField, value: string | undefined): ReactNode =>
    isAutoFilled(auto, field, value) ? (
      <AutoFillMark
        field={field}
        label={field === 'categoryCode' && auto.categoryScore !== undefined ? t('desk.autoCategory', { score: pct(auto.categoryScore) }) : t('desk.autoFilled')}
        hint={field === 'categoryCode' ? t('desk.autoCategoryHint') : t('desk.autoFilledHint')}
        onUndo={undo}
      />
    ) : null;

  const reset = useCallback(() => {
    form.resetFields();
    setAuto(NO_AUTO_FILL);
    setOrder((n) => n + 1);
    idemKey.current = newKey();
    setError(null);
    setTimeout(() => phoneRef.current?.focus(), 0);
  }, [form, setAuto]);

  const submit = useCallback(async () => {
    let v: DeskForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    const body: NewTicket = {
      channel: v.channel,
      content: (v.content ?? '').trim(),
      urgency: v.urgency,
    };
    if (v.title?.trim()) body.title = v.title.trim();
    const callerPhone = v.phone?.replace(/[\s-]/g, '');
    if (callerPhone || v.name?.trim()) body.caller = { ...(callerPhone ? { phone: callerPhone } : {}), ...(v.name?.trim() ? { name: v.name.trim() } : {}) };
    if (v.address?.trim()) body.address = v.address.trim();
    if (v.categoryCode) body.categoryCode = v.categoryCode;
    if (v.tags?.length) body.tags = v.tags;
    try {
      let ticket = await api.createTicket(body, idemKey.current);
      idemKey.current = newKey();
      let note = t('desk.registered', { number: ticket.number });
      try {
        if (v.next === 'answer' && v.answer?.trim()) {
          ticket = await api.act(ticket.id, { action: 'answer', expectedVersion: ticket.version, answer: v.answer.trim() });
          note = t('desk.answered', { number: ticket.number });
        } else if (v.next === 'dispatch' && v.leadUnitId && canDispatch) {
          ticket = await api.act(ticket.id, { action: 'dispatch', expectedVersion: ticket.version, leadUnitId: v.leadUnitId });
          note = t('desk.dispatched', { number: ticket.number, unit: unitName(units, v.leadUnitId, lang) });
        } else if (v.next === 'dispatch' && v.leadUnitId) {
          const unit = unitName(units, v.leadUnitId, lang);
          ticket = await api.act(ticket.id, { action: 'comment', expectedVersion: ticket.version, text: t('desk.suggestionComment', { unit }) });
          note = t('desk.suggestedTo', { number: ticket.number, unit });
        }
      } catch (e) {
        // The order exists even if the follow-up failed: say so and keep the number visible.
        message.warning(`${note} · ${errorMessage(e, t('app.error'), lang)}`);
        setRecent((r) => [ticket, ...r].slice(0, 8));
        setRegistered((x) => x + 1);
        reset();
        return;
      }
      message.success(note);
      setRecent((r) => [ticket, ...r].slice(0, 8));
      setRegistered((x) => x + 1);
      reset();
    } catch (e) {
      if (e instanceof ApiError && e.field) {
        const map: Record<string, keyof DeskForm> = { 'caller.phone': 'phone', 'caller.name': 'name', content: 'content', address: 'address', categoryCode: 'categoryCode', title: 'title', tags: 'tags' };
        const name = map[e.field.replace(/^\//, '').replace(/\//g, '.')];
        if (name) form.setFields([{ name, errors: [describeError(lang, e).inline] }]);
        else setError(errorMessage(e, t('app.networkError'), lang));
      } else setError(errorMessage(e, t('app.networkError'), lang));
    } finally {
      setBusy(false);
    }
  }, [form, message, reset, t, units, canDispatch, lang]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        void submit();
      } else if (e.altKey && !e.ctrlKey && (e.code === 'KeyA' || e.code === 'KeyD' || e.code === 'KeyN' || e.code === 'KeyR')) {
        e.preventDefault();
        if (e.code === 'KeyN') reset();
        else if (e.code === 'KeyR') form.setFieldValue('next', 'register');
        else if (e.code === 'KeyA') {
          form.setFieldValue('next', 'answer');
          setTimeout(() => answerRef.current?.focus(), 0);
        } else {
          form.setFieldValue('next', 'dispatch');
          setTimeout(() => (document.getElementById('desk_leadUnitId') as HTMLInputElement | null)?.focus(), 0);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit, reset, form]);

  return (
    <div data-testid="agent-desk">
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('desk.title')}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('desk.shortcuts')}
          </Typography.Text>
          <Button icon={<PlusOutlined />} onClick={reset}>
            {t('desk.newCall')}
          </Button>
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small">
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="desk-error" />}
            <Form<DeskForm>
              form={form}
              name="desk"
              layout="vertical"
              initialValues={INITIAL}
              onFinish={() => void submit()}
              // Only the agent's own input lands here (not setFieldValue): a field they change is theirs.
              onValuesChange={(changed: Partial<DeskForm>) => setAuto(agentEdited(autoRef.current, Object.keys(changed)))}
            >
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="phone"
                    label={t('field.callerPhone')}
                    extra={mark('phone', phone)}
                    rules={[{ validator: (_, v: string | undefined) => (!v || isPlausiblePhone(v) ? Promise.resolve() : Promise.reject(new Error(t('desk.phoneInvalid')))) }]}
                  >
                    <Input
                      ref={(el) => {
                        phoneRef.current = el?.input ?? null;
                      }}
                      name="callerPhone"
                      autoFocus
                      inputMode="tel"
                      maxLength={20}
                      allowClear
                      data-testid="desk-phone"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="name" label={t('field.callerName')}>
                    <Input maxLength={50} data-testid="desk-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="channel" label={t('field.channel')}>
                    {/* open311 orders are registered only by client apps through the Open311 endpoint */}
                    <Select options={CHANNELS.filter((c) => c !== 'open311').map((c) => ({ value: c, label: tv('channel', c) }))} data-testid="desk-channel" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="urgency" label={t('field.urgency')}>
                    <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: tv('urgency', u) }))} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="content" label={t('field.content')} rules={[{ required: true, whitespace: true, message: t('field.contentRequired') }]}>
                    <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} showCount data-testid="desk-content" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="address" label={t('field.address')} extra={mark('address', address)}>
                    <Input maxLength={200} data-testid="desk-address" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="categoryCode" label={t('field.category')} extra={mark('categoryCode', categoryCode)}>
                    <CategorySelect data-testid="desk-category" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="title" label={t('field.title')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="tags" label={t('field.tags')}>
                    <Select mode="tags" placeholder={t('desk.tagsPlaceholder')} tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="next" label={t('desk.nextStep')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'register', label: `${t('desk.justRegister')} (Alt+R)` },
                    { value: 'answer', label: `${t('desk.answerNow')} (Alt+A)` },
                    { value: 'dispatch', label: `${canDispatch ? t('desk.dispatchNow') : t('desk.suggestDispatch')} (Alt+D)` },
                  ]}
                  data-testid="desk-next"
                />
              </Form.Item>
              {next === 'answer' && (
                <Form.Item name="answer" label={t('desk.answerText')} rules={[{ required: true, whitespace: true, message: t('field.required', { field: t('desk.answerText') }) }]}>
                  <Input.TextArea
                    ref={(el) => {
                      answerRef.current = el?.resizableTextArea?.textArea ?? null;
                    }}
                    autoSize={{ minRows: 3, maxRows: 8 }}
                    maxLength={4000}
                    data-testid="desk-answer"
                  />
                </Form.Item>
              )}
              {next === 'dispatch' && (
                <Form.Item
                  name="leadUnitId"
                  label={canDispatch ? t('desk.dispatchTo') : t('desk.suggestUnit')}
                  rules={[{ required: canDispatch, message: t('field.required', { field: t('desk.dispatchTo') }) }]}
                >
                  <UnitSelect data-testid="desk-unit" />
                </Form.Item>
              )}
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={busy} size="large" data-testid="desk-submit">
                  {next === 'answer' ? t('desk.registerAndAnswer') : next === 'dispatch' && canDispatch ? t('desk.registerAndDispatch') : t('desk.register')} (Ctrl+Enter)
                </Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Space orientation="vertical" style={{ width: '100%' }} size={16}>
            <CallerHistory phone={debouncedPhone} refreshKey={registered} />
            <AssistPanel
              assist={assist}
              onCategory={(code) => {
                form.setFieldValue('categoryCode', code);
                setAuto(agentEdited(autoRef.current, ['categoryCode']));
              }}
              onUnit={(id) => {
                form.setFieldValue('next', 'dispatch');
                setTimeout(() => form.setFieldValue('leadUnitId', id), 0);
              }}
              onChip={applyChip}
            />
            <Card size="small" title={t('desk.recent')} data-testid="desk-recent">
              {recent.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('app.empty')} />
              ) : (
                <List
                  size="small"
                  dataSource={recent}
                  renderItem={(tk) => (
                    <List.Item style={{ padding: '4px 0' }}>
                      <Space size={4} wrap>
                        <a
                          href={`/tickets/${tk.id}`}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate(`/tickets/${tk.id}`);
                          }}
                          data-testid="recent-ticket"
                        >
                          {tk.number}
                        </a>
                        <StatusTag status={tk.status} />
                        <span style={{ fontSize: 12 }}>{shortText(tk.content, 20)}</span>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
