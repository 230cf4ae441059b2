import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObservationView } from '@yigong/contracts';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { toSeries, type Point } from './observation-series.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

function line(name: string, points: Point[], color: string, threshold?: number) {
  return {
    name,
    type: 'line' as const,
    smooth: false,
    showSymbol: true,
    itemStyle: { color },
    data: points.map((p) => [p.at, p.value]),
    markLine: threshold ? { silent: true, symbol: 'none', lineStyle: { type: 'dashed' as const, color }, data: [{ yAxis: threshold }] } : undefined,
  };
}

function chartOption(series: ReturnType<typeof line>[], unit: string) {
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'time' as const },
    yAxis: { type: 'value' as const, name: unit, scale: true },
    series,
  };
}

/** ECharts trends: blood pressure (SBP/DBP, 140/90 lines) and glucose (fasting 7.0 line). */
export default function ObservationCharts({ observations }: { observations: readonly ObservationView[] }) {
  const { t } = useTranslation();
  const s = toSeries(observations);
  const bp = s.sbp.length > 0;
  const glucose = s.fasting.length + s.random.length > 0;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('record.bpTrend')} data-testid="bp-chart">
          {bp ? (
            <ReactEChartsCore
              echarts={echarts}
              style={{ height: 280 }}
              notMerge
              option={chartOption([line(t('record.sbp'), s.sbp, '#cf1322', 140), line(t('record.dbp'), s.dbp, '#1677ff', 90)], 'mmHg')}
            />
          ) : (
            <EmptyState description={t('record.noChartData')} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('record.glucoseTrend')} data-testid="glucose-chart">
          {glucose ? (
            <ReactEChartsCore
              echarts={echarts}
              style={{ height: 280 }}
              notMerge
              option={chartOption(
                [line(t('observationKind.fasting_glucose'), s.fasting, '#d46b08', 7.0), line(t('observationKind.random_glucose'), s.random, '#389e0d')],
                'mmol/L',
              )}
            />
          ) : (
            <EmptyState description={t('record.noChartData')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
