import { App, Badge, Button, Space, Tooltip, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CriticalValueView } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCriticalStream, type CriticalSignal } from './critical-stream.ts';
import { criticalKeys, diagnosticsKeys, useCriticalValues } from './diagnostics.resource.ts';

function LiveAlert() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const open = useCriticalValues('open');
  const count = open.data?.length ?? 0;

  async function onSignal(s: CriticalSignal) {
    // Re-read the lists (the badge's among them), then say what was raised.
    await qc.invalidateQueries({ queryKey: criticalKeys.all });
    void qc.invalidateQueries({ queryKey: diagnosticsKeys.orders });
    if (s.kind === 'acknowledged') return;
    const list = qc.getQueryData<CriticalValueView[]>(criticalKeys.list('open')) ?? [];
    const v = list.find((x) => x.id === s.id);
    if (v) void qc.invalidateQueries({ queryKey: diagnosticsKeys.order(v.orderId) });
    const key = `critical-${s.id}-${s.stage}`;
    notification.error({
      key,
      title: <Typography.Text strong style={{ color: '#cf1322' }}>{t('critical.alertTitle')}</Typography.Text>,
      description: (
        <Space orientation="vertical" size={2} data-testid="critical-alert">
          {v && (
            <Typography.Text>
              {v.residentName} · {v.itemName}
            </Typography.Text>
          )}
          <Typography.Text strong style={{ color: '#cf1322' }}>
            {v?.summary ?? t('critical.alertTitle')}
          </Typography.Text>
          {s.kind === 'escalated' && <Typography.Text type="secondary">{t('critical.alertEscalated', { stage: t(`critical.stages.${s.stage}`) })}</Typography.Text>}
        </Space>
      ),
      actions: (
        <Button
          type="primary"
          danger
          size="small"
          onClick={() => {
            notification.destroy(key);
            void navigate(v ? `/diagnostics/orders/${v.orderId}` : '/critical-values');
          }}
          data-testid="critical-alert-view"
        >
          {t('critical.view')}
        </Button>
      ),
      duration: 0,
      placement: 'topRight',
      style: { borderLeft: '4px solid #cf1322' },
    });
  }

  useCriticalStream(true, {
    onSignal: (s) => void onSignal(s),
    onReconnect: () => void qc.invalidateQueries({ queryKey: criticalKeys.all }),
  });

  return (
    <Tooltip title={t('critical.badge')}>
      <Link to="/critical-values" data-testid="critical-badge">
        <Badge count={count} size="small" offset={[-4, 4]}>
          <Button type="text" danger={count > 0} icon={<AlertOutlined />} aria-label={t('critical.badge')} />
        </Badge>
      </Link>
    </Tooltip>
  );
}

/**
 * The live critical-value alert of the header, for the roles that acknowledge them: a badge with
 * the open count, and a red notification as soon as one is raised or escalated to the caller —
 * no reload needed (GET /critical-values/stream).
 */
export function CriticalAlert() {
  const { can } = useAuth();
  if (!can('critical.ack')) return null;
  return <LiveAlert />;
}
