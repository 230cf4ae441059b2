import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiagnosticsIndicatorsView } from '@yigong/contracts';
import { formatYuan } from '../../shared/i18n/format.ts';
import { formatIndicator, STATUS_COLOURS } from '../indicators/indicator-format.ts';

const BLUE = STATUS_COLOURS.none!;

function Figure({ label, value, sub, colour = BLUE, testId }: { label: string; value: string; sub: ReactNode; colour?: string; testId: string }) {
  return (
    <Card size="small" style={{ height: '100%', borderTop: `3px solid ${colour}` }} data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 26, fontWeight: 600, color: colour, lineHeight: 1.4, whiteSpace: 'nowrap' }} data-testid="figure-value">
        {value}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {sub}
      </Typography.Text>
    </Card>
  );
}

const count = (n: number) => n.toLocaleString('zh-CN');

/**
 * The centres' figures of the period: orders, 远程诊断服务量 (remote readings and answered
 * consultations, as the dashboard's remote_diagnoses counts them), consultations answered, the
 * rejection rate, critical values acknowledged in time, the recognition rate and what it saved.
 */
export function CentreIndicatorCards({ v }: { v: DiagnosticsIndicatorsView }) {
  const { t } = useTranslation();
  const rate = (r: number | null) => formatIndicator('ratio', r, t);
  return (
    // Seven even columns on a desktop, fewer (still even) on a narrower screen.
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 12 }} data-testid="centre-indicator-cards">
      <Figure testId="card-ordered" label={t('centreIndicators.ordered')} value={count(v.ordered)} sub={t('centreIndicators.orderedSub', { checked: count(v.checked), late: count(v.lateReports) })} />
      <Figure
        testId="card-remote"
        label={t('centreIndicators.remote')}
        value={count(v.remoteReports + v.consultations)}
        sub={t('centreIndicators.remoteSub', { reports: count(v.remoteReports), consultations: count(v.consultations) })}
      />
      <Figure testId="card-consultations" label={t('centreIndicators.consultations')} value={count(v.consultations)} sub={t('centreIndicators.consultationsSub')} />
      <Figure testId="card-rejection" label={t('centreIndicators.rejectionRate')} value={rate(v.rejectionRate)} sub={t('centreIndicators.ofChecked', { n: count(v.rejected), d: count(v.checked) })} colour="#d46b08" />
      <Figure
        testId="card-critical"
        label={t('centreIndicators.criticalInTime')}
        value={rate(v.criticalAck.share)}
        sub={t('centreIndicators.criticalSub', { n: count(v.criticalAck.inTime), d: count(v.criticalAck.total) })}
        colour={v.criticalAck.share === null ? STATUS_COLOURS.no_data : v.criticalAck.share < 1 ? STATUS_COLOURS.red : STATUS_COLOURS.green}
      />
      <Figure testId="card-recognition" label={t('centreIndicators.recognitionRate')} value={rate(v.recognition.rate)} sub={t('centreIndicators.recognitionSub', { used: count(v.recognition.used), repeated: count(v.recognition.repeated) })} colour={STATUS_COLOURS.green} />
      <Figure testId="card-avoided" label={t('centreIndicators.avoided')} value={formatYuan(v.recognition.avoidedFen)} sub={t('centreIndicators.avoidedSub', { used: count(v.recognition.used) })} colour={STATUS_COLOURS.green} />
    </div>
  );
}
