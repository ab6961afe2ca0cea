import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { api } from '../../shell/api';
import { useApp } from '../../shell/context';
import { ErrorAlert } from '../../shell/components/common';
import { navigate } from '../../shell/router';
import { homeFor } from '../../shell/registry';

export default function Login() {
  const { t, signIn, lang, setLang, sessionEnded } = useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { token, user } = await api.login(v.username.trim(), v.password);
      signIn(token, user);
      // Signed out while on a page (expired session, shared link): stay there; else go to the role's home.
      const here = window.location.pathname;
      const next = new URLSearchParams(window.location.search).get('next') ?? (here !== '/' && here !== '/login' ? here + window.location.search : null);
      navigate(next && next.startsWith('/') && !next.startsWith('/login') ? next : homeFor(user.roles), true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #001d3d 0%, #1668dc 100%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button type="link" size="small" icon={<GlobalOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('app.lang')}
          </Button>
        </div>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {error ? (
          <ErrorAlert error={error} fallback={t('login.failed')} testId="login-error" namingField={false} />
        ) : sessionEnded ? (
          <Alert type="warning" showIcon title={t('error.AUTH.UNAUTHENTICATED')} style={{ marginBottom: 12 }} data-testid="session-ended" />
        ) : null}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.required', { field: t('login.username') }) }]}
          >
            <Input name="username" prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('field.password')} rules={[{ required: true, message: t('login.required', { field: t('field.password') }) }]}>
            <Input.Password name="password" prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <a
            href="/portal"
            onClick={(e) => {
              e.preventDefault();
              navigate('/portal');
            }}
          >
            {t('login.portalLink')}
          </a>
        </div>
      </Card>
    </div>
  );
}
