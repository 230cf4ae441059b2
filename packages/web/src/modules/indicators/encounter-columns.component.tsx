import { Tag, Tooltip, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EncounterListItem } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatYuan, yuanFromFen } from './indicator-format.ts';

const TYPE_COLOURS: Record<EncounterListItem['type'], string> = { outpatient: 'blue', emergency: 'volcano', inpatient: 'purple' };

/** The patient cell: a link to the record when readable, a masked name with a lock, or "non-resident". */
function PatientCell({ r }: { r: EncounterListItem }) {
  const { t } = useTranslation();
  if (r.residentId) {
    return (
      <Link to={`/residents/${r.residentId}`} data-testid="resident-link">
        {r.residentName}
      </Link>
    );
  }
  if (r.residentName) {
    return (
      <Tooltip title={t('encounterList.masked')}>
        <span data-testid="resident-masked">
          {r.residentName} <LockOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
        </span>
      </Tooltip>
    );
  }
  return <Typography.Text type="secondary">{t('encounterList.nonResident')}</Typography.Text>;
}

/** Columns of the encounter list; every column has its Excel value (money in yuan, dates as text). */
export function useEncounterColumns(): DataColumn<EncounterListItem>[] {
  const { t } = useTranslation();
  const dates = (r: EncounterListItem) => (r.endDate && r.endDate !== r.startDate ? t('encounterList.dateRange', { start: r.startDate, end: r.endDate }) : r.startDate);
  const patient = (r: EncounterListItem) => r.residentName ?? t('encounterList.nonResident');
  const money = (key: 'totalCost' | 'fundPaid' | 'outOfPocket', title: string): DataColumn<EncounterListItem> => ({
    title, key, align: 'right', render: (_: unknown, r) => formatYuan(r[key]), exportValue: (r) => yuanFromFen(r[key]),
  });
  return [
    { title: t('encounterList.date'), key: 'date', fixed: 'left', render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{dates(r)}</span>, exportValue: dates },
    {
      title: t('encounterList.type'), key: 'type',
      render: (_: unknown, r) => <Tag color={TYPE_COLOURS[r.type]}>{t(`encounterList.types.${r.type}`)}</Tag>,
      exportValue: (r) => t(`encounterList.types.${r.type}`),
    },
    { title: t('encounterList.patient'), key: 'patient', render: (_: unknown, r) => <PatientCell r={r} />, exportValue: patient },
    {
      title: t('encounterList.organization'), key: 'organization',
      render: (_: unknown, r) => (
        <span>
          {r.outOfCounty && <Tag color="orange">{t('encounterList.outOfCounty')}</Tag>}
          {r.organizationName}
        </span>
      ),
      exportValue: (r) => (r.outOfCounty ? `${t('encounterList.outOfCounty')}：${r.organizationName}` : r.organizationName),
    },
    {
      title: t('encounterList.diagnosis'), key: 'diagnosis',
      render: (_: unknown, r) => (
        <span>
          <Typography.Text code>{r.diagnosisCode}</Typography.Text> {r.diagnosisName ?? ''}
        </span>
      ),
      exportValue: (r) => `${r.diagnosisCode} ${r.diagnosisName ?? ''}`.trim(),
    },
    { title: t('encounterList.lengthOfStay'), dataIndex: 'lengthOfStay', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v} ${t('indicators.unitDays')}`), exportValue: (r) => r.lengthOfStay },
    money('totalCost', t('encounterList.totalCost')),
    money('fundPaid', t('encounterList.fundPaid')),
    money('outOfPocket', t('encounterList.outOfPocket')),
    { title: t('encounterList.drgWeight'), dataIndex: 'drgWeight', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)), exportValue: (r) => r.drgWeight },
  ];
}
