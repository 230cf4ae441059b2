import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DiagnosticsIndicatorsView } from '@yigong/contracts';
import { MODALITIES } from '@yigong/domain';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatIndicator, plainValue } from '../indicators/indicator-format.ts';
import { orderDrillPath, type DatePeriod } from './centre-period.ts';

type Member = DiagnosticsIndicatorsView['members'][number];

interface Props {
  members: Member[];
  period: DatePeriod;
  /** Whether a row opens the unit's orders (GET /diagnostics/orders needs diagnostics.read). */
  drill: boolean;
  onOpen: (m: Member) => void;
  exportName: string;
}

/**
 * 成员单位: per member its orders by modality, remote readings, answered consultations, returns and
 * their rate, late reports, critical values and the share acknowledged in time, recognition used
 * and repeated; sortable, exportable, a row opens the unit's orders of the period.
 */
export function MemberIndicators({ members, period, drill, onOpen, exportName }: Props) {
  const { t } = useTranslation();
  // Most orders first, as the table sorts by default (and the export writes).
  const rows = [...members].sort((a, b) => b.ordered - a.ordered || a.organizationName.localeCompare(b.organizationName, 'zh-CN'));
  const rate = (v: number | null) => formatIndicator('ratio', v, t);
  const num = (title: string, get: (m: Member) => number, key: string): DataColumn<Member> => ({
    title,
    key,
    align: 'right',
    sorter: (a, b) => get(a) - get(b),
    sortDirections: ['descend', 'ascend'],
    render: (_: unknown, m) => get(m).toLocaleString('zh-CN'),
    exportValue: get,
  });
  const ratio = (title: string, get: (m: Member) => number | null, key: string): DataColumn<Member> => ({
    title: `${title}(%)`,
    key,
    align: 'right',
    sorter: (a, b) => (get(a) ?? -1) - (get(b) ?? -1),
    sortDirections: ['descend', 'ascend'],
    render: (_: unknown, m) => rate(get(m)),
    exportValue: (m) => plainValue('ratio', get(m)),
  });
  const columns: DataColumn<Member>[] = [
    {
      title: t('centreIndicators.unit'),
      dataIndex: 'organizationName',
      fixed: 'left',
      sorter: (a, b) => a.organizationName.localeCompare(b.organizationName, 'zh-CN'),
      render: (v: string, m) =>
        drill ? (
          <Link to={orderDrillPath(m.organizationId, period)} onClick={(e) => e.stopPropagation()} data-testid="member-orders-link">
            {v}
          </Link>
        ) : (
          v
        ),
    },
    ...MODALITIES.map((mod) => num(t(`diagnostics.modalities.${mod}`), (m) => m.byModality[mod] ?? 0, `by-${mod}`)),
    { ...num(t('centreIndicators.orderedTotal'), (m) => m.ordered, 'ordered'), defaultSortOrder: 'descend' },
    num(t('centreIndicators.remoteReports'), (m) => m.remoteReports, 'remote'),
    num(t('centreIndicators.consultationsShort'), (m) => m.consultations, 'consultations'),
    num(t('centreIndicators.rejected'), (m) => m.rejected, 'rejected'),
    ratio(t('centreIndicators.rejectionRateShort'), (m) => m.rejectionRate, 'rejection-rate'),
    num(t('centreIndicators.lateReports'), (m) => m.lateReports, 'late'),
    num(t('centreIndicators.criticalValues'), (m) => m.criticalValues, 'critical'),
    ratio(t('centreIndicators.criticalInTimeShort'), (m) => m.criticalAckShare, 'critical-share'),
    num(t('centreIndicators.recognitionUsed'), (m) => m.recognitionUsed, 'recognition-used'),
    num(t('centreIndicators.recognitionRepeated'), (m) => m.recognitionRepeated, 'recognition-repeated'),
  ];
  return (
    <Card size="small" title={t('centreIndicators.members')} extra={drill && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('centreIndicators.membersHint')}</Typography.Text>}>
      <DataTable
        data-testid="member-indicators"
        columns={columns}
        rows={rows}
        rowKey={(m: Member) => m.organizationId}
        onRowClick={drill ? onOpen : undefined}
        pageSize={20}
        exportName={exportName}
      />
    </Card>
  );
}
