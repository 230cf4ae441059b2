import { Button, Col, ConfigProvider, Row, Spin, theme } from 'antd';
import { FullscreenExitOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { CommunityProvider, useCommunitySelection } from '../../shared/community/community-context.tsx';
import { ErrorState } from '../../shared/components/query-state.component.tsx';
import { indicatorName } from './indicator-card.component.tsx';
import { last12Months, periodLabel } from './indicator-format.ts';
import { WALL_PANEL, WallEncounterCards, WallModuleCards } from './wall-card.component.tsx';
import { DEFINITIONS, useIndicators, useIndicatorTrend } from './indicators.resource.ts';
import { OutCountyChart } from './out-county-diseases.component.tsx';
import { usePeriod } from './period-select.component.tsx';
import { TrendChart } from './trend-chart.component.tsx';

const REFRESH_MS = 30_000;
const BG = '#050f24';

function Panel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <div style={WALL_PANEL} data-testid={testId}>
      <div style={{ color: '#7fb2ff', fontSize: 18, fontWeight: 600, marginBottom: 8 }}>{title}</div>
      {children}
    </div>
  );
}

function WallScreen() {
  const { t } = useTranslation();
  const { communityId, community } = useCommunitySelection();
  const [period] = usePeriod();
  const cards = useIndicators(communityId, null, period, REFRESH_MS);
  const trend = useIndicatorTrend(communityId, null, last12Months(), REFRESH_MS);
  const updated = cards.dataUpdatedAt ? dayjs(cards.dataUpdatedAt).format('HH:mm:ss') : '—';

  return (
    <div style={{ background: BG, minHeight: '100vh', padding: '16px 24px', color: '#e6f0ff' }} data-testid="wall">
      <Row justify="space-between" align="middle" style={{ marginBottom: 16 }}>
        <Col>
          <div style={{ fontSize: 32, fontWeight: 700, letterSpacing: 2 }}>
            {community?.name ?? ''} · {t('dashboard.wallTitle')}
          </div>
          <div style={{ color: '#7fb2ff', fontSize: 16 }}>
            {periodLabel(period, t)} · {t('dashboard.refreshed', { time: updated })}
          </div>
        </Col>
        <Col>
          <Link to={`/dashboard?period=${period}`}>
            <Button ghost icon={<FullscreenExitOutlined />} data-testid="exit-wall" style={{ color: '#9fb8e0', borderColor: '#1f3b66' }}>
              {t('dashboard.exitWall')}
            </Button>
          </Link>
        </Col>
      </Row>
      {cards.isPending ? (
        <div style={{ textAlign: 'center', padding: 96 }}>
          <Spin size="large" />
        </div>
      ) : cards.error || !cards.data ? (
        <ErrorState error={cards.error} onRetry={() => void cards.refetch()} />
      ) : (
        <>
          <WallEncounterCards set={cards.data} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={14}>
              <Panel title={`${t('dashboard.trend')} · ${indicatorName(DEFINITIONS.find((d) => d.code === 'grassroots_visit_rate')!)}`}>
                <TrendChart trend={trend} code="grassroots_visit_rate" dark height={340} />
              </Panel>
            </Col>
            <Col xs={24} xl={10}>
              <Panel title={t('dashboard.topDiseases')} testId="wall-diseases">
                <OutCountyChart items={(cards.data.topDiseases ?? []).slice(0, 10)} dark height={340} />
              </Panel>
            </Col>
          </Row>
          <div style={{ color: '#7fb2ff', fontSize: 18, fontWeight: 600, margin: '16px 0 8px' }}>{t('dashboard.healthAndReferral')}</div>
          <WallModuleCards set={cards.data} />
        </>
      )}
    </div>
  );
}

/** 大屏模式: full screen, dark, no sidebar, large numbers, refreshed every 30 s. */
export default function WallPage() {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <div style={{ background: BG, minHeight: '100vh' }} />;
  if (user === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <CommunityProvider>
        <WallScreen />
      </CommunityProvider>
    </ConfigProvider>
  );
}
