import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { MODULE_INDICATOR_DEFINITIONS, type ModuleIndicatorDefinition } from '@yigong/domain';
import { currentLanguage } from '../../shared/i18n/i18n.ts';
import { DirectionArrow, indicatorName } from './indicator-card.component.tsx';
import { formatIndicator, STATUS_COLOURS } from './indicator-format.ts';
import { DEFINITIONS, type IndicatorSet } from './indicators.resource.ts';

/** The wall screen's panel style (dark, bordered). `border-box` so a full-height panel never overflows its row. */
export const WALL_PANEL: React.CSSProperties = { background: '#0b1d3f', border: '1px solid #1f3b66', borderRadius: 8, padding: 16, height: '100%', boxSizing: 'border-box' };

function WallCard({ testId, label, value, colour, direction, sub }: { testId: string; label: string; value: string; colour: string; direction: 'up' | 'down' | null; sub: React.ReactNode }) {
  return (
    <div style={{ ...WALL_PANEL, borderTop: `4px solid ${colour}` }} data-testid={testId}>
      <div style={{ color: '#9fb8e0', fontSize: 15, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{label}</div>
      <div style={{ fontSize: 40, fontWeight: 700, color: colour, lineHeight: 1.3, fontVariantNumeric: 'tabular-nums' }}>
        {value} <span style={{ fontSize: 20 }}><DirectionArrow direction={direction} /></span>
      </div>
      <div style={{ color: '#9fb8e0', fontSize: 13 }}>{sub}</div>
    </div>
  );
}

const colourOf = (status: string | undefined): string => (status === 'none' ? '#4cc9f0' : (STATUS_COLOURS[status ?? 'no_data'] ?? '#8c8c8c'));

/** The encounter indicators as large numbers, coloured by status (docs/domain/indicators.md "Status"). */
export function WallEncounterCards({ set }: { set: IndicatorSet }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} data-testid="wall-cards">
      {DEFINITIONS.map((d) => {
        const v = set.byCode.get(d.code);
        return (
          <Col key={d.code} xs={12} md={8} xl={4}>
            <WallCard testId={`wall-${d.code}`} label={indicatorName(d)} value={formatIndicator(d.unit, v?.value, t)} colour={colourOf(v?.status)} direction={d.direction}
              sub={<>
                {d.target === null ? t('dashboard.noTarget') : t('dashboard.target', { target: formatIndicator(d.unit, d.target, t) })}
                {v?.note === 'no_out_of_county_data' && <span style={{ color: '#f7b32b' }}> · {t('dashboard.status.no_data')}</span>}
              </>} />
          </Col>
        );
      })}
    </Row>
  );
}

/** Health management and referral figures from their modules (签约, 两慢病, 上下转). */
const WALL_MODULE_CODES = ['signing_rate', 'key_population_signing_rate', 'chronic_standard_mgmt_rate', 'htn_control_rate', 'up_referrals', 'down_referrals'];

export function WallModuleCards({ set }: { set: IndicatorSet }) {
  const { t } = useTranslation();
  const defs = WALL_MODULE_CODES.map((c) => MODULE_INDICATOR_DEFINITIONS.find((d) => d.code === c)).filter((d): d is ModuleIndicatorDefinition => !!d);
  return (
    <Row gutter={[16, 16]} data-testid="wall-module-cards">
      {defs.map((d) => {
        const v = set.byCode.get(d.code);
        const value = d.unit === 'count' ? (v ? v.numerator.toLocaleString('zh-CN') : '—') : formatIndicator('ratio', v?.value, t);
        return (
          <Col key={d.code} xs={12} md={8} xl={4}>
            <WallCard testId={`wall-${d.code}`} label={currentLanguage() === 'en' ? d.nameEn : d.nameZh} value={value} colour={colourOf(v?.status)} direction={d.direction}
              sub={d.target === null ? (d.unit === 'count' ? t('dashboard.inPeriod') : t('dashboard.noTarget')) : t('dashboard.target', { target: formatIndicator('ratio', d.target, t) })} />
          </Col>
        );
      })}
    </Row>
  );
}
