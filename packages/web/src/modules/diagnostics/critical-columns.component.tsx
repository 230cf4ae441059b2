import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CriticalValueView } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { CriticalAckButton } from './critical-ack.component.tsx';
import { CriticalDeadline, CriticalStagePath } from './critical-stage.component.tsx';

interface Options {
  /** For the countdown (ms). */
  now: number;
  /** Leave out resident and item (the order's own critical values). */
  ofOrder?: boolean;
}

/** Columns of critical-value lists: the 危急值 page and an order's critical values. */
export function useCriticalColumns({ now, ofOrder = false }: Options): DataColumn<CriticalValueView>[] {
  const { t } = useTranslation();
  const canAck = useAuth().can('critical.ack');
  const stageText = (v: CriticalValueView) =>
    [`${t('critical.stages.doctor')} ${formatDateTime(v.raisedAt)}`, v.unitHeadAt && `${t('critical.stages.unit_head')} ${formatDateTime(v.unitHeadAt)}`, v.medicalDepartmentAt && `${t('critical.stages.medical_department')} ${formatDateTime(v.medicalDepartmentAt)}`]
      .filter(Boolean)
      .join(' → ');
  const cols: (DataColumn<CriticalValueView> | false)[] = [
    {
      title: t('critical.status'),
      dataIndex: 'status',
      render: (_: unknown, v) => <Tag color={v.status === 'open' ? 'red' : 'green'}>{t(`critical.${v.status}`)}</Tag>,
      exportValue: (v) => t(`critical.${v.status}`),
    },
    // 确认 next to the status: the one thing to do, visible without scrolling.
    canAck && { title: t('field.actions'), key: 'ack-button', noExport: true, render: (_: unknown, v) => <CriticalAckButton v={v} size="small" /> },
    !ofOrder && {
      title: t('critical.resident'),
      dataIndex: 'residentName',
      width: 170,
      render: (_: unknown, v) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/residents/${v.residentId}`} onClick={(e) => e.stopPropagation()}>
            {v.residentName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v.orderingOrganizationName} · {v.orderingUsername}
          </Typography.Text>
        </Space>
      ),
      exportValue: (v) => `${v.residentName}（${v.orderingOrganizationName} · ${v.orderingUsername}）`,
    },
    !ofOrder && {
      title: t('critical.item'),
      dataIndex: 'itemName',
      render: (_: unknown, v) => (
        <Link to={`/diagnostics/orders/${v.orderId}`} onClick={(e) => e.stopPropagation()} data-testid="critical-order-link">
          {v.itemName}
        </Link>
      ),
    },
    {
      title: t('critical.summary'),
      dataIndex: 'summary',
      width: 220,
      render: (_: unknown, v) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text type="danger" strong data-testid="critical-summary">
            {v.summary}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`critical.sources.${v.source}`)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('critical.raisedAt'), dataIndex: 'raisedAt', render: (v: string) => formatDateTime(v), exportValue: (v) => formatDateTime(v.raisedAt) },
    {
      title: t('critical.deadline'),
      dataIndex: 'deadlineAt',
      render: (_: unknown, v) => <CriticalDeadline v={v} now={now} />,
      exportValue: (v) => formatDateTime(v.deadlineAt),
    },
    {
      title: t('critical.acknowledgedAt'),
      key: 'ack',
      hidden: true,
      exportValue: (v) => (v.status === 'acknowledged' ? `${formatDateTime(v.acknowledgedAt)} ${orDash(v.acknowledgedByName)}${v.ackNote ? ` ${v.ackNote}` : ''}` : null),
    },
    {
      title: t('critical.stage'),
      dataIndex: 'stage',
      width: 210,
      render: (_: unknown, v) => <CriticalStagePath v={v} />,
      exportValue: stageText,
    },
  ];
  return cols.filter((c): c is DataColumn<CriticalValueView> => !!c);
}
