import { Progress, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { SlotView } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { POOL_COLOURS } from './occupancy-chart.component.tsx';
import { slotPools } from './slot-occupancy.ts';
import { slotTimeText } from './slot-picker.component.tsx';

/** Columns of the slot table of the calendar: both pools as booked/total with a bar. */
export function useSlotColumns(): DataColumn<SlotView>[] {
  const { t } = useTranslation();
  const pool = (booked: number, total: number, colour: string) => (
    <Space size={6}>
      <span style={{ minWidth: 36, display: 'inline-block' }}>
        {booked}/{total}
      </span>
      <Progress percent={total ? Math.round((booked / total) * 100) : 0} showInfo={false} size={[80, 8]} strokeColor={colour} />
    </Space>
  );
  return [
    { title: t('scheduling.date'), dataIndex: 'startsAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD ddd'), exportValue: (s) => dayjs(s.startsAt).format('YYYY-MM-DD') },
    { title: t('scheduling.time'), dataIndex: 'endsAt', render: (_: unknown, s) => slotTimeText(s), exportValue: (s) => slotTimeText(s) },
    { title: t('scheduling.resource'), dataIndex: 'resourceName' },
    { title: t('scheduling.department'), dataIndex: 'departmentName', render: (v: string | null) => orDash(v) },
    { title: t('scheduling.capacity'), dataIndex: 'capacity', align: 'right' },
    {
      title: t('scheduling.reservedCol'),
      dataIndex: 'reserved',
      render: (_: unknown, s) => {
        const p = slotPools(s);
        return s.released ? (
          <Tooltip title={`${t('scheduling.releaseAt')} ${formatDateTime(s.releaseAt)}`}>
            <Tag>{t('scheduling.released')}</Tag>
            {t('scheduling.releasedBooked', { n: p.reservedBooked })}
          </Tooltip>
        ) : (
          pool(p.reservedBooked, p.reservedTotal, POOL_COLOURS.reservedBooked)
        );
      },
      exportValue: (s) => `${slotPools(s).reservedBooked}/${slotPools(s).reservedTotal}${s.released ? ` ${t('scheduling.released')}` : ''}`,
    },
    {
      title: t('scheduling.publicCol'),
      dataIndex: 'bookedPublic',
      render: (_: unknown, s) => {
        const p = slotPools(s);
        return pool(p.publicBooked, p.publicTotal, POOL_COLOURS.publicBooked);
      },
      exportValue: (s) => `${slotPools(s).publicBooked}/${slotPools(s).publicTotal}`,
    },
    { title: t('scheduling.releaseAt'), dataIndex: 'releaseAt', render: (v: string) => formatDateTime(v), exportValue: (s) => formatDateTime(s.releaseAt) },
    { title: t('scheduling.waiting'), dataIndex: 'waiting', align: 'right' },
  ];
}
