import { useState } from 'react';
import { Select, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DeliveryView, SterileRequestQuery } from '@yigong/contracts';
import { STERILE_REQUEST_STATUSES, type SterileRequestStatus } from '@yigong/domain';
import { useAuth, useUser } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { shanghaiToday } from '../../shared/i18n/format.ts';
import { DeliveryResult } from './delivery-result.component.tsx';
import { useRequestColumns } from './request-columns.component.tsx';
import { NewRequestButton } from './request-new.component.tsx';
import { SterileHeader } from './sterile-nav.component.tsx';
import { LIST_LIMIT, useSterileCentre, useSterileRequests } from './sterile.resource.ts';

type View = SterileRequestQuery['view'];

/**
 * 申领: 本机构申领 (what the caller's unit asked for, with 新建申领 and 取消) and 待发放 (the
 * centre's incoming requests, with 发放); a community manager also sees all of them.
 */
export default function RequestsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { can } = useAuth();
  const { communityId } = useCommunitySelection();
  const centre = useSterileCentre(communityId).data ?? undefined;
  const [params, setParams] = useSearchParams();
  const staff = centre?.canProcess === true;
  // `mine` and `incoming` are a unit's views (the server asks an account with a unit); the community's manager reads `all`.
  const views: View[] = [...(user.organizationId ? (['mine'] as const) : []), ...(staff && user.organizationId ? (['incoming'] as const) : []), ...(user.role === 'manager' ? (['all'] as const) : [])];
  const view: View = views.find((v) => v === params.get('view')) ?? views[0] ?? 'all';
  const status = STERILE_REQUEST_STATUSES.find((s) => s === params.get('status'));
  const query = useSterileRequests({ view, status });
  const [delivery, setDelivery] = useState<DeliveryView | null>(null);
  const columns = useRequestColumns({ today: shanghaiToday(), onDelivered: setDelivery });

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  return (
    <>
      <SterileHeader title={t('sterile.requestsTitle')} extra={can('sterile.request') && user.organizationId && <NewRequestButton />} />
      <Typography.Paragraph type="secondary">{t(`sterile.requestsHint.${view}`)}</Typography.Paragraph>
      {query.data?.length === LIST_LIMIT && <Typography.Paragraph type="warning">{t('sterile.listLimit', { count: LIST_LIMIT })}</Typography.Paragraph>}
      {views.length > 1 && <Tabs activeKey={view} onChange={(k) => setParam('view', k)} items={views.map((v) => ({ key: v, label: t(`sterile.requestViews.${v}`) }))} data-testid="request-tabs" />}
      <DataTable
        data-testid="request-list"
        columns={columns}
        rows={query.data}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        pageSize={20}
        toolbar={
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('sterile.allStatuses')}
            value={status}
            onChange={(v?: SterileRequestStatus) => setParam('status', v)}
            options={STERILE_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`sterile.requestStatuses.${s}`) }))}
            data-testid="request-status-filter"
          />
        }
        exportName={`${t('sterile.requestsTitle')}-${t(`sterile.requestViews.${view}`)}${status ? `-${t(`sterile.requestStatuses.${status}`)}` : ''}`}
      />
      <DeliveryResult delivery={delivery} onClose={() => setDelivery(null)} />
    </>
  );
}
