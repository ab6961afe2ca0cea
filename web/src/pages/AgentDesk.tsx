import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Empty, Form, Input, List, Radio, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { BulbOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { api, ApiError, type NewTicket } from '../api';
import { useApp } from '../context';
import { formatDateTime, isPlausiblePhone, shortText } from '../format';
import { navigate } from '../router';
import { categoryPath, unitName } from '../tree';
import { CHANNELS, URGENCIES, type AssistResult, type Ticket } from '../types';
import { errorMessage, StatusTag } from '../components/common';
import { describeError } from '../errors';
import { CategorySelect, UnitSelect } from '../components/pickers';
import { entityChips } from '../assist';

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

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
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

/** Suggestions from the assist API, if the server has it; a 404 (not installed) or 409 (no model yet) just
 *  shows that the assistant is off. */
function AssistPanel({
  content,
  address,
  phone,
  onCategory,
  onUnit,
}: {
  content: string;
  address: string;
  phone: string;
  onCategory: (code: string) => void;
  onUnit: (id: string) => void;
}) {
  const { t, categories, lang } = useApp();
  const [result, setResult] = useState<AssistResult | null>(null);
  const [available, setAvailable] = useState(true);
  // 409: the server has the assistant but its model is still being trained; ask again a little later.
  const [warming, setWarming] = useState(false);
  const [retry, setRetry] = useState(0);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!warming) return;
    const id = setTimeout(() => setRetry((x) => x + 1), 5000);
    return () => clearTimeout(id);
  }, [warming, retry]);
  useEffect(() => {
    if (!available || content.trim().length < 6) {
      setResult(null);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    api
      .assist({ content, ...(address.trim() ? { address: address.trim() } : {}), ...(isPlausiblePhone(phone) ? { callerPhone: phone.replace(/[\s-]/g, '') } : {}) }, ctl.signal)
      .then((r) => {
        setResult(r);
        setWarming(false);
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 409) setWarming(true);
        else if (e instanceof ApiError && [403, 404, 405, 501].includes(e.status)) setAvailable(false);
        if (!ctl.signal.aborted) setResult(null);
      })
      .finally(() => !ctl.signal.aborted && setLoading(false));
    return () => ctl.abort();
  }, [content, address, phone, available, retry]);

  const cats = result?.categories ?? [];
  const unitSugs = result?.units ?? [];
  const chips = result ? entityChips(result) : [];
  const place = [result?.division?.areaName, result?.division?.streetName].filter(Boolean).join(' ');
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
            <div>
              <Typography.Text strong>{t('desk.entities')} </Typography.Text>
              {place && <Tag color="geekblue">{place}</Tag>}
              {chips.map((c, i) => (
                <Tag key={`${c.kind}-${i}`}>{c.text}</Tag>
              ))}
            </div>
          )}
          {result.similar && result.similar.length > 0 && (
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
  const debouncedPhone = useDebounced(phone.trim(), 250);
  const debouncedContent = useDebounced(content, 600);
  const debouncedAddress = useDebounced(address, 600);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<Ticket[]>([]);
  // Counts registrations so the caller history reloads after each one.
  const [registered, setRegistered] = useState(0);
  const idemKey = useRef(newKey());
  const phoneRef = useRef<HTMLInputElement | null>(null);
  const answerRef = useRef<HTMLTextAreaElement | null>(null);

  const reset = useCallback(() => {
    form.resetFields();
    idemKey.current = newKey();
    setError(null);
    setTimeout(() => phoneRef.current?.focus(), 0);
  }, [form]);

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
            <Form<DeskForm> form={form} name="desk" layout="vertical" initialValues={INITIAL} onFinish={() => void submit()}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="phone"
                    label={t('field.callerPhone')}
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
                    <Select options={CHANNELS.map((c) => ({ value: c, label: tv('channel', c) }))} data-testid="desk-channel" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="urgency" label={t('field.urgency')}>
                    <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: tv('urgency', u) }))} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="content" label={t('field.content')} rules={[{ required: true, whitespace: true, message: t('desk.contentRequired') }]}>
                    <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} showCount data-testid="desk-content" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="address" label={t('field.address')}>
                    <Input maxLength={200} data-testid="desk-address" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="categoryCode" label={t('field.category')}>
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
                <Form.Item name="answer" label={t('desk.answerText')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('desk.answerText') }) }]}>
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
                  rules={[{ required: canDispatch, message: t('form.required', { field: t('desk.dispatchTo') }) }]}
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
              content={debouncedContent}
              address={debouncedAddress}
              phone={debouncedPhone}
              onCategory={(code) => form.setFieldValue('categoryCode', code)}
              onUnit={(id) => {
                form.setFieldValue('next', 'dispatch');
                setTimeout(() => form.setFieldValue('leadUnitId', id), 0);
              }}
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
