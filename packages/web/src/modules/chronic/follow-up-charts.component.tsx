import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import type { FollowUpView } from '@yigong/contracts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type Point = [string, number];

/** BP and fasting-glucose points of the follow-ups, oldest first, one per date and value. */
export function followUpSeries(followUps: readonly FollowUpView[]): { sbp: Point[]; dbp: Point[]; glucose: Point[] } {
  const sorted = [...followUps].sort((a, b) => a.date.localeCompare(b.date));
  const seen = new Set<string>();
  const out = { sbp: [] as Point[], dbp: [] as Point[], glucose: [] as Point[] };
  for (const f of sorted) {
    // A patient with both diseases may have two follow-ups the same day with the same reading.
    if (f.sbp !== null && f.dbp !== null && !seen.has(`bp${f.date}${f.sbp}/${f.dbp}`)) {
      seen.add(`bp${f.date}${f.sbp}/${f.dbp}`);
      out.sbp.push([f.date, f.sbp]);
      out.dbp.push([f.date, f.dbp]);
    }
    if (f.fastingGlucose !== null && !seen.has(`g${f.date}${f.fastingGlucose}`)) {
      seen.add(`g${f.date}${f.fastingGlucose}`);
      out.glucose.push([f.date, f.fastingGlucose]);
    }
  }
  return out;
}

function line(name: string, data: Point[], color: string, threshold: number, thresholdLabel: string) {
  return {
    name,
    type: 'line' as const,
    showSymbol: true,
    symbolSize: 6,
    itemStyle: { color },
    data,
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed' as const, color },
      label: { formatter: thresholdLabel, position: 'insideEndTop' as const, color },
      data: [{ yAxis: threshold }],
    },
  };
}

/** The y axis always spans the reference lines (`low`–`high`), so a line below the data is still drawn. */
function option(series: ReturnType<typeof line>[], unit: string, low: number, high: number, step: number) {
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'time' as const, axisLabel: { formatter: { year: '{yyyy}', month: '{yyyy}-{MM}', day: '{MM}-{dd}' } } },
    yAxis: {
      type: 'value' as const,
      name: unit,
      min: (v: { min: number }) => Math.floor(Math.min(v.min, low) / step) * step,
      max: (v: { max: number }) => Math.ceil(Math.max(v.max, high) / step) * step,
    },
    series,
  };
}

/** 血压趋势 (SBP/DBP with the 140/90 lines) and 空腹血糖趋势 (7.0 line) from the follow-ups. */
export function FollowUpCharts({ followUps }: { followUps: readonly FollowUpView[] }) {
  const { t } = useTranslation();
  const s = followUpSeries(followUps);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('chronic.bpTrend')} data-testid="fu-bp-chart">
          {s.sbp.length > 0 ? (
            <ReactEChartsCore
              echarts={echarts}
              style={{ height: 280 }}
              notMerge
              option={option([line(t('chronic.sbp'), s.sbp, '#cf1322', 140, '140'), line(t('chronic.dbp'), s.dbp, '#1677ff', 90, '90')], 'mmHg', 80, 150, 10)}
            />
          ) : (
            <EmptyState description={t('chronic.noChartData')} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('chronic.glucoseTrend')} data-testid="fu-glucose-chart">
          {s.glucose.length > 0 ? (
            <ReactEChartsCore echarts={echarts} style={{ height: 280 }} notMerge option={option([line(t('chronic.glucose'), s.glucose, '#d46b08', 7.0, '7.0')], 'mmol/L', 5, 8, 1)} />
          ) : (
            <EmptyState description={t('chronic.noChartData')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
