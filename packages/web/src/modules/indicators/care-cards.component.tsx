import { Card, Col, Row, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MODULE_INDICATOR_DEFINITIONS, type ModuleIndicatorDefinition } from '@yigong/domain';
import { currentLanguage } from '../../shared/i18n/i18n.ts';
import { ErrorState } from '../../shared/components/query-state.component.tsx';
import { DirectionArrow } from './indicator-card.component.tsx';
import { formatIndicator, periodDates, STATUS_COLOURS } from './indicator-format.ts';
import type { IndicatorSet } from './indicators.resource.ts';
import type { IndicatorValueView } from '@yigong/contracts';

/** The shared centres' indicators: the value opens 中心运行指标 for the same period (docs/domain/diagnostics.md "Indicators"). */
const DIAGNOSTICS_CODES = ['remote_diagnoses', 'diagnostic_rejection_rate', 'critical_ack_in_time_rate', 'recognition_rate'];

/** The module indicators shown beside the encounter ones (docs/domain/indicators.md "Module indicators"). */
const CARE_CODES = ['chronic_standard_mgmt_rate', 'signing_rate', 'key_population_signing_rate', 'htn_control_rate', 't2d_control_rate', 'up_referrals', 'down_referrals', 'dispatched_senior_doctors', ...DIAGNOSTICS_CODES];

function CareCard({ d, v, to }: { d: ModuleIndicatorDefinition; v: IndicatorValueView | undefined; to?: string }) {
  const { t } = useTranslation();
  const colour = STATUS_COLOURS[v?.status ?? 'no_data'] ?? STATUS_COLOURS.no_data;
  const count = d.unit === 'count';
  const value = count ? (v ? v.numerator.toLocaleString('zh-CN') : '—') : formatIndicator('ratio', v?.value, t);
  return (
    <Card size="small" style={{ height: '100%', borderTop: `3px solid ${colour}` }} data-testid={`card-${d.code}`}>
      <Typography.Text type="secondary">{currentLanguage() === 'en' ? d.nameEn : d.nameZh}</Typography.Text>
      <div style={{ fontSize: 28, fontWeight: 600, color: colour, lineHeight: 1.4 }} data-testid="indicator-value">
        {to ? <Link to={to} style={{ color: colour }} title={t('dashboard.openModule')} data-testid="indicator-drill">{value}</Link> : value} <span style={{ fontSize: 16 }}><DirectionArrow direction={d.direction} /></span>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {d.target === null ? t('dashboard.noTarget') : t('dashboard.target', { target: formatIndicator('ratio', d.target, t) })}
        {!count && v && ` · ${t('dashboard.counts', { n: v.numerator, d: v.denominator })}`}
      </Typography.Text>
    </Card>
  );
}

/**
 * 两慢病规范管理率, 签约率, 重点人群签约率, control rates, referrals, dispatched doctors and the shared
 * centres' figures (each opening 中心运行指标 for the period) from their modules — part of the same GET /indicators response as the encounter cards (summaries kept on
 * write, so they cost milliseconds at county scale).
 */
export function CareCards({ query }: { query: UseQueryResult<IndicatorSet> }) {
  if (query.error) return <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />;
  const defs = CARE_CODES.map((c) => MODULE_INDICATOR_DEFINITIONS.find((d) => d.code === c)).filter((d): d is ModuleIndicatorDefinition => !!d);
  return (
    <Row gutter={[12, 12]} data-testid="care-cards">
      {defs.map((d) => (
        <Col key={d.code} xs={12} sm={12} lg={6}>
          <CareCard d={d} v={query.data?.byCode.get(d.code)} to={query.data && DIAGNOSTICS_CODES.includes(d.code) ? `/diagnostics/indicators?${new URLSearchParams(periodDates(query.data.period)).toString()}` : undefined} />
        </Col>
      ))}
    </Row>
  );
}
