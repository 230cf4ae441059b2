import { Button, DatePicker, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BatchView } from '@yigong/contracts';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { useBatchColumns } from './batch-columns.component.tsx';
import { SterileHeader } from './sterile-nav.component.tsx';
import { LIST_LIMIT, useBatches, useSterileCentre } from './sterile.resource.ts';

const STATUSES: BatchView['status'][] = ['held', 'released', 'recalled'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 灭菌批次: the centre's loads by status (待放行 first to act on), a period of sterilisation days, 新建灭菌批次 for its staff. */
export default function BatchesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { communityId } = useCommunitySelection();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const all = useBatches({ from, to });
  const centre = useSterileCentre(communityId).data ?? undefined;
  const columns = useBatchColumns();
  const staff = centre?.canProcess === true;

  function setParam(entries: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(entries)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  }

  const count = (s: BatchView['status']) => (all.data ?? []).filter((b) => b.status === s).length;
  const rows = all.data?.filter((b) => !status || b.status === status);
  const tabs = [
    { key: 'all', label: `${t('sterile.tabAll')} ${all.data?.length ?? ''}` },
    ...STATUSES.map((s) => ({ key: s, label: `${t(`sterile.batchStatuses.${s}`)} ${all.data ? count(s) : ''}` })),
  ];

  return (
    <>
      <SterileHeader
        title={t('sterile.batchesTitle')}
        extra={
          staff && (
            <Link to="/sterile/batches/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-batch">
                {t('sterile.newBatch')}
              </Button>
            </Link>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('sterile.batchesHint')}</Typography.Paragraph>
      {all.data?.length === LIST_LIMIT && <Typography.Paragraph type="warning">{t('sterile.listLimit', { count: LIST_LIMIT })}</Typography.Paragraph>}
      <Tabs activeKey={status ?? 'all'} onChange={(k) => setParam({ status: k === 'all' ? undefined : k })} items={tabs} data-testid="batch-tabs" />
      <DataTable
        data-testid="batch-list"
        columns={columns}
        rows={rows}
        loading={all.isPending}
        error={all.error}
        onRetry={() => void all.refetch()}
        onRowClick={(b) => void navigate(`/sterile/batches/${b.id}`)}
        pageSize={20}
        // The server lists a centre's loads to its own staff and the community's managers only.
        emptyText={centre && !staff ? <EmptyState description={t('sterile.batchesNotCentre', { name: centre.organizationName })} /> : undefined}
        toolbar={
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            placeholder={[t('sterile.sterilisedFrom'), t('sterile.sterilisedTo')]}
            onChange={(r) => setParam({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            data-testid="batch-period"
          />
        }
        exportName={`${t('sterile.batchesTitle')}-${status ? t(`sterile.batchStatuses.${status}`) : t('sterile.tabAll')}${from || to ? `-${from ?? ''}-${to ?? ''}` : ''}`}
      />
    </>
  );
}
