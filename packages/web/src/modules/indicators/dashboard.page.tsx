import { useState } from 'react';
import { Button, Col, Drawer, Row, Space, Typography } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { BudgetAlertCard } from '../insurance/budget-alert.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { CareCards } from './care-cards.component.tsx';
import { CommunityComparison } from './community-comparison.component.tsx';
import { EncounterTable, useDrillParams } from './encounter-table.component.tsx';
import { IndicatorCards, indicatorName } from './indicator-card.component.tsx';
import { last12Months, periodLabel } from './indicator-format.ts';
import { RANKED_KINDS, definitionOf, useIndicators, useIndicatorTrend, useUnitIndicators } from './indicators.resource.ts';
import { OutCountyDiseases } from './out-county-diseases.component.tsx';
import { PeriodSelect, usePeriod } from './period-select.component.tsx';
import { TrendChart } from './trend-chart.component.tsx';
import { UnitRanking } from './unit-ranking.component.tsx';

/**
 * 驾驶舱 (docs/domain/indicators.md "Dashboard"): a community's indicators for a period against their targets,
 * the chronic and signing rates, a 12-month trend, the ranking of member units and the top
 * out-of-county diseases; the regulator also sees every community side by side. A card's number
 * opens the community's encounters behind it in a drawer.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { communityId, community, communities, isPending, error } = useCommunitySelection();
  const [period, setPeriod] = usePeriod();
  const [trendCode, setTrendCode] = useState('grassroots_visit_rate');
  const cards = useIndicators(communityId, null, period);
  const trend = useIndicatorTrend(communityId, null, last12Months());
  const orgs = useOrganizations(communityId);
  const units = (orgs.data ?? []).filter((o) => RANKED_KINDS.has(o.kind));
  const ranking = useUnitIndicators(communityId, units, period);
  const label = periodLabel(period, t);
  // The drawer is open while the address names a drill-down (a card's number sets it; closing clears it).
  const { indicator, active, setDrill, clearDrill } = useDrillParams();
  const drilled = indicator ? definitionOf(indicator) : undefined;

  if (isPending) return <LoadingState />;
  if (error) return <ErrorState error={error} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('dashboard.title')}
            {community && (
              <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }} data-testid="dashboard-community">
                {community.name} · {label}
              </Typography.Text>
            )}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <CommunitySelect />
            <PeriodSelect period={period} onChange={setPeriod} />
            <Link to={`/dashboard/wall?period=${period}`}>
              <Button icon={<FullscreenOutlined />} data-testid="open-wall">
                {t('dashboard.wall')}
              </Button>
            </Link>
          </Space>
        </Col>
      </Row>
      {user?.role === 'regulator' || communities.length > 1 ? (
        <CommunityComparison communities={communities} period={period} exportName={`${t('dashboard.comparison')}-${period}`} />
      ) : null}
      {!communityId ? (
        <EmptyState description={t('dashboard.chooseCommunity')} />
      ) : (
        <>
          <BudgetAlertCard communityId={communityId} />
          <IndicatorCards query={cards} onDrill={setDrill} />
          <CareCards query={cards} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.careSource')}
          </Typography.Text>
          <TrendChart trend={trend} code={trendCode} onCode={setTrendCode} />
          <UnitRanking
            rows={ranking.rows}
            loading={orgs.isPending || ranking.isPending}
            error={orgs.error ?? ranking.error}
            onRetry={() => {
              void orgs.refetch();
              ranking.refetch();
            }}
            exportName={`${t('dashboard.ranking')}-${period}`}
            period={period}
          />
          <OutCountyDiseases items={cards.data?.topDiseases} loading={cards.isPending} exportName={`${t('dashboard.topDiseases')}-${period}`} />
          <Drawer
            open={active}
            onClose={clearDrill}
            size="90%"
            destroyOnHidden
            title={t('encounterList.drawerTitle', { name: drilled ? indicatorName(drilled) : (community?.name ?? '') })}
            data-testid="encounter-drawer"
          >
            <EncounterTable communityId={communityId} organizationId={null} period={period} scopeName={community?.name ?? ''} />
          </Drawer>
        </>
      )}
    </Space>
  );
}
