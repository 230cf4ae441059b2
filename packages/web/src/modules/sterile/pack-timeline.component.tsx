import { Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PackDetailView } from '@yigong/contracts';
import type { PackEventKind } from '@yigong/domain';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';

const COLOURS: Record<PackEventKind, string> = { sterilised: 'gold', released: 'green', delivered: 'blue', used: 'gray', returned: 'orange', expired: 'red', recalled: 'red' };

/**
 * 追溯记录: every event of the pack, oldest first — when, what, where (the unit), on whom (the
 * resident, for a use: named by the pack when it is the current one), by whom, and the note.
 */
export function PackTimeline({ p }: { p: PackDetailView }) {
  const { t } = useTranslation();
  if (p.events.length === 0) return <EmptyState />;
  return (
    <Timeline
      data-testid="pack-timeline"
      items={p.events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: COLOURS[e.kind],
        content: (
          <Space orientation="vertical" size={0}>
            <Space size={4} wrap>
              <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text>
              <Tag color={COLOURS[e.kind] === 'gray' ? 'default' : COLOURS[e.kind]}>{t(`sterile.events.${e.kind}`)}</Tag>
              {e.organizationName && <Typography.Text>{e.organizationName}</Typography.Text>}
              {e.kind === 'returned' && e.restocked !== null && <Tag>{t(e.restocked ? 'sterile.restocked' : 'sterile.toReprocess')}</Tag>}
            </Space>
            {e.residentId && (
              <Typography.Text>
                {t('sterile.patient')}：
                <Link to={`/residents/${e.residentId}`} data-testid="timeline-resident">
                  {e.residentId === p.residentId && p.residentName ? p.residentName : t('sterile.residentRecord')}
                </Link>
              </Typography.Text>
            )}
            <Typography.Text type="secondary">{e.username ?? '—'}</Typography.Text>
            {e.comment && <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</Typography.Text>}
          </Space>
        ),
      }))}
    />
  );
}
