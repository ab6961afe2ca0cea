import { Button, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useApp } from '../../shell/context';
import { TicketDetail } from './TicketDetail';
import { navigate } from '../../shell/router';
import type { RouteProps } from '../../shell/registry';

export default function TicketDetailPage({ params }: RouteProps) {
  const id = params.id ?? '';
  const { t } = useApp();
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => (window.history.length > 1 ? window.history.back() : navigate('/tickets'))}
        >
          {t('detail.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('detail.title')}
        </Typography.Title>
      </div>
      <TicketDetail id={id} />
    </div>
  );
}
