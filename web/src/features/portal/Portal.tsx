import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Result, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { AimOutlined, GlobalOutlined, LoginOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../shell/api';
import { useApp } from '../../shell/context';
import { formatDateTime, isMobile } from '../../shell/format';
import { navigate } from '../../shell/router';
import { SATISFACTIONS, type PublicTicketView } from '../../shell/types';
import { errorMessage, StatusTag } from '../../shell/components/common';
import { describeError } from '../../shell/errors';
import { AttachmentUpload } from '../tickets/AttachmentUpload';

const MAX_PHOTOS = 4;

function SubmitForm({ onSubmitted }: { onSubmitted: (number: string, phone: string) => void }) {
  const { t, lang } = useApp();
  const [form] = Form.useForm();
  const [location, setLocation] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [locError, setLocError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per filled-in form, so a double tap or a retry after a timeout files one request, not two.
  const [idemKey, setIdemKey] = useState(() => crypto.randomUUID?.() ?? String(Date.now()));

  const locate = () => {
    if (!navigator.geolocation) {
      setLocError(true);
      return;
    }
    setLocating(true);
    setLocError(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocation({ lat: Number(pos.coords.latitude.toFixed(6)), lng: Number(pos.coords.longitude.toFixed(6)) });
        setLocating(false);
      },
      () => {
        setLocError(true);
        setLocating(false);
      },
      { timeout: 10_000, maximumAge: 60_000 },
    );
  };

  const submit = async (v: { name?: string; phone: string; title?: string; content: string; address?: string; attachmentIds?: string[] }) => {
    setBusy(true);
    setError(null);
    try {
      const phone = v.phone.replace(/[\s-]/g, '');
      const r = await api.publicSubmit({
        content: v.content.trim(),
        caller: { phone, ...(v.name?.trim() ? { name: v.name.trim() } : {}) },
        ...(v.title?.trim() ? { title: v.title.trim() } : {}),
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
        ...(location ? { location } : {}),
        ...(v.attachmentIds?.length ? { attachmentIds: v.attachmentIds } : {}),
      }, idemKey);
      setIdemKey(crypto.randomUUID?.() ?? String(Date.now()));
      form.resetFields();
      setLocation(null);
      onSubmitted(r.number, phone);
    } catch (e) {
      if (e instanceof ApiError && e.field) {
        const f = e.field.replace(/^\//, '').replace(/\//g, '.');
        const name = f === 'caller.phone' ? 'phone' : f === 'caller.name' ? 'name' : f;
        if (['phone', 'name', 'content', 'title', 'address'].includes(name)) form.setFields([{ name, errors: [describeError(lang, e).inline] }]);
        else setError(errorMessage(e, t('app.networkError'), lang));
      } else setError(errorMessage(e, t('app.networkError'), lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="portal-submit-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="content" label={t('portal.content')} rules={[{ required: true, whitespace: true, message: t('field.contentRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={2000} showCount name="content" />
      </Form.Item>
      <Form.Item name="phone" label={t('portal.phone')} rules={[{ required: true, message: t('portal.phoneRule') }, { validator: (_, v: string) => (!v || isMobile(v) ? Promise.resolve() : Promise.reject(new Error(t('portal.phoneRule')))) }]}>
        <Input inputMode="tel" maxLength={13} name="phone" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="name" label={t('portal.name')}>
        <Input maxLength={50} name="name" autoComplete="name" />
      </Form.Item>
      <Form.Item name="title" label={t('portal.title.field')}>
        <Input maxLength={100} name="title" />
      </Form.Item>
      <Form.Item name="address" label={t('portal.address')}>
        <Input maxLength={200} name="address" />
      </Form.Item>
      <Form.Item>
        <Space wrap>
          <Button icon={<AimOutlined />} onClick={locate} loading={locating} data-testid="portal-locate">
            {t('portal.locate')}
          </Button>
          {location && <Tag color="green">{t('portal.located', { lat: location.lat, lng: location.lng })}</Tag>}
          {locError && <Typography.Text type="warning">{t('portal.locateFailed')}</Typography.Text>}
        </Space>
      </Form.Item>
      <Form.Item name="attachmentIds" label={t('portal.photos', { max: MAX_PHOTOS })}>
        <AttachmentUpload anonymous max={MAX_PHOTOS} accept="image/*" listType="picture-card" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="portal-submit">
        {t('portal.submit')}
      </Button>
    </Form>
  );
}

function RatingForm({ number, phone, onRated }: { number: string; phone: string; onRated: () => void }) {
  const { t, tv, lang } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Form
      layout="vertical"
      data-testid="portal-rating"
      onFinish={async (v: { satisfaction: string; comment?: string }) => {
        setBusy(true);
        setError(null);
        try {
          await api.publicRate(number, { phone, satisfaction: v.satisfaction, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) });
          onRated();
        } catch (e) {
          setError(errorMessage(e, t('app.networkError'), lang));
        } finally {
          setBusy(false);
        }
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="satisfaction" label={t('portal.rate')} rules={[{ required: true, message: t('field.required', { field: t('field.satisfaction') }) }]}>
        <Radio.Group optionType="button" buttonStyle="solid">
          {SATISFACTIONS.map((s) => (
            <Radio.Button key={s} value={s}>
              <span data-testid={`rate-${s}`}>{tv('satisfaction', s)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="comment" label={t('portal.comment')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="portal-rate-submit">
        {t('app.submit')}
      </Button>
    </Form>
  );
}

function TrackPanel({ initialNumber, initialPhone }: { initialNumber: string; initialPhone: string }) {
  const { t, tv, lang } = useApp();
  const [view, setView] = useState<PublicTicketView | null>(null);
  const [query, setQuery] = useState<{ number: string; phone: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rated, setRated] = useState(false);

  const track = async (number: string, phone: string) => {
    setBusy(true);
    setError(null);
    try {
      const v = await api.publicTrack(number.trim(), phone.replace(/[\s-]/g, ''));
      setView(v);
      setQuery({ number: number.trim(), phone: phone.replace(/[\s-]/g, '') });
    } catch (e) {
      setView(null);
      setError(e instanceof ApiError && (e.status === 404 || e.status === 403) ? t('portal.notFound') : errorMessage(e, t('app.networkError'), lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Form
        layout="vertical"
        initialValues={{ number: initialNumber, phone: initialPhone }}
        onFinish={(v: { number: string; phone: string }) => void track(v.number, v.phone)}
        data-testid="portal-track-form"
      >
        <Form.Item name="number" label={t('portal.number')} rules={[{ required: true, pattern: /^\s*[0-9]{8,20}\s*$/, message: t('portal.notFound') }]}>
          <Input name="number" />
        </Form.Item>
        <Form.Item name="phone" label={t('portal.phone')} rules={[{ required: true, message: t('portal.phoneRule') }]}>
          <Input name="phone" inputMode="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="portal-track">
          {t('portal.track')}
        </Button>
      </Form>
      {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 16 }} data-testid="portal-track-error" />}
      {view && (
        <Card size="small" style={{ marginTop: 16 }} data-testid="portal-view">
          <Space wrap>
            <Typography.Text strong>{view.number}</Typography.Text>
            <StatusTag status={view.status} />
          </Space>
          <div style={{ color: '#888', fontSize: 12 }}>{formatDateTime(view.createdAt)}</div>
          {view.title && !view.content.startsWith(view.title) && <Typography.Title level={5}>{view.title}</Typography.Title>}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{view.content}</Typography.Paragraph>
          <Card size="small" type="inner" title={t('portal.reply')}>
            {view.answer && !view.reply ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="portal-reply">
                {view.answer}
              </Typography.Paragraph>
            ) : view.reply ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="portal-reply">
                {view.reply.text}
              </Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">{t('portal.noReply')}</Typography.Text>
            )}
          </Card>
          {view.timeline.length > 0 && (
            <Steps
              orientation="vertical"
              size="small"
              style={{ marginTop: 16 }}
              items={view.timeline.map((e) => ({ title: tv('event', e.type), content: formatDateTime(e.at), status: 'finish' as const }))}
            />
          )}
          {view.satisfaction && (
            <Alert type="success" title={`${t('portal.yourRating')}: ${tv('satisfaction', view.satisfaction)}`} style={{ marginTop: 12 }} />
          )}
          {rated ? (
            <Alert type="success" showIcon title={t('portal.rated')} style={{ marginTop: 12 }} data-testid="portal-rated" />
          ) : (
            view.canRate &&
            query && (
              <div style={{ marginTop: 16 }}>
                <RatingForm
                  number={query.number}
                  phone={query.phone}
                  onRated={() => {
                    setRated(true);
                    void track(query.number, query.phone);
                  }}
                />
              </div>
            )
          )}
        </Card>
      )}
    </div>
  );
}

export default function Portal() {
  const { t, lang, setLang } = useApp();
  const params = new URLSearchParams(window.location.search);
  const [tab, setTab] = useState(params.get('number') ? 'track' : 'submit');
  const [submitted, setSubmitted] = useState<{ number: string; phone: string } | null>(null);
  const [trackKey, setTrackKey] = useState(0);
  const [trackInit, setTrackInit] = useState({ number: params.get('number') ?? '', phone: '' });

  return (
    <div style={{ minHeight: '100vh', background: '#f0f5ff' }} data-testid="portal">
      <div style={{ background: 'linear-gradient(135deg, #1668dc, #0958d9)', color: '#fff', padding: '20px 16px 28px' }}>
        <div style={{ maxWidth: 560, margin: '0 auto', display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
          <div>
            <div style={{ fontSize: 22, fontWeight: 600 }}>{t('portal.title')}</div>
            <div style={{ opacity: 0.85 }}>{t('portal.subtitle')}</div>
          </div>
          <Button size="small" ghost icon={<GlobalOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('app.lang')}
          </Button>
        </div>
      </div>
      <div style={{ maxWidth: 560, margin: '-16px auto 0', padding: '0 8px 24px' }}>
        <Card size="small">
          {submitted ? (
            <Result
              status="success"
              title={t('portal.submitted')}
              subTitle={
                <div>
                  <div>{t('portal.yourNumber')}</div>
                  <Typography.Title level={3} copyable style={{ margin: '8px 0' }} data-testid="portal-number">
                    {submitted.number}
                  </Typography.Title>
                  <div>{t('portal.keepNumber')}</div>
                </div>
              }
              extra={[
                <Button
                  key="track"
                  type="primary"
                  onClick={() => {
                    setTrackInit(submitted);
                    setTrackKey((k) => k + 1);
                    setTab('track');
                    setSubmitted(null);
                  }}
                  data-testid="portal-track-now"
                >
                  {t('portal.trackNow')}
                </Button>,
                <Button key="again" onClick={() => setSubmitted(null)}>
                  {t('portal.another')}
                </Button>,
              ]}
            />
          ) : (
            <Tabs
              activeKey={tab}
              onChange={setTab}
              centered
              items={[
                { key: 'submit', label: t('portal.submitTab'), children: <SubmitForm onSubmitted={(number, phone) => setSubmitted({ number, phone })} /> },
                {
                  key: 'track',
                  label: t('portal.trackTab'),
                  children: <TrackPanel key={trackKey} initialNumber={trackInit.number} initialPhone={trackInit.phone} />,
                },
              ]}
            />
          )}
        </Card>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button type="link" icon={<LoginOutlined />} onClick={() => navigate('/login')}>
            {t('portal.staff')}
          </Button>
        </div>
      </div>
    </div>
  );
}
