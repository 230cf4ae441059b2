import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryView, SterileRequestView } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDate, formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { RequestActions } from './request-actions.component.tsx';
import { isLate, lineText } from './request-format.ts';
import { RequestStatusTag } from './sterile-tags.component.tsx';

/** Columns of 申领: when, which unit and who asked, what (per line, what was delivered), by when, the status and the caller's buttons. */
export function useRequestColumns({ today, onDelivered }: { today: string; onDelivered: (d: DeliveryView) => void }): DataColumn<SterileRequestView>[] {
  const { t } = useTranslation();
  const delivered = (n: number) => t('sterile.deliveredSoFar', { count: n });
  return [
    { title: t('sterile.requestedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v), exportValue: (r) => formatDateTime(r.createdAt) },
    { title: t('sterile.requestingUnit'), dataIndex: 'organizationName' },
    { title: t('sterile.requester'), dataIndex: 'requesterName' },
    { title: t('sterile.status'), dataIndex: 'status', render: (_: unknown, r) => <RequestStatusTag status={r.status} />, exportValue: (r) => t(`sterile.requestStatuses.${r.status}`) },
    {
      title: t('sterile.requestLines'),
      dataIndex: 'lines',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          {r.lines.map((l) => (
            <Typography.Text key={l.packType} type={l.delivered >= l.quantity ? 'secondary' : undefined}>
              {lineText(l, delivered)}
            </Typography.Text>
          ))}
        </Space>
      ),
      exportValue: (r) => r.lines.map((l) => lineText(l, delivered)).join('；'),
    },
    {
      title: t('sterile.neededBy'),
      dataIndex: 'neededBy',
      render: (_: unknown, r) => (
        <Space size={4}>
          {orDash(r.neededBy)}
          {isLate(r, today) && <Tag color="red">{t('sterile.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('sterile.deliveredAt'), dataIndex: 'deliveredAt', render: (v: string | null) => formatDate(v), exportValue: (r) => formatDateTime(r.deliveredAt) },
    {
      title: t('sterile.note'),
      dataIndex: 'note',
      width: 220,
      render: (v: string | null) => (
        <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 220 }}>
          {orDash(v)}
        </Typography.Text>
      ),
    },
    { title: t('field.actions'), key: 'actions', fixed: 'right', noExport: true, render: (_: unknown, r) => <RequestActions r={r} onDelivered={onDelivered} /> },
  ];
}
