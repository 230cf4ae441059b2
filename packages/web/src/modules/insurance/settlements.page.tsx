import { Button, Card, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { InsuranceHeader } from './insurance-header.component.tsx';
import { formatScore, formatYuan, yuanOf } from './insurance-format.ts';
import { useSettlements, type SettlementSummary } from './insurance.resource.ts';
import { moneyColumn } from './money-column.ts';
import { SettlementDetail, SettlementStatusTag } from './settlement-detail.component.tsx';
import { PrepareSettlementButton } from './settlement-prepare.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';

/** Newest year first; within a year the confirmed one, then the latest draft. */
function byYearThenStatus(a: SettlementSummary, b: SettlementSummary): number {
  return b.year - a.year || (a.status === b.status ? b.preparedAt.localeCompare(a.preparedAt) : a.status === 'confirmed' ? -1 : 1);
}

/**
 * 年度结算 (docs/domain/insurance.md §3–4): the community's settlements by year with their status,
 * one opened below with its waterfall and member shares. The insurer (and the manager) prepare a
 * draft; the manager confirms it.
 */
export default function SettlementsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { communityId } = useCommunitySelection();
  const [params, setParams] = useSearchParams();
  const list = useSettlements(communityId, null);
  const rows = list.data ? [...list.data].sort(byYearThenStatus) : undefined;
  const selected = params.get('id') ?? rows?.[0]?.id ?? null;
  const open = (id: string) => setParams({ id }, { replace: true });

  const columns: DataColumn<SettlementSummary>[] = [
    { title: t('settlement.year'), dataIndex: 'year', render: (y: number) => t('insuranceUi.yearOption', { year: y }), exportValue: (r) => r.year },
    { title: t('settlement.statusLabel'), dataIndex: 'status', render: (_: unknown, r) => <SettlementStatusTag status={r.status} />, exportValue: (r) => t(`settlement.status.${r.status}`) },
    { title: t('settlement.communityScore'), dataIndex: 'communityScore', align: 'right', render: (v: number) => formatScore(v) },
    // Budget and outlay stay in the export; the detail below shows them on screen.
    { ...moneyColumn<SettlementSummary>(`${t('settlement.budget')}${t('insuranceUi.yuanSuffix')}`, 'budget', (r) => r.budget, false), hidden: true },
    { ...moneyColumn<SettlementSummary>(`${t('settlement.outlay')}${t('insuranceUi.yuanSuffix')}`, 'outlay', (r) => r.outlay, false), hidden: true },
    {
      title: `${t('settlement.difference')}${t('insuranceUi.yuanSuffix')}`,
      key: 'difference',
      align: 'right',
      render: (_: unknown, r) => <Typography.Text type={r.difference < 0 ? 'danger' : 'success'}>{formatYuan(r.difference)}</Typography.Text>,
      exportValue: (r) => yuanOf(r.difference),
    },
    moneyColumn<SettlementSummary>(`${t('settlement.retained')}${t('insuranceUi.yuanSuffix')}`, 'retained', (r) => r.retained, false),
    { title: t('settlement.prepared'), key: 'prepared', render: (_: unknown, r) => `${r.preparedBy} · ${formatDateTime(r.preparedAt)}`, exportValue: (r) => `${r.preparedBy} ${formatDateTime(r.preparedAt)}` },
    {
      title: t('settlement.confirmed'),
      key: 'confirmed',
      render: (_: unknown, r) => (r.confirmedBy ? `${r.confirmedBy} · ${formatDateTime(r.confirmedAt)}` : '—'),
      exportValue: (r) => (r.confirmedBy ? `${r.confirmedBy} ${formatDateTime(r.confirmedAt)}` : null),
    },
    {
      title: t('field.actions'),
      key: 'actions',
      noExport: true,
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => open(r.id)} disabled={r.id === selected} data-testid="settlement-open">
          {r.id === selected ? t('settlement.opened') : t('action.view')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="settlements-page">
      <InsuranceHeader title={t('settlement.title')} extra={communityId && can('insurance.write') && <PrepareSettlementButton communityId={communityId} onPrepared={(s) => open(s.id)} />} />
      {!communityId ? (
        <EmptyState description={t('insuranceUi.chooseCommunity')} />
      ) : (
        <>
          <Card size="small" title={t('settlement.list')}>
            <DataTable<SettlementSummary>
              data-testid="settlement-list"
              columns={columns}
              rows={rows}
              rowKey="id"
              loading={list.isPending}
              error={list.error}
              onRetry={() => void list.refetch()}
              pageSize={10}
              exportName={t('settlement.listExport')}
              emptyText={<EmptyState description={t('settlement.none')} />}
            />
          </Card>
          {selected && <SettlementDetail key={selected} id={selected} />}
        </>
      )}
    </Space>
  );
}
