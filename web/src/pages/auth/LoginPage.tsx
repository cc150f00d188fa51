// 登录: username and password. Every failure shows the same message, as the server gives it.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useT } from '../../i18n';
import { authApi } from './authApi';
import { isRateLimited, safeNext, useSession } from './session';

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { me, signedIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (me) return <Navigate to={next} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const session = await authApi.login(values.username, values.password);
      signedIn(session);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(isRateLimited(failure) ? t('auth.login.rateLimited') : t('auth.login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ position: 'fixed', inset: 0, background: '#f5f5f5' }}
    >
      <Card style={{ width: 380 }} data-testid="login-card">
        <Flex justify="space-between" align="center">
          <Typography.Title level={3} style={{ margin: 0, color: '#c8102e' }}>
            {t('auth.login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('auth.login.subtitle')}</Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.login.username')}
            rules={[{ required: true, message: t('auth.login.required') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.login.password')}
            rules={[{ required: true, message: t('auth.login.required') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
