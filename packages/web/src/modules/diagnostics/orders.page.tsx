import { Badge, Flex, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '@yigong/contracts';
import { MODALITIES, ORDER_STATUSES, type Modality, type OrderStatus } from '@yigong/domain';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { useResident } from '../residents/resident.resource.ts';
import { ORDER_DRILL_KEYS, readOrderDrill, type OrderDrill } from './centre-period.ts';
import { useOrderColumns } from './order-columns.component.tsx';
import { NewOrderButton, useCanOrder } from './order-new.component.tsx';
import { useOrders } from './diagnostics.resource.ts';

/** The most orders one list asks for (the API's limit). */
const LIST_LIMIT = 500;

/** `?new=1&residentId=`: the form opens with the resident chosen (its name read from the record). */
function NewOrderFor({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const resident = useResident(residentId);
  if (resident.isPending) return <NewOrderButton key="pending" />;
  const r = resident.data;
  return <NewOrderButton key="ready" open resident={r ? { id: r.id, name: r.name, detail: `${t(`sex.${r.sex}`)}，${t('record.ageYears', { age: r.age })}` } : null} />;
}

/** The drill-down from 中心运行指标 as a tag: the unit and the period; closing it shows every order again. */
function DrillTag({ drill, unitName, onClose }: { drill: OrderDrill; unitName: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { communityId } = useCommunitySelection();
  const orgs = useOrganizations(unitName ? null : communityId);
  const name = unitName ?? orgs.data?.find((o) => o.id === drill.orderingOrganizationId)?.name ?? '…';
  return (
    <Tag closable onClose={onClose} color="blue" style={{ fontSize: 13, padding: '2px 8px' }} data-testid="order-drill-tag">
      {t('diagnostics.drillUnit', { name })}
      {drill.from && drill.to && ` · ${t('diagnostics.drillPeriod', { from: drill.from, to: drill.to })}`}
    </Tag>
  );
}

/**
 * 检查申请: the orders of the caller's unit (a manager: every order in its scope, with the ordering
 * unit), by status, with the 开具申请 form.
 */
export default function OrdersPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const canOrder = useCanOrder();
  const [params, setParams] = useSearchParams();
  // Doctors see their unit's orders; a manager (a unit head, the medical department) every order in scope.
  const ownUnit = !!user.organizationId && user.role !== 'manager';
  const status = ORDER_STATUSES.find((s) => s === params.get('status'));
  const modality = MODALITIES.find((m) => m === params.get('modality'));
  // From 中心运行指标: the orders one member placed in a period.
  const drill = readOrderDrill(params);
  const query = useOrders({ view: ownUnit ? 'ordered' : 'all', limit: LIST_LIMIT, ...drill });
  const columns = useOrderColumns({ showOrderingUnit: !ownUnit });
  const prefill = params.get('new') === '1' ? params.get('residentId') : null;

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  function clearDrill() {
    const next = new URLSearchParams(params);
    for (const k of ORDER_DRILL_KEYS) next.delete(k);
    setParams(next, { replace: true });
  }

  const all = (query.data ?? []).filter((o) => !modality || o.modality === modality);
  const count = (s: OrderStatus) => all.filter((o) => o.status === s).length;
  const rows: OrderView[] | undefined = query.data && all.filter((o) => !status || o.status === status);
  const tabs = [
    { key: 'all', label: `${t('diagnostics.tabAll')} ${all.length}` },
    ...ORDER_STATUSES.map((s) => ({
      key: s,
      label:
        s === 'reported' ? (
          // Reports waiting to be read by the ordering unit.
          <Badge count={count(s)} size="small" offset={[8, -2]}>
            {t(`diagnostics.statuses.${s}`)}
          </Badge>
        ) : (
          `${t(`diagnostics.statuses.${s}`)} ${count(s)}`
        ),
    })),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('diagnostics.ordersTitle')}
        </Typography.Title>
        {canOrder && (prefill ? <NewOrderFor key={prefill} residentId={prefill} /> : <NewOrderButton />)}
      </Flex>
      {!ownUnit && <Typography.Paragraph type="secondary">{t('diagnostics.ordersManagerHint')}</Typography.Paragraph>}
      {query.data?.length === LIST_LIMIT && <Typography.Paragraph type="warning" data-testid="order-list-limit">{t('diagnostics.listLimit', { count: LIST_LIMIT })}</Typography.Paragraph>}
      <Tabs activeKey={status ?? 'all'} onChange={(k) => setParam('status', k === 'all' ? undefined : k)} items={tabs} data-testid="order-tabs" />
      <DataTable
        data-testid="order-list"
        columns={columns}
        rows={rows}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowClick={(o) => void navigate(`/diagnostics/orders/${o.id}`)}
        pageSize={20}
        toolbar={
          <Space wrap>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('diagnostics.allModalities')}
              value={modality}
              onChange={(v?: Modality) => setParam('modality', v)}
              options={MODALITIES.map((m) => ({ value: m, label: t(`diagnostics.modalities.${m}`) }))}
              data-testid="filter-modality"
            />
            {drill && <DrillTag key={drill.orderingOrganizationId} drill={drill} unitName={query.data?.[0]?.orderingOrganizationName} onClose={clearDrill} />}
          </Space>
        }
        exportName={`${t('diagnostics.ordersTitle')}${drill?.from ? `-${drill.from}-${drill.to}` : ''}-${status ? t(`diagnostics.statuses.${status}`) : t('diagnostics.tabAll')}`}
      />
    </>
  );
}
