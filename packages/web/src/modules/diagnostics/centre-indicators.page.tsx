import { Col, DatePicker, Row, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { shanghaiToday } from '../../shared/i18n/format.ts';
import { CentreIndicatorCards } from './centre-indicator-cards.component.tsx';
import { addDays, lastDays, MAX_PERIOD_DAYS, orderDrillPath, readPeriod, type DatePeriod } from './centre-period.ts';
import { useDiagnosticsIndicators } from './diagnostics.resource.ts';
import { MemberIndicators } from './member-indicators.component.tsx';
import { TurnaroundChart } from './turnaround-chart.component.tsx';

const DEFAULT_DAYS = 30;

/** 统计期间: business dates, none after today (Shanghai), at most 366 days, with the usual presets. */
function PeriodPicker({ period, onChange }: { period: DatePeriod; onChange: (p: DatePeriod) => void }) {
  const { t } = useTranslation();
  const today = shanghaiToday();
  const day = (s: string) => dayjs(s);
  const month = today.slice(0, 7);
  const lastMonthEnd = addDays(`${month}-01`, -1);
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('centreIndicators.last7'), value: [day(addDays(today, -6)), day(today)] },
    { label: t('centreIndicators.last30'), value: [day(addDays(today, -29)), day(today)] },
    { label: t('centreIndicators.thisMonth'), value: [day(`${month}-01`), day(today)] },
    { label: t('centreIndicators.lastMonth'), value: [day(`${lastMonthEnd.slice(0, 7)}-01`), day(lastMonthEnd)] },
    { label: t('centreIndicators.last90'), value: [day(addDays(today, -89)), day(today)] },
  ];
  return (
    <DatePicker.RangePicker
      allowClear={false}
      value={[day(period.from), day(period.to)]}
      presets={presets}
      disabledDate={(d, info) => {
        const s = d.format('YYYY-MM-DD');
        if (s > today) return true;
        const from = info.from?.format('YYYY-MM-DD');
        return !!from && (s > addDays(from, MAX_PERIOD_DAYS - 1) || s < addDays(from, -(MAX_PERIOD_DAYS - 1)));
      }}
      onChange={(v) => {
        if (v?.[0] && v[1]) onChange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
      }}
      aria-label={t('centreIndicators.period')}
      data-testid="centre-period"
    />
  );
}

/**
 * 中心运行指标 (docs/domain/diagnostics.md "Indicators"): for a community and a period, the
 * centres' figures, report turnaround per modality and the table of member units; a member opens
 * its orders of the period. The regulator chooses the community as on the dashboard.
 */
export default function CentreIndicatorsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { communityId, community, isPending, error } = useCommunitySelection();
  const period = readPeriod(params) ?? lastDays(DEFAULT_DAYS);
  const query = useDiagnosticsIndicators(communityId, period.from, period.to);
  const drill = can('diagnostics.read');

  function setPeriod(p: DatePeriod) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('from', p.from);
        next.set('to', p.to);
        return next;
      },
      { replace: true },
    );
  }

  if (isPending) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const v = query.data;
  const label = t('centreIndicators.periodLabel', { from: period.from, to: period.to });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="centre-indicators">
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('centreIndicators.title')}
            {community && (
              <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }} data-testid="centre-indicators-scope">
                {community.name} · {label}
              </Typography.Text>
            )}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <CommunitySelect />
            <PeriodPicker period={period} onChange={setPeriod} />
          </Space>
        </Col>
      </Row>
      {!communityId ? (
        <EmptyState description={t('dashboard.chooseCommunity')} />
      ) : query.isPending ? (
        <LoadingState />
      ) : !v ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <CentreIndicatorCards v={v} />
          <TurnaroundChart turnaround={v.turnaround} />
          <MemberIndicators
            members={v.members}
            period={period}
            drill={drill}
            onOpen={(m) => void navigate(orderDrillPath(m.organizationId, period))}
            exportName={`${t('centreIndicators.members')}-${period.from}-${period.to}`}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('centreIndicators.source')}
          </Typography.Text>
        </>
      )}
    </Space>
  );
}
