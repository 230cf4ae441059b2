import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { indicatorName } from './indicator-card.component.tsx';
import { plainValue } from './indicator-format.ts';
import { DEFINITIONS, definitionOf, type IndicatorSet } from './indicators.resource.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

interface Trend {
  points: { month: string; set: IndicatorSet | undefined }[];
  isPending: boolean;
  error: unknown;
  refetch: () => void;
}

/** The chosen indicator over 12 months as a line, with its target as a dashed line. */
export function TrendChart({ trend, code, onCode, unitLevel, dark, height = 300 }: {
  trend: Trend; code: string; onCode?: (code: string) => void; unitLevel?: boolean; dark?: boolean; height?: number;
}) {
  const { t } = useTranslation();
  const def = definitionOf(code) ?? DEFINITIONS[0]!;
  const suffix = def.unit === 'ratio' ? '%' : '';
  const data = trend.points.map((p) => plainValue(def.unit, p.set?.byCode.get(def.code)?.value));
  const target = plainValue(def.unit, def.target);
  const text = dark ? '#d9e6ff' : '#595959';
  const picker = onCode && (
    <Select
      data-testid="trend-indicator"
      aria-label={t('dashboard.trendIndicator')}
      style={{ minWidth: 220 }}
      size="small"
      value={def.code}
      onChange={onCode}
      options={DEFINITIONS.filter((d) => !unitLevel || !d.communityOnly).map((d) => ({ value: d.code, label: indicatorName(d) }))}
    />
  );
  const chart = (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height }}
      option={{
        animation: false,
        tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}${suffix}`) },
        grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category' as const, data: trend.points.map((p) => p.month), axisLabel: { color: text } },
        yAxis: { type: 'value' as const, scale: true, axisLabel: { color: text, formatter: `{value}${suffix}` }, splitLine: { lineStyle: { color: dark ? '#1f3b66' : '#f0f0f0' } } },
        series: [
          {
            name: indicatorName(def),
            type: 'line' as const,
            smooth: true,
            connectNulls: false,
            symbolSize: 6,
            lineStyle: { width: 3 },
            itemStyle: { color: dark ? '#4cc9f0' : '#1677ff' },
            areaStyle: { opacity: dark ? 0.15 : 0.08 },
            data,
            markLine:
              target === null
                ? undefined
                : { symbol: 'none', silent: true, lineStyle: { type: 'dashed' as const, color: '#d48806' }, label: { formatter: `${t('dashboard.target', { target: `${target}${suffix}` })}`, color: '#d48806' }, data: [{ yAxis: target }] },
          },
        ],
      }}
    />
  );
  const body = trend.isPending ? <LoadingState /> : trend.error ? <ErrorState compact error={trend.error} onRetry={trend.refetch} /> : chart;
  if (dark) return <div data-testid="trend-chart">{body}</div>;
  return (
    <Card size="small" title={t('dashboard.trend')} extra={picker} data-testid="trend-chart">
      {body}
    </Card>
  );
}
