import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { formatDateTime, formatInstantsIn } from '../../shared/i18n/format.ts';

const COLOURS: Record<string, string> = {
  ordered: 'blue',
  accepted: 'cyan',
  resulted: 'gold',
  reported: 'green',
  acknowledged: 'green',
  rejected: 'red',
  cancelled: 'gray',
};

interface Props {
  /** The status history as the server keeps it (statusEventView), oldest first. */
  history: OrderDetailView['history'];
  /** The i18n block whose `statuses` and `actions` name the record's states and actions. */
  ns?: 'diagnostics' | 'consultation';
  /** Colour of each status reached. */
  colours?: Record<string, string>;
  'data-testid'?: string;
}

/**
 * 处理记录: a record's status history, oldest first — when, what, from which status to which, who
 * (with the role) and the comment (an instant in it shown in Asia/Shanghai like every other time).
 */
export function StatusTimeline({ history, ns = 'diagnostics', colours = COLOURS, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  if (history.length === 0) return <EmptyState />;
  const status = (s: string) => t(`${ns}.statuses.${s}`, { defaultValue: s });
  return (
    <Timeline
      data-testid={testId}
      items={history.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: colours[e.toStatus] ?? 'gray',
        content: (
          <Space orientation="vertical" size={0}>
            <Space size={4} wrap>
              <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text>
              <Tag color={colours[e.toStatus] ?? 'default'}>{t(`${ns}.actions.${e.action}`, { defaultValue: e.action })}</Tag>
              <Typography.Text type="secondary">
                {e.fromStatus && e.fromStatus !== e.toStatus ? `${status(e.fromStatus)} → ` : ''}
                {status(e.toStatus)}
              </Typography.Text>
            </Space>
            <Typography.Text>
              {e.username ?? '—'}
              {e.role && <Typography.Text type="secondary">（{t(`role.${e.role}`, { defaultValue: e.role })}）</Typography.Text>}
            </Typography.Text>
            {e.comment && <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{formatInstantsIn(e.comment)}</Typography.Text>}
          </Space>
        ),
      }))}
    />
  );
}

/** 处理记录 of an order. */
export function OrderTimeline({ history }: { history: OrderDetailView['history'] }) {
  return <StatusTimeline history={history} data-testid="order-timeline" />;
}
