import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatPercent, formatYuan, yuanOf } from './insurance-format.ts';
import { usePolicyVersions, type PolicyVersion } from './insurance.resource.ts';
import { formatDateTime } from '../../shared/i18n/format.ts';

/** 修改记录: every version of the year's policy — who, when (Asia/Shanghai), why — newest first. */
export function PolicyVersions({ communityId, year }: { communityId: string; year: number }) {
  const { t } = useTranslation();
  const versions = usePolicyVersions(communityId, year);
  // The newest version is the one in force.
  const current = versions.data?.reduce((m, v) => Math.max(m, v.version), 0);
  const columns: DataColumn<PolicyVersion>[] = [
    {
      title: t('policy.version'),
      dataIndex: 'version',
      render: (v: number) => (
        <span>
          v{v} {v === current && <Tag color="green">{t('policy.inForce')}</Tag>}
        </span>
      ),
      exportValue: (r) => r.version,
    },
    { title: t('policy.changedAt'), dataIndex: 'changedAt', render: (v: string) => formatDateTime(v), exportValue: (r) => formatDateTime(r.changedAt) },
    { title: t('policy.changedBy'), dataIndex: 'changedBy' },
    { title: t('policy.reason'), dataIndex: 'reason' },
    { title: `${t('policy.financing')}${t('insuranceUi.yuanSuffix')}`, dataIndex: 'financing', align: 'right', render: (v: number) => formatYuan(v), exportValue: (r) => yuanOf(r.financing) },
    { title: t('policy.budgetShare'), dataIndex: 'budgetShare', align: 'right', render: (v: number) => formatPercent(v, 2), exportValue: (r) => Number((r.budgetShare * 100).toFixed(4)) },
  ];
  return (
    <DataTable<PolicyVersion>
      data-testid="policy-versions"
      columns={columns}
      rows={versions.data}
      rowKey="version"
      loading={versions.isPending}
      error={versions.error}
      onRetry={() => void versions.refetch()}
      exportName={t('policy.versionsExport', { year })}
    />
  );
}
