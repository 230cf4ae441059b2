import { useState } from 'react';
import { Card, Col, Row, Segmented, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { RESOURCE_TYPES, type ResourceType } from '@yigong/domain';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import OccupancyChart from './occupancy-chart.component.tsx';
import { ReservationPolicy } from './reservation-policy.component.tsx';
import { useResources, useSlots } from './scheduling.resource.ts';
import { useSlotColumns } from './slot-columns.component.tsx';
import { dailyOccupancy, nextDays } from './slot-occupancy.ts';

const OWNER_KINDS = new Set(['lead_hospital', 'county_hospital', 'tcm_hospital', 'maternal_child_hospital', 'collaborating_hospital']);

/** 号源日历: a hospital's next 14 days of sessions, beds or exams, reserved vs public occupancy, and its reservation policy. */
export default function SchedulingCalendarPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunitySelection();
  const orgs = useOrganizations(communityId);
  const hospitals = (orgs.data ?? []).filter((o) => OWNER_KINDS.has(o.kind)).sort((a, b) => Number(b.kind === 'lead_hospital') - Number(a.kind === 'lead_hospital'));
  const [chosenOrg, setChosenOrg] = useState<string | null>(null);
  const organizationId = hospitals.some((h) => h.id === chosenOrg) ? chosenOrg : (hospitals[0]?.id ?? null);
  const [type, setType] = useState<ResourceType>('clinic');
  const [resourceId, setResourceId] = useState<string | null>(null);
  const days = nextDays(dayjs().format('YYYY-MM-DD'), 14);
  const slots = useSlots({ organizationId, resourceType: type, from: days[0]!, to: days[13]! });
  const resources = useResources(organizationId);
  const ofType = (resources.data?.items ?? []).filter((r) => r.type === type);
  const shown = (slots.data ?? []).filter((s) => !resourceId || s.resourceId === resourceId);
  const columns = useSlotColumns();
  const orgName = hospitals.find((h) => h.id === organizationId)?.name ?? '';

  let chart: React.ReactNode;
  if (orgs.isPending || (slots.isPending && !!organizationId)) chart = <LoadingState />;
  else if (orgs.isError) chart = <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  else if (slots.isError) chart = <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />;
  else if (!organizationId) chart = <EmptyState description={t('scheduling.chooseOrg')} />;
  else if (shown.length === 0) chart = <EmptyState description={t('scheduling.noSlots')} />;
  else chart = <OccupancyChart days={dailyOccupancy(shown, days)} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('scheduling.title')}
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>
            {t('scheduling.range', { from: days[0], to: days[13] })}
          </Typography.Text>
        </Typography.Title>
        <CommunitySelect />
      </Space>
      <Space wrap data-testid="scheduling-filters">
        <Select
          data-testid="scheduling-org"
          style={{ minWidth: 240 }}
          loading={orgs.isPending}
          placeholder={t('scheduling.chooseOrg')}
          value={organizationId ?? undefined}
          onChange={(v: string) => {
            setChosenOrg(v);
            setResourceId(null);
          }}
          options={hospitals.map((h) => ({ value: h.id, label: h.name }))}
        />
        <Segmented<ResourceType>
          value={type}
          onChange={(v) => {
            setType(v);
            setResourceId(null);
          }}
          options={RESOURCE_TYPES.map((r) => ({ value: r, label: t(`scheduling.types.${r}`) }))}
          data-testid="scheduling-type"
        />
        <Select
          style={{ minWidth: 240 }}
          value={resourceId ?? ''}
          onChange={(v: string) => setResourceId(v || null)}
          options={[{ value: '', label: t('scheduling.allResources') }, ...ofType.map((r) => ({ value: r.id, label: r.name }))]}
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('scheduling.chartTitle')} data-testid="occupancy-chart">
            {chart}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('scheduling.policy')}>
            {resources.isPending && organizationId ? (
              <LoadingState />
            ) : resources.isError ? (
              <ErrorState compact error={resources.error} onRetry={() => void resources.refetch()} />
            ) : communityId && organizationId ? (
              <ReservationPolicy
                key={`${organizationId}-${type}`}
                communityId={communityId}
                organizationId={organizationId}
                resourceType={type}
                policy={resources.data?.policies.find((p) => p.resourceType === type)}
              />
            ) : (
              <EmptyState />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('scheduling.slotsTable')}>
        <DataTable
          data-testid="slot-table"
          columns={columns}
          rows={organizationId ? shown : []}
          loading={slots.isPending && !!organizationId}
          error={slots.error}
          onRetry={() => void slots.refetch()}
          pageSize={20}
          emptyText={<EmptyState description={t('scheduling.noSlots')} />}
          exportName={`${orgName}-${t('scheduling.title')}`}
        />
      </Card>
    </Space>
  );
}
