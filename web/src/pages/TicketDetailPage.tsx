import { Button, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useApp } from '../context';
import { TicketDetail } from '../components/TicketDetail';
import { navigate } from '../router';

export default function TicketDetailPage({ id }: { id: string }) {
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
