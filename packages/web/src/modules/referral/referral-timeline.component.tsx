import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferralEventView } from '@yigong/contracts';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';

const COLOURS: Record<string, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  scheduled: 'blue',
  arrived: 'geekblue',
  completed: 'green',
  rejected: 'red',
  redirected: 'purple',
  cancelled: 'gray',
  escalated: 'red',
};

/** 处理记录: the referral's append-only history, oldest first, as the server keeps it. */
export function ReferralTimeline({ history }: { history: readonly ReferralEventView[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <EmptyState />;
  return (
    <Timeline
      data-testid="referral-timeline"
      items={history.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: COLOURS[e.toStatus] ?? 'gray',
        content: (
          <Space orientation="vertical" size={0}>
            <Space size={4} wrap>
              <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text>
              <Tag color={COLOURS[e.toStatus] ?? 'default'}>{t(`referral.actions.${e.action}`, { defaultValue: e.action })}</Tag>
              <Typography.Text type="secondary">
                {e.fromStatus ? `${t(`referral.statuses.${e.fromStatus}`, { defaultValue: e.fromStatus })} → ` : ''}
                {t(`referral.statuses.${e.toStatus}`, { defaultValue: e.toStatus })}
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
