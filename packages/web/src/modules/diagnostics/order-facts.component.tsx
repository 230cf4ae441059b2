import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { formatDuration } from './diagnostics-format.ts';
import { ModalityTag, OverdueTag, PriorityTag } from './order-tags.component.tsx';

/** 申请信息: who ordered what for whom, where it is read, and the times of its path. */
export function OrderFacts({ o }: { o: OrderDetailView }) {
  const { t } = useTranslation();
  const items = [
    { key: 'resident', label: t('diagnostics.resident'), children: <Link to={`/residents/${o.residentId}`}>{o.residentName}</Link> },
    { key: 'item', label: t('diagnostics.item'), children: <><ModalityTag modality={o.modality} />{`${o.itemName}（${o.itemCode}）`}</> },
    { key: 'priority', label: t('diagnostics.priority'), children: <PriorityTag priority={o.priority} /> },
    { key: 'reason', label: t('diagnostics.reason'), children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</Typography.Text> },
    o.repeatReason && { key: 'repeat', label: t('diagnostics.repeatOf'), children: o.repeatReason },
    o.rejectReason && { key: 'reject', label: t('diagnostics.rejectReason'), children: <Typography.Text type="danger">{o.rejectReason}</Typography.Text> },
    { key: 'unit', label: t('diagnostics.orderingUnit'), children: o.orderingOrganizationName },
    { key: 'doctor', label: t('diagnostics.orderingDoctor'), children: o.orderingUsername },
    { key: 'centre', label: t('diagnostics.centre'), children: `${o.centreName} · ${o.performingOrganizationName}` },
    { key: 'orderedAt', label: t('diagnostics.orderedAt'), children: formatDateTime(o.orderedAt) },
    o.reportDueAt && {
      key: 'due',
      label: t('diagnostics.reportDue'),
      children: (
        <>
          {formatDateTime(o.reportDueAt)} <OverdueTag overdue={o.overdue} dueAt={o.reportDueAt} />
        </>
      ),
    },
    o.turnaroundMinutes !== null && { key: 'tat', label: t('diagnostics.turnaround'), children: formatDuration(o.turnaroundMinutes, t) },
    { key: 'reader', label: t('diagnostics.reader'), children: orDash(o.readerName) },
  ];
  return <Descriptions size="small" column={1} data-testid="order-facts" items={items.filter((i) => !!i)} />;
}
