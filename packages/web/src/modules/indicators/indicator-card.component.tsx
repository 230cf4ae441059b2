import { Card, Col, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IndicatorDefinition } from '@yigong/domain';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { currentLanguage } from '../../shared/i18n/i18n.ts';
import { formatIndicator, STATUS_COLOURS } from './indicator-format.ts';
import { DEFINITIONS, type IndicatorSet, type IndicatorValueView } from './indicators.resource.ts';

export function indicatorName(d: IndicatorDefinition): string {
  return currentLanguage() === 'en' ? d.nameEn : d.nameZh;
}

/** Direction arrow: ↑ higher is better, ↓ lower is better. */
export function DirectionArrow({ direction }: { direction: 'up' | 'down' | null }) {
  const { t } = useTranslation();
  if (!direction) return null;
  return (
    <Tooltip title={t(`dashboard.${direction}`)}>
      <span data-testid="direction" aria-label={t(`dashboard.${direction}`)}>
        {direction === 'up' ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
      </span>
    </Tooltip>
  );
}

/** One indicator: big value in its status colour, target, direction, status tag, n / d, out-of-county note. */
export function IndicatorCard({ def, v }: { def: IndicatorDefinition; v: IndicatorValueView | undefined }) {
  const { t } = useTranslation();
  const status = v?.status ?? 'no_data';
  const colour = STATUS_COLOURS[status];
  const target = v?.target ?? def.target;
  return (
    <Card size="small" style={{ height: '100%', borderTop: `3px solid ${colour}` }} data-testid={`card-${def.code}`} data-status={status}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Text type="secondary">{indicatorName(def)}</Typography.Text>
        <Tag color={status === 'none' ? 'default' : status === 'no_data' ? 'default' : status === 'amber' ? 'gold' : status} style={{ marginInlineEnd: 0 }}>
          {t(`dashboard.status.${status}`)}
        </Tag>
      </Space>
      <div style={{ fontSize: 28, fontWeight: 600, color: colour, lineHeight: 1.4 }} data-testid="indicator-value">
        {formatIndicator(def.unit, v?.value, t)} <span style={{ fontSize: 16 }}><DirectionArrow direction={def.direction} /></span>
      </div>
      <Space size="small" wrap style={{ fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {target === null ? t('dashboard.noTarget') : t('dashboard.target', { target: formatIndicator(def.unit, target, t) })}
        </Typography.Text>
      </Space>
      {v?.note === 'no_out_of_county_data' && (
        <div data-testid="out-of-county-note">
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            <WarningOutlined /> {t('dashboard.noOutOfCounty')}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

interface SetQuery {
  data?: IndicatorSet;
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** The indicator cards of a scope, in definition order, with the four states. */
export function IndicatorCards({ query, unitLevel }: { query: SetQuery; unitLevel?: boolean }) {
  if (query.isPending) return <LoadingState />;
  if (query.error || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const set = query.data;
  const defs = DEFINITIONS.filter((d) => (unitLevel ? !d.communityOnly : true));
  if (set.values.length === 0) return <EmptyState />;
  return (
    <Row gutter={[12, 12]} data-testid="indicator-cards">
      {defs.map((d) => (
        <Col key={d.code} xs={24} sm={12} lg={8} xl={6} xxl={4}>
          <IndicatorCard def={d} v={set.byCode.get(d.code)} />
        </Col>
      ))}
    </Row>
  );
}
