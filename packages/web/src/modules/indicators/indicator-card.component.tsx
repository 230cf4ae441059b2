import { Button, Card, Col, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IndicatorDefinition, IndicatorPart } from '@yigong/domain';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { currentLanguage } from '../../shared/i18n/i18n.ts';
import { formatIndicator, formatPart, STATUS_COLOURS } from './indicator-format.ts';
import { DEFINITIONS, type IndicatorSet } from './indicators.resource.ts';
import type { IndicatorValueView } from '@yigong/contracts';

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

/** A link-styled button sized by its text (keyboard-reachable, unlike a bare anchor). */
const DRILL_LINK = { padding: 0, height: 'auto', lineHeight: 'inherit' } as const;

/** Opens the encounters behind one part of an indicator (the dashboard drill-down). */
export type DrillHandler = (code: string, part: IndicatorPart) => void;

/**
 * One indicator: big value in its status colour, target, direction, status tag, out-of-county
 * note. With `onDrill` the value opens the numerator's encounters, and the numerator and
 * denominator below it open theirs.
 */
export function IndicatorCard({ def, v, onDrill }: { def: IndicatorDefinition; v: IndicatorValueView | undefined; onDrill?: DrillHandler }) {
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
      <div style={{ fontSize: 28, fontWeight: 600, color: colour, lineHeight: 1.4 }}>
        {onDrill && v ? (
          <Button type="link" style={{ ...DRILL_LINK, fontSize: 28, fontWeight: 600, color: colour }} title={t('encounterList.open')} data-testid="indicator-value" onClick={() => onDrill(def.code, 'numerator')}>
            {formatIndicator(def.unit, v.value, t)}
          </Button>
        ) : (
          <span data-testid="indicator-value">{formatIndicator(def.unit, v?.value, t)}</span>
        )}{' '}
        <span style={{ fontSize: 16 }}><DirectionArrow direction={def.direction} /></span>
      </div>
      <Space size="small" wrap style={{ fontSize: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {target === null ? t('dashboard.noTarget') : t('dashboard.target', { target: formatIndicator(def.unit, target, t) })}
        </Typography.Text>
        {onDrill && v && (
          <>
            <Button type="link" style={{ ...DRILL_LINK, fontSize: 12 }} data-testid="drill-numerator" onClick={() => onDrill(def.code, 'numerator')}>
              {t('encounterList.drillNumerator', { v: formatPart(def, 'numerator', v.numerator, t) })}
            </Button>
            <Button type="link" style={{ ...DRILL_LINK, fontSize: 12 }} data-testid="drill-denominator" onClick={() => onDrill(def.code, 'denominator')}>
              {t('encounterList.drillDenominator', { v: formatPart(def, 'denominator', v.denominator, t) })}
            </Button>
          </>
        )}
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
export function IndicatorCards({ query, unitLevel, onDrill }: { query: SetQuery; unitLevel?: boolean; onDrill?: DrillHandler }) {
  if (query.isPending) return <LoadingState />;
  if (query.error || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const set = query.data;
  const defs = DEFINITIONS.filter((d) => (unitLevel ? !d.communityOnly : true));
  if (set.values.length === 0) return <EmptyState />;
  return (
    <Row gutter={[12, 12]} data-testid="indicator-cards">
      {defs.map((d) => (
        <Col key={d.code} xs={24} sm={12} lg={8} xl={6} xxl={4}>
          <IndicatorCard def={d} v={set.byCode.get(d.code)} onDrill={onDrill} />
        </Col>
      ))}
    </Row>
  );
}
