import { Button, Result } from 'antd';
import { useApp } from '../context';
import { navigate } from '../router';

export default function NotFound() {
  const { t } = useApp();
  return <Result status="404" title="404" subTitle={t('app.notFound')} extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>} />;
}
