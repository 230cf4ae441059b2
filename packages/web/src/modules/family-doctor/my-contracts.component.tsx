import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { ContractStatusTag, FulfilmentCell, useCachedFulfilment } from './contract-tags.component.tsx';
import type { ContractRow } from '@yigong/contracts';

/** 我的签约居民: active contracts of the doctor's units with their fulfilment. */
export function MyContracts({ query }: { query: UseQueryResult<ContractRow[]> }) {
  const { t } = useTranslation();
  const cachedFulfilment = useCachedFulfilment();
  const columns: DataColumn<ContractRow>[] = [
    {
      title: t('contract.resident'),
      dataIndex: 'resident_name',
      render: (_: unknown, c) => (
        <Link to={`/residents/${c.resident_id}`} data-testid="contract-resident">
          {c.resident_name}
        </Link>
      ),
    },
    { title: t('contract.team'), dataIndex: 'team_name' },
    { title: t('contract.startsOn'), dataIndex: 'starts_on', render: (v: string) => formatDate(v) },
    { title: t('contract.endsOn'), dataIndex: 'ends_on', render: (v: string) => formatDate(v) },
    { title: t('contract.status'), dataIndex: 'status', render: (_: unknown, c) => <ContractStatusTag status={c.status} />, exportValue: (c) => t(`contract.statuses.${c.status}`) },
    { title: t('contract.fulfilment'), key: 'fulfilment', render: (_: unknown, c) => <FulfilmentCell contractId={c.id} />, exportValue: (c) => cachedFulfilment(c.id) },
    {
      title: t('field.actions'),
      noExport: true,
      render: (_: unknown, c) => <Link to={`/contracts/${c.id}`}>{t('action.view')}</Link>,
    },
  ];
  return (
    <DataTable
      data-testid="my-contracts"
      columns={columns}
      rows={query.data}
      loading={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      pageSize={10}
      exportName={t('workbench.contracts')}
    />
  );
}
