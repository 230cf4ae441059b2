import { Button, Space } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContractView, ResidentRecord } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { ContractPanel } from './contract-panel.component.tsx';
import { ContractStatusTag, FulfilmentBar, percentText } from './contract-tags.component.tsx';
import { useResidentContracts } from './family-doctor.resource.ts';

/** 签约 tab of the resident record: the current contract with its services, and every past one. */
export function ContractsTab({ r, active }: { r: ResidentRecord; active: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const query = useResidentContracts(r.id, active);
  const editable = can('care.write') && r.status === 'active' && r.access !== 'grant';
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const current = query.data.find((c) => c.status === 'active');
  const signButton = editable && !current && (
    <Link to={`/contracts/new?residentId=${r.id}`}>
      <Button type="primary" icon={<FileAddOutlined />} data-testid="contract-sign">
        {t('contract.sign')}
      </Button>
    </Link>
  );
  const columns: DataColumn<ContractView>[] = [
    { title: t('contract.team'), dataIndex: 'team_name' },
    { title: t('contract.startsOn'), dataIndex: 'starts_on', render: (v: string) => formatDate(v) },
    { title: t('contract.endsOn'), dataIndex: 'ends_on', render: (v: string) => formatDate(v) },
    {
      title: t('contract.status'),
      dataIndex: 'status',
      render: (_: unknown, c) => <ContractStatusTag status={c.status} />,
      exportValue: (c) => t(`contract.statuses.${c.status}`),
    },
    {
      title: t('contract.reason'),
      dataIndex: 'termination_reason',
      render: (_: unknown, c) => (c.termination_reason ? `${t(`contract.reasons.${c.termination_reason}`)} ${formatDate(c.terminated_on)}` : '—'),
      exportValue: (c) => (c.termination_reason ? t(`contract.reasons.${c.termination_reason}`) : ''),
    },
    {
      title: t('contract.packages'),
      key: 'packages',
      render: (_: unknown, c) => [...new Set(c.items.map((i) => i.packageName))].join('、'),
      exportValue: (c) => [...new Set(c.items.map((i) => i.packageName))].join('、'),
    },
    {
      title: t('contract.delivered'),
      key: 'delivered',
      render: (_: unknown, c) => `${c.items.reduce((a, i) => a + i.delivered, 0)} / ${c.items.reduce((a, i) => a + i.timesPerYear, 0)}`,
      exportValue: (c) => c.items.reduce((a, i) => a + i.delivered, 0),
    },
    { title: t('contract.fulfilment'), dataIndex: 'fulfilmentRate', render: (_: unknown, c) => <FulfilmentBar rate={c.fulfilmentRate} />, exportValue: (c) => percentText(c.fulfilmentRate) },
    { title: t('field.actions'), noExport: true, render: (_: unknown, c) => <Link to={`/contracts/${c.id}`}>{t('action.view')}</Link> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contracts-tab">
      {current ? <ContractPanel c={current} editable={editable} /> : <EmptyState description={t('contract.none')} action={signButton} />}
      <DataTable data-testid="contract-history" columns={columns} rows={query.data} exportName={`${r.name}-${t('contract.history')}`} toolbar={<strong>{t('contract.history')}</strong>} />
    </Space>
  );
}
