import { Alert, Flex, Segmented, Space, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MODALITIES, type Modality } from '@yigong/domain';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { useOrderColumns } from './order-columns.component.tsx';
import { useDiagnosticCentres, useOrders } from './diagnostics.resource.ts';
import { useNow } from './use-now.ts';

const REFRESH_MS = 60_000;

/**
 * 阅片工作台: the open orders of the centres at the caller's unit, in the server's order (urgent,
 * overdue, longest waiting); the waiting time ticks every minute and the list is re-read as often.
 */
export default function WorklistPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { communityId } = useCommunitySelection();
  const [params, setParams] = useSearchParams();
  const modality = MODALITIES.find((m) => m === params.get('modality'));
  const query = useOrders({ view: 'worklist', modality }, { refreshMs: REFRESH_MS, enabled: !!user.organizationId });
  const centres = useDiagnosticCentres(communityId);
  const now = useNow(REFRESH_MS);
  const columns = useOrderColumns({ worklist: true, now, fetchedAt: query.dataUpdatedAt });
  const ownCentres = centres.data?.filter((c) => c.organizationId === user.organizationId);
  const rows = query.data;
  const urgent = rows?.filter((o) => o.priority === 'urgent').length ?? 0;
  const overdue = rows?.filter((o) => o.overdue).length ?? 0;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('diagnostics.worklistTitle')}
        </Typography.Title>
        <Space wrap>
          {rows && <Tag color="blue">{t('diagnostics.openCount', { count: rows.length })}</Tag>}
          {urgent > 0 && <Tag color="red">{`${t('diagnostics.priorities.urgent')} ${urgent}`}</Tag>}
          {overdue > 0 && <Tag color="red">{`${t('diagnostics.overdue')} ${overdue}`}</Tag>}
          <Typography.Text type="secondary">{t('diagnostics.lastUpdated')}</Typography.Text>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('diagnostics.worklistHint')}
        {ownCentres && ownCentres.length > 0 && ` · ${ownCentres.map((c) => c.name).join('、')}`}
      </Typography.Paragraph>
      {ownCentres && ownCentres.length === 0 && <Alert type="info" showIcon title={t('diagnostics.notACentre')} style={{ marginBottom: 12 }} />}
      <DataTable
        data-testid="worklist"
        columns={columns}
        rows={rows}
        loading={query.isPending && !!user.organizationId}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowClick={(o) => void navigate(`/diagnostics/orders/${o.id}`)}
        pageSize={50}
        toolbar={
          <Segmented<string>
            value={modality ?? 'all'}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              if (v === 'all') next.delete('modality');
              else next.set('modality', v);
              setParams(next, { replace: true });
            }}
            options={[{ value: 'all', label: t('diagnostics.allModalities') }, ...MODALITIES.map((m: Modality) => ({ value: m, label: t(`diagnostics.modalities.${m}`) }))]}
            data-testid="worklist-modality"
          />
        }
        exportName={t('diagnostics.worklistTitle')}
      />
    </>
  );
}
