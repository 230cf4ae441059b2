import { useRef, useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { OrgKindTag } from '../../shared/components/tags.component.tsx';
import { useOrganization } from '../org/org.resource.ts';
import { EncounterTable, useDrillParams } from './encounter-table.component.tsx';
import { IndicatorCards, type DrillHandler } from './indicator-card.component.tsx';
import { last12Months, periodLabel } from './indicator-format.ts';
import { useIndicators, useIndicatorTrend } from './indicators.resource.ts';
import { PeriodSelect, usePeriod } from './period-select.component.tsx';
import { TrendChart } from './trend-chart.component.tsx';

/**
 * Drill-down to one member unit: its unit-level indicators, their trend, and the encounters
 * behind each number (a card's value or its numerator/denominator opens them below).
 */
export default function UnitDashboardPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const org = useOrganization(organizationId);
  const communityId = org.data?.communityId ?? null;
  const [period, setPeriod] = usePeriod();
  const [trendCode, setTrendCode] = useState('avg_length_of_stay');
  const cards = useIndicators(communityId, organizationId, period);
  const trend = useIndicatorTrend(communityId, organizationId, last12Months());
  const { setDrill } = useDrillParams();
  const encounters = useRef<HTMLDivElement>(null);
  const drill: DrillHandler = (code, part) => {
    setDrill(code, part);
    encounters.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  if (org.isPending) return <LoadingState />;
  if (org.error) return <ErrorState error={org.error} onRetry={() => void org.refetch()} />;
  const unit = org.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="unit-dashboard">
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Space align="center" wrap>
            <Link to={`/dashboard?period=${period}`}>
              <Button icon={<ArrowLeftOutlined />} type="text" aria-label={t('dashboard.backToCommunity')} />
            </Link>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="unit-name">
              {unit.name}
            </Typography.Title>
            <OrgKindTag kind={unit.kind} />
            <Typography.Text type="secondary">{periodLabel(period, t)}</Typography.Text>
          </Space>
        </Col>
        <Col>
          <PeriodSelect period={period} onChange={setPeriod} />
        </Col>
      </Row>
      <Alert type="info" showIcon title={t('dashboard.unitOnlyHint')} />
      <IndicatorCards query={cards} unitLevel onDrill={drill} />
      <TrendChart trend={trend} code={trendCode} onCode={setTrendCode} unitLevel />
      <div ref={encounters} style={{ scrollMarginTop: 16 }}>
        <Card size="small" title={t('dashboard.encounters')} data-testid="unit-encounters">
          <EncounterTable communityId={communityId} organizationId={organizationId} period={period} scopeName={unit.name} />
        </Card>
      </div>
    </Space>
  );
}
