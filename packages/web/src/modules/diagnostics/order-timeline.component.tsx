import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';

const COLOURS: Record<string, string> = {
  ordered: 'blue',
  accepted: 'cyan',
  resulted: 'gold',
  reported: 'green',
  acknowledged: 'green',
  rejected: 'red',
  cancelled: 'gray',
};

/** 处理记录: the order's status history, oldest first, as the server keeps it. */
export function OrderTimeline({ history }: { history: OrderDetailView['history'] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <EmptyState />;
  return (
    <Timeline
      data-testid="order-timeline"
      items={history.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: COLOURS[e.toStatus] ?? 'gray',
        content: (
          <Space orientation="vertical" size={0}>
            <Space size={4} wrap>
              <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text>
              <Tag color={COLOURS[e.toStatus] ?? 'default'}>{t(`diagnostics.actions.${e.action}`, { defaultValue: e.action })}</Tag>
              <Typography.Text type="secondary">
                {e.fromStatus && e.fromStatus !== e.toStatus ? `${t(`diagnostics.statuses.${e.fromStatus}`, { defaultValue: e.fromStatus })} → ` : ''}
                {t(`diagnostics.statuses.${e.toStatus}`, { defaultValue: e.toStatus })}
              </Typography.Text>
            </Space>
            <Typography.Text>
              {e.username ?? '—'}
              {e.role && <Typography.Text type="secondary">（{t(`role.${e.role}`, { defaultValue: e.role })}）</Typography.Text>}
            </Typography.Text>
            {e.comment && <Typography.Text type="secondary">{e.comment}</Typography.Text>}
          </Space>
        ),
      }))}
    />
  );
}
