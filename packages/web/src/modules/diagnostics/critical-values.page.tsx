import { Tabs, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CRITICAL_PARAMS } from '@yigong/domain';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { useCriticalColumns } from './critical-columns.component.tsx';
import { useCriticalValues, type CriticalStatus } from './diagnostics.resource.ts';
import { useNow } from './use-now.ts';

const TABS: CriticalStatus[] = ['open', 'acknowledged', 'all'];

/**
 * 危急值: the critical values concerning the caller — its own orders' (the ordering doctor), and
 * once escalated its unit's (the unit head) or the community's (the medical department) — with a
 * countdown to the deadline, the escalation path and 确认.
 */
export default function CriticalValuesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = TABS.find((s) => s === params.get('status')) ?? 'open';
  const query = useCriticalValues(status);
  const open = useCriticalValues('open');
  const now = useNow(30_000);
  const columns = useCriticalColumns({ now });
  const first = query.data?.[0];
  const ackMinutes = first ? Math.round((Date.parse(first.deadlineAt) - Date.parse(first.raisedAt)) / 60_000) : DEFAULT_CRITICAL_PARAMS.ackMinutes;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('critical.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('critical.hint', { minutes: ackMinutes })}</Typography.Paragraph>
      <Tabs
        activeKey={status}
        onChange={(k) => setParams(k === 'open' ? {} : { status: k }, { replace: true })}
        items={TABS.map((s) => ({ key: s, label: s === 'open' && open.data ? `${t(`critical.tabs.${s}`)} ${open.data.length}` : t(`critical.tabs.${s}`) }))}
        data-testid="critical-tabs"
      />
      <DataTable
        data-testid="critical-list"
        columns={columns}
        rows={query.data}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowClick={(v) => void navigate(`/diagnostics/orders/${v.orderId}`)}
        pageSize={20}
        exportName={`${t('critical.title')}-${t(`critical.tabs.${status}`)}`}
      />
    </>
  );
}
