import { useState } from 'react';
import { Button, Card, Col, Row, Spin, Typography } from 'antd';
import { ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../shared/components/query-state.component.tsx';
import { TARGETS } from '../chronic/rates-cards.component.tsx';
import { useChronicRates } from '../chronic/chronic.resource.ts';
import { useSigningRates } from '../family-doctor/family-doctor.resource.ts';
import { formatIndicator, STATUS_COLOURS } from './indicator-format.ts';

function RateCard({ label, rate, n, d, target, loading, error, onRetry, onAsk, testId }: {
  label: string; rate: number | null | undefined; n?: number; d?: number; target: number; loading: boolean; error: unknown; onRetry: () => void; onAsk?: () => void; testId: string;
}) {
  const { t } = useTranslation();
  const status = rate === null || rate === undefined ? 'no_data' : rate >= target ? 'green' : rate >= target * 0.95 ? 'amber' : 'red';
  const colour = STATUS_COLOURS[status];
  return (
    <Card size="small" style={{ height: '100%', borderTop: `3px solid ${loading ? '#d9d9d9' : colour}` }} data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {onAsk ? (
        <div style={{ padding: '8px 0' }}>
          <Button size="small" onClick={onAsk} data-testid="ask-signing">
            {t('dashboard.computeSigning')}
          </Button>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.target', { target: formatIndicator('ratio', target, t) })} · {t('dashboard.signingSlow')}
            </Typography.Text>
          </div>
        </div>
      ) : loading ? (
        <div style={{ padding: '8px 0' }}>
          <Spin size="small" /> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.signingLoading')}</Typography.Text>
        </div>
      ) : error ? (
        <ErrorState compact error={error} onRetry={onRetry} />
      ) : (
        <>
          <div style={{ fontSize: 28, fontWeight: 600, color: colour, lineHeight: 1.4 }} data-testid="indicator-value">
            {formatIndicator('ratio', rate, t)} <span style={{ fontSize: 16 }}><ArrowUpOutlined /></span>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.target', { target: formatIndicator('ratio', target, t) })}
            {n !== undefined && d !== undefined && ` · ${t('dashboard.counts', { n, d })}`}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

/**
 * 两慢病规范管理率, 签约率 and 重点人群签约率 from their modules, against policy text 004's targets.
 * The signing rates are asked for on demand (unless cached): GET /family-doctor/rates takes about a
 * minute on the embedded database and holds every other dashboard query behind it meanwhile.
 */
export function CareCards({ communityId, year }: { communityId: string; year: number }) {
  const { t } = useTranslation();
  const chronic = useChronicRates(communityId, year);
  const [asked, setAsked] = useState(false);
  const signing = useSigningRates(communityId, undefined, asked);
  const ask = !asked && !signing.data ? () => setAsked(true) : undefined;
  const c = chronic.data?.combined;
  const s = signing.data;
  return (
    <Row gutter={[12, 12]} data-testid="care-cards">
      <Col xs={24} sm={12} lg={8}>
        <RateCard label={t('dashboard.combinedStandard')} rate={c?.standardRate} n={c?.standard} d={c?.managed} target={TARGETS.combinedStandard}
          loading={chronic.isPending} error={chronic.error} onRetry={() => void chronic.refetch()} testId="card-combined-standard" />
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <RateCard label={t('dashboard.signingRate')} rate={s?.signingRate} n={s?.signed} d={s?.residents} target={TARGETS.signing}
          loading={signing.isPending} error={signing.error} onRetry={() => void signing.refetch()} onAsk={ask} testId="card-signing-rate" />
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <RateCard label={t('dashboard.keySigningRate')} rate={s?.keySigningRate} n={s?.keySigned} d={s?.keyPopulation} target={TARGETS.keySigning}
          loading={signing.isPending} error={signing.error} onRetry={() => void signing.refetch()} onAsk={ask} testId="card-key-signing-rate" />
      </Col>
    </Row>
  );
}
