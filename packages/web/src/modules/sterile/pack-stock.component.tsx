import { Checkbox, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PACK_STATUSES, type PackStatus } from '@yigong/domain';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { addDays, EXPIRING_SOON_DAYS } from './expiry.ts';
import { usePackColumns } from './pack-columns.component.tsx';
import { LIST_LIMIT, usePacks, usePackTypes } from './sterile.resource.ts';

interface Props {
  today: string;
  /** The centre's staff and managers: the unit filter and links to batches. */
  centreView: boolean;
  /** A row opens the pack's trace above. */
  onOpen: (barcode: string) => void;
}

/**
 * 库存: packs in scope — the centre's shelf and what the units hold for its staff, the unit's own
 * for a member — by status, type and unit; 临近过期 asks for the packs in circulation whose last
 * day is within EXPIRING_SOON_DAYS (`expiresBy`). The filters live in the address.
 */
export function PackStock({ today, centreView, onOpen }: Props) {
  const { t } = useTranslation();
  const { communityId } = useCommunitySelection();
  const [params, setParams] = useSearchParams();
  const status = PACK_STATUSES.find((s) => s === params.get('status'));
  const packType = params.get('packType') ?? undefined;
  const organizationId = centreView ? (params.get('unit') ?? undefined) : undefined;
  const soon = params.get('soon') === '1';
  const expiresBy = soon ? addDays(today, EXPIRING_SOON_DAYS) : undefined;
  const query = usePacks({ status, packType, organizationId, expiresBy });
  const types = usePackTypes(communityId);
  const orgs = useOrganizations(centreView ? communityId : null);
  const columns = usePackColumns({ today, linkBatch: centreView });

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  return (
    <>
      {query.data?.length === LIST_LIMIT && <Typography.Paragraph type="warning">{t('sterile.listLimit', { count: LIST_LIMIT })}</Typography.Paragraph>}
      <DataTable
        data-testid="pack-stock"
        columns={columns}
        rows={query.data}
        rowKey="barcode"
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowClick={(p) => onOpen(p.barcode)}
        pageSize={20}
        toolbar={
          <Space wrap>
            <Select
              allowClear
              style={{ width: 170 }}
              placeholder={t('sterile.allStatuses')}
              value={status}
              onChange={(v?: PackStatus) => setParam('status', v)}
              options={PACK_STATUSES.map((s) => ({ value: s, label: t(`sterile.packStatuses.${s}`) }))}
              data-testid="stock-status"
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 170 }}
              placeholder={t('sterile.allPackTypes')}
              value={packType}
              loading={types.isPending}
              onChange={(v?: string) => setParam('packType', v)}
              options={(types.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
              data-testid="stock-type"
            />
            {centreView && (
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 220 }}
                placeholder={t('sterile.allUnits')}
                value={organizationId}
                loading={orgs.isPending}
                onChange={(v?: string) => setParam('unit', v)}
                options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
                data-testid="stock-unit"
              />
            )}
            <Checkbox checked={soon} onChange={(e) => setParam('soon', e.target.checked ? '1' : undefined)} data-testid="stock-soon">
              {t('sterile.expiringFilter', { count: EXPIRING_SOON_DAYS, date: addDays(today, EXPIRING_SOON_DAYS) })}
            </Checkbox>
          </Space>
        }
        exportName={`${t('sterile.stock')}${status ? `-${t(`sterile.packStatuses.${status}`)}` : ''}${soon ? `-${t('sterile.expiringSoon')}` : ''}`}
      />
    </>
  );
}
