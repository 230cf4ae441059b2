import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResidentRecord } from '@yigong/contracts';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { useOrderColumns } from './order-columns.component.tsx';
import { NewOrderButton, useCanOrder } from './order-new.component.tsx';
import { useOrders } from './diagnostics.resource.ts';

/** 检查检验 tab of the resident record: this resident's orders and results, and 开具检查. */
export function ResidentOrdersTab({ r, active }: { r: ResidentRecord; active: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canOrder = useCanOrder() && r.status === 'active' && r.access !== 'grant';
  const query = useOrders({ view: 'all', residentId: r.id }, { enabled: active });
  const columns = useOrderColumns({ showResident: false, showOrderingUnit: true });
  return (
    <DataTable
      data-testid="resident-orders"
      columns={columns}
      rows={query.data}
      loading={active && query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      onRowClick={(o) => void navigate(`/diagnostics/orders/${o.id}`)}
      pageSize={10}
      toolbar={canOrder && <NewOrderButton resident={{ id: r.id, name: r.name, detail: `${t(`sex.${r.sex}`)}，${t('record.ageYears', { age: r.age })}` }} label={t('diagnostics.residentOrder')} />}
      exportName={`${r.name}-${t('diagnostics.residentTab')}`}
    />
  );
}
