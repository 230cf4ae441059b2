import { Button, Flex, Grid, Space } from 'antd';
import { FormOutlined, PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDate, orDash } from '../../shared/i18n/format.ts';
import { CallOutcomeTag, ClassificationTag, DiseaseTag, OverdueDaysTag } from './chronic-tags.component.tsx';
import type { WorklistRow } from '@yigong/contracts';

interface Options {
  overdue: boolean;
  onFollowUp: (row: WorklistRow) => void;
  onCall?: (row: WorklistRow) => void;
}

/** Only on phones (xs): the other columns are hidden there and this one carries the essentials. */
const PHONE: DataColumn<WorklistRow>['responsive'] = ['xs'];
const NOT_PHONE: DataColumn<WorklistRow>['responsive'] = ['sm'];

/**
 * Columns of the workbench's due and overdue lists. On a phone the list is one column — name,
 * disease, how late, and the buttons — so nothing hides behind a sideways scroll.
 */
export function useWorklistColumns({ overdue, onFollowUp, onCall }: Options): DataColumn<WorklistRow>[] {
  const { t } = useTranslation();
  const wide = !!Grid.useBreakpoint().md;
  const today = dayjs().format('YYYY-MM-DD');
  const due = (v: string | null) => (v === today ? t('chronic.dueToday') : formatDate(v));

  const name = (r: WorklistRow) => (
    <Link to={`/residents/${r.resident_id}`} data-testid="worklist-resident">
      {r.resident_name}
    </Link>
  );
  const buttons = (r: WorklistRow, withCallText: boolean) => (
    <Space size={4}>
      <Button size="small" type="primary" ghost icon={<FormOutlined />} onClick={() => onFollowUp(r)} data-testid="worklist-follow-up">
        {t('workbench.followUp')}
      </Button>
      {onCall && (
        <Button size="small" icon={<PhoneOutlined />} onClick={() => onCall(r)} title={t('workbench.call')} aria-label={t('workbench.call')} data-testid="worklist-call">
          {withCallText && t('workbench.call')}
        </Button>
      )}
    </Space>
  );

  const cols: (DataColumn<WorklistRow> | false)[] = [
    {
      title: t('workbench.resident'),
      key: 'phone-row',
      responsive: PHONE,
      noExport: true,
      render: (_: unknown, r) => (
        <Flex vertical gap={6}>
          <Space size={4} wrap>
            {name(r)}
            <DiseaseTag disease={r.disease} />
            {overdue ? <OverdueDaysTag days={Number(r.days_overdue ?? 0)} /> : due(r.next_due_date)}
            {overdue && r.last_call_outcome && <CallOutcomeTag value={r.last_call_outcome} />}
          </Space>
          {buttons(r, true)}
        </Flex>
      ),
    },
    { title: t('workbench.resident'), dataIndex: 'resident_name', responsive: NOT_PHONE, render: (_: unknown, r) => name(r) },
    {
      title: t('chronic.disease'),
      dataIndex: 'disease',
      responsive: NOT_PHONE,
      render: (_: unknown, r) => <DiseaseTag disease={r.disease} />,
      exportValue: (r) => t(`chronic.diseases.${r.disease}`),
    },
    { title: t('workbench.age'), dataIndex: 'birth_date', responsive: ['xxl'], render: (v: string) => dayjs().diff(v, 'year'), exportValue: (r) => dayjs().diff(r.birth_date, 'year') },
    { title: t('workbench.phone'), dataIndex: 'phone', responsive: NOT_PHONE, render: (v: string | null) => (v ? <a href={`tel:${v}`}>{v}</a> : '—') },
    // 超期N天 says it for the overdue list, where the room goes to the last call.
    { title: t('workbench.dueDate'), dataIndex: 'next_due_date', responsive: overdue ? ['xxl'] : NOT_PHONE, render: due, exportValue: (r) => formatDate(r.next_due_date) },
    overdue && {
      title: t('workbench.overdueFor'),
      dataIndex: 'days_overdue',
      responsive: NOT_PHONE,
      render: (v: number | undefined) => <OverdueDaysTag days={Number(v ?? 0)} />,
      exportValue: (r) => Number(r.days_overdue ?? 0),
    },
    {
      title: t('chronic.lastClassification'),
      dataIndex: 'last_classification',
      responsive: NOT_PHONE,
      render: (_: unknown, r) => <ClassificationTag value={r.last_classification} />,
      exportValue: (r) => (r.last_classification ? t(`chronic.classifications.${r.last_classification}`) : '—'),
    },
    overdue && {
      title: t('workbench.lastCall'),
      dataIndex: 'last_call_outcome',
      responsive: NOT_PHONE,
      render: (_: unknown, r) => (
        <Space size={4}>
          <CallOutcomeTag value={r.last_call_outcome} />
          {r.last_called_on && <span style={{ color: '#8c8c8c' }}>{formatDate(r.last_called_on)}</span>}
        </Space>
      ),
      exportValue: (r) => (r.last_call_outcome ? `${t(`workbench.outcomes.${r.last_call_outcome}`)} ${orDash(r.last_called_on)}` : '—'),
    },
    { title: t('chronic.managingUnit'), dataIndex: 'organization_name', responsive: ['xxl'] },
    {
      title: t('field.actions'),
      key: 'actions',
      noExport: true,
      responsive: NOT_PHONE,
      // Wide screens pin the buttons to the right edge of the scrolling table.
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, r) => buttons(r, wide),
    },
  ];
  return cols.filter((c): c is DataColumn<WorklistRow> => !!c);
}
