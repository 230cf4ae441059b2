import { Card, Col, Progress, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChronicRatesResponse, Rates, SigningRatesResponse } from '@yigong/contracts';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';

/** Targets of policy text 004 (Deqing 2023, for 2025): signing ≥ 45 %, key populations ≥ 90 %, two-disease standard management ≥ 80 %. */
export const TARGETS = { combinedStandard: 0.8, signing: 0.45, keySigning: 0.9 } as const;

export function percent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

/** One rate: big percentage, n / d, a bar, and the target when the policy sets one (green when met). */
function RateLine({ label, rate, n, d, target, testId }: { label: string; rate: number | null; n: number; d: number; target?: number; testId: string }) {
  const { t } = useTranslation();
  const met = target === undefined || rate === null ? undefined : rate >= target;
  const colour = met === undefined ? '#1668dc' : met ? '#389e0d' : '#cf1322';
  return (
    <div data-testid={testId} style={{ marginBottom: 12 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="baseline">
        <Typography.Text type="secondary">{label}</Typography.Text>
        {target !== undefined && (
          <Typography.Text style={{ color: colour, fontSize: 12 }} data-testid="rate-target">
            {t('chronicRates.target', { target: percent(target, 0) })}
          </Typography.Text>
        )}
      </Space>
      <div style={{ fontSize: 26, fontWeight: 600, color: colour, lineHeight: 1.3 }} data-testid="rate-value">
        {percent(rate)}
      </div>
      <div style={{ position: 'relative' }}>
        <Progress percent={rate === null ? 0 : Math.round(rate * 1000) / 10} showInfo={false} strokeColor={colour} size="small" />
        {target !== undefined && <div title={percent(target, 0)} style={{ position: 'absolute', left: `${target * 100}%`, top: 4, width: 2, height: 14, background: '#595959' }} />}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('chronicRates.counts', { n, d })}
      </Typography.Text>
    </div>
  );
}

function DiseaseCard({ title, r, standardTarget, testId }: { title: string; r: Rates; standardTarget?: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      <RateLine label={t('chronicRates.standardRate')} rate={r.standardRate} n={r.standard} d={r.managed} target={standardTarget} testId="standard-rate" />
      <RateLine label={t('chronicRates.controlRate')} rate={r.controlRate} n={r.controlled} d={r.managed} testId="control-rate" />
    </Card>
  );
}

interface Props {
  chronic: { data?: ChronicRatesResponse; isPending: boolean; error: unknown; refetch: () => unknown };
  signing: { data?: SigningRatesResponse; isPending: boolean; error: unknown; refetch: () => unknown };
}

/** The community cards: 高血压, 糖尿病, 两慢病 (规范管理率, 控制率) and 家庭医生签约 (签约率, 重点人群签约率). */
export function RatesCards({ chronic, signing }: Props) {
  const { t } = useTranslation();
  if (chronic.isPending) return <LoadingState />;
  if (chronic.error || !chronic.data) return <ErrorState error={chronic.error} onRetry={() => void chronic.refetch()} />;
  const c = chronic.data;
  if (c.combined.managed === 0 && !signing.data?.residents) return <EmptyState />;
  const s = signing.data;
  return (
    <Row gutter={[16, 16]} data-testid="rates-cards">
      <Col xs={24} md={12} xl={6}>
        <DiseaseCard title={t('chronicRates.hypertension')} r={c.hypertension} testId="card-hypertension" />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <DiseaseCard title={t('chronicRates.diabetes')} r={c.diabetes} testId="card-diabetes" />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <DiseaseCard title={t('chronicRates.combined')} r={c.combined} standardTarget={TARGETS.combinedStandard} testId="card-combined" />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" title={t('chronicRates.signing')} style={{ height: '100%' }} data-testid="card-signing">
          {signing.isPending ? (
            <LoadingState />
          ) : signing.error || !s ? (
            <ErrorState compact error={signing.error} onRetry={() => void signing.refetch()} />
          ) : (
            <>
              <RateLine label={t('chronicRates.signingRate')} rate={s.signingRate} n={s.signed} d={s.residents} target={TARGETS.signing} testId="signing-rate" />
              <RateLine label={t('chronicRates.keySigningRate')} rate={s.keySigningRate} n={s.keySigned} d={s.keyPopulation} target={TARGETS.keySigning} testId="key-signing-rate" />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
