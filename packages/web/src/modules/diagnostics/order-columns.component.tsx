import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { formatDuration, liveMinutes } from './diagnostics-format.ts';
import { CriticalTag, ModalityTag, OrderStatusTag, OverdueTag, PriorityTag } from './order-tags.component.tsx';

interface Options {
  /** The centre's worklist: waiting time and report due, the ordering unit. */
  worklist?: boolean;
  /** Leave out the resident (the resident record's own tab). */
  showResident?: boolean;
  /** Show the ordering unit (worklist, a manager's list of every unit). */
  showOrderingUnit?: boolean;
  /** For the live waiting time: now, and when the list was fetched (ms). */
  now?: number;
  fetchedAt?: number;
}

/** Columns of order lists: 检查申请, 阅片工作台, a resident's orders. */
export function useOrderColumns({ worklist = false, showResident = true, showOrderingUnit = worklist, now = 0, fetchedAt = 0 }: Options = {}): DataColumn<OrderView>[] {
  const { t } = useTranslation();
  const duration = (m: number) => formatDuration(m, t);
  const waiting = (o: OrderView) => (o.waitingMinutes === null ? null : liveMinutes(o.waitingMinutes, fetchedAt, now));
  const cols: (DataColumn<OrderView> | false)[] = [
    {
      title: t('diagnostics.priority'),
      dataIndex: 'priority',
      render: (_: unknown, o) => <PriorityTag priority={o.priority} />,
      exportValue: (o) => t(`diagnostics.priorities.${o.priority}`),
    },
    {
      title: t('diagnostics.status'),
      dataIndex: 'status',
      render: (_: unknown, o) => (
        <Space size={0} wrap>
          <OrderStatusTag status={o.status} />
          {/* The worklist shows 超时 beside the due time. */}
          {!worklist && <OverdueTag overdue={o.overdue} dueAt={o.reportDueAt} />}
          <CriticalTag critical={o.critical} />
        </Space>
      ),
      exportValue: (o) => `${t(`diagnostics.statuses.${o.status}`)}${o.overdue ? ` ${t('diagnostics.overdue')}` : ''}${o.critical ? ` ${t('critical.alertTitle')}` : ''}`,
    },
    showResident && {
      title: t('diagnostics.resident'),
      dataIndex: 'residentName',
      render: (_: unknown, o) => (
        <Link to={`/diagnostics/orders/${o.id}`} onClick={(e) => e.stopPropagation()} data-testid="order-link">
          {o.residentName}
        </Link>
      ),
    },
    {
      title: t('diagnostics.item'),
      dataIndex: 'itemName',
      render: (_: unknown, o) => (
        <Space size={4}>
          <ModalityTag modality={o.modality} />
          {o.itemName}
        </Space>
      ),
      exportValue: (o) => `${t(`diagnostics.modalities.${o.modality}`)} ${o.itemName}`,
    },
    showOrderingUnit && { title: t('diagnostics.orderingUnit'), dataIndex: 'orderingOrganizationName' },
    !worklist && { title: t('diagnostics.centre'), dataIndex: 'centreName' },
    { title: t('diagnostics.orderedAt'), dataIndex: 'orderedAt', render: (v: string) => formatDateTime(v), exportValue: (o) => formatDateTime(o.orderedAt) },
    worklist && {
      title: t('diagnostics.waiting'),
      key: 'waiting',
      render: (_: unknown, o) => {
        const m = waiting(o);
        return m === null ? '—' : <span data-testid="waiting">{duration(m)}</span>;
      },
      exportValue: (o) => waiting(o),
    },
    worklist && {
      title: t('diagnostics.reportDue'),
      dataIndex: 'reportDueAt',
      render: (_: unknown, o) => (
        <Space size={4}>
          {formatDateTime(o.reportDueAt)}
          <OverdueTag overdue={o.overdue} dueAt={o.reportDueAt} />
        </Space>
      ),
      exportValue: (o) => formatDateTime(o.reportDueAt),
    },
    !worklist && {
      title: t('diagnostics.conclusion'),
      dataIndex: 'conclusion',
      width: 260,
      render: (v: string | null) => (
        <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 260 }}>
          {orDash(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('field.actions'),
      noExport: true,
      render: (_: unknown, o) => (
        <Link to={`/diagnostics/orders/${o.id}`} onClick={(e) => e.stopPropagation()} data-testid="order-open">
          {t('action.view')}
        </Link>
      ),
    },
  ];
  return cols.filter((c): c is DataColumn<OrderView> => !!c);
}
