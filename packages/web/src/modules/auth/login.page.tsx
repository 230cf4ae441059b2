import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginRequest } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { isApiError } from '../../shared/api/api-client.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { LanguageSwitch } from '../../shared/layout/app-layout.tsx';
import { landingPath } from '../../shared/layout/menu.ts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { DEMO_PASSWORD, useHealth } from './auth.resource.ts';

/** 登录: username and password; 401 and 429 (locked) are told apart. */
export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const health = useHealth();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const next = params.get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;
  if (user) return <Navigate to={safeNext ?? landingPath(user.role)} replace />;

  async function onFinish(values: LoginRequest) {
    setSubmitting(true);
    setError(null);
    try {
      const u = await login(values);
      void navigate(safeNext ?? landingPath(u.role), { replace: true });
    } catch (e) {
      if (isApiError(e, 'UNAUTHENTICATED')) setError(t('error.UNAUTHENTICATED'));
      else if (isApiError(e, 'ACCOUNT_LOCKED')) {
        // The server's Chinese message says for how long; English readers get the generic text.
        const until = e.detail<string>('lockedUntil');
        const base = i18n.language === 'en' || !e.message ? t('error.ACCOUNT_LOCKED') : e.message;
        setError(until ? `${base}（${t('login.lockedUntil', { time: formatDateTime(until) })}）` : base);
      } else if (isApiError(e, 'TOO_MANY_ATTEMPTS') || (isApiError(e) && e.status === 429)) setError(t('error.TOO_MANY_ATTEMPTS'));
      else setError(errorText(e));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #e6f0ff 0%, #f5f9ff 60%, #ffffff 100%)',
        padding: 16,
      }}
    >
      <Space orientation="vertical" size="large" style={{ width: 400, maxWidth: '100%' }}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {t('app.fullName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        <Card title={t('login.title')} extra={<LanguageSwitch />}>
          <Form<LoginRequest> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} data-testid="login-form">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        {health.data?.mode === 'demo' && (
          <Alert
            type="info"
            showIcon
            data-testid="demo-hint"
            title={t('login.demoTitle')}
            description={
              <>
                <div>{t('login.demoPassword', { password: DEMO_PASSWORD })}</div>
                <div style={{ marginTop: 4 }}>{t('login.demoAccounts')}</div>
              </>
            }
          />
        )}
      </Space>
    </div>
  );
}
