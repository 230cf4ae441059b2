import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BatchView } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { cycleName, cycleParameters } from './batch-format.ts';
import { BatchStatusTag, ImplantsTag, MonitoringTag } from './sterile-tags.component.tsx';

const mark = (v: boolean | null, t: (k: string) => string) => (v === null ? t('sterile.monitoring.notDone') : t(v ? 'sterile.monitoring.pass' : 'sterile.monitoring.fail'));

/** Columns of 灭菌批次: the load, its parameters and monitoring, its status with why it is held, its packs. */
export function useBatchColumns(): DataColumn<BatchView>[] {
  const { t } = useTranslation();
  const method = (b: BatchView) => `${t(`sterile.methods.${b.method}`)}${b.steamCycleType ? `（${t(`sterile.steamCycleTypes.${b.steamCycleType}`)}）` : ''}`;
  return [
    {
      title: t('sterile.batch'),
      key: 'batch',
      render: (_: unknown, b) => (
        <Link to={`/sterile/batches/${b.id}`} onClick={(e) => e.stopPropagation()} data-testid="batch-link">
          {cycleName(b)}
        </Link>
      ),
      exportValue: (b) => cycleName(b),
    },
    { title: t('sterile.sterilisedOn'), dataIndex: 'sterilisedOn', render: (_: unknown, b) => t('sterile.dayBatch', { date: b.sterilisedOn, seq: b.daySeq }), exportValue: (b) => `${b.sterilisedOn}-${b.daySeq}` },
    {
      title: t('sterile.status'),
      dataIndex: 'status',
      render: (_: unknown, b) => (
        <Space size={0} wrap>
          <BatchStatusTag status={b.status} />
          <ImplantsTag implants={b.implants} />
        </Space>
      ),
      exportValue: (b) => `${t(`sterile.batchStatuses.${b.status}`)}${b.implants ? ` ${t('sterile.implants')}` : ''}`,
    },
    {
      title: t('sterile.holdReasons'),
      dataIndex: 'holdReasons',
      width: 300,
      render: (_: unknown, b) =>
        b.holdReasons.length === 0 ? (
          '—'
        ) : (
          <Typography.Text type={b.status === 'recalled' ? 'danger' : 'warning'} ellipsis={{ tooltip: b.holdReasons.join('；') }} style={{ maxWidth: 300 }} data-testid="hold-reasons">
            {b.holdReasons.join('；')}
          </Typography.Text>
        ),
      exportValue: (b) => b.holdReasons.join('；'),
    },
    { title: t('sterile.method'), dataIndex: 'method', render: (_: unknown, b) => method(b), exportValue: method },
    { title: t('sterile.parameters'), key: 'parameters', render: (_: unknown, b) => cycleParameters(b, t('sterile.minutesUnit')), exportValue: (b) => cycleParameters(b, t('sterile.minutesUnit')) },
    {
      title: t('sterile.monitoringShort'),
      key: 'monitoring',
      render: (_: unknown, b) => (
        <Space size={0} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sterile.checks.chemical')}</Typography.Text>
          <MonitoringTag pass={b.chemicalPass} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sterile.checks.biological')}</Typography.Text>
          <MonitoringTag pass={b.biologicalPass} none={b.status === 'held' && (b.implants || b.method === 'ethylene_oxide') ? 'awaited' : 'notPlaced'} />
        </Space>
      ),
      exportValue: (b) => `${t('sterile.checks.chemical')} ${mark(b.chemicalPass, t)}；${t('sterile.checks.biological')} ${b.biologicalPass === null ? t('sterile.monitoring.notPlaced') : mark(b.biologicalPass, t)}；B-D ${mark(b.bowieDickPass, t)}`,
    },
    { title: t('sterile.packCount'), dataIndex: 'packCount', align: 'right', sorter: (a, b) => a.packCount - b.packCount },
    { title: t('sterile.endedAt'), dataIndex: 'endedAt', render: (v: string) => formatDateTime(v), exportValue: (b) => formatDateTime(b.endedAt) },
    { title: t('sterile.operator'), dataIndex: 'operatorName' },
    { title: t('sterile.releasedAt'), dataIndex: 'releasedAt', render: (v: string | null) => formatDateTime(v), exportValue: (b) => formatDateTime(b.releasedAt) },
  ];
}
