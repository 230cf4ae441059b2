import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BudgetView } from '@yigong/contracts';
import { wanOf } from './insurance-format.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Months of the year with outlay booked: all of a past year, up to `asOf`'s month in the year, none of a later one. */
export function bookedMonths(year: number, asOf: string): number {
  const asOfYear = Number(asOf.slice(0, 4));
  if (asOfYear > year) return 12;
  if (asOfYear < year) return 0;
  return Number(asOf.slice(5, 7));
}

/**
 * The projection as a dashed line from the last complete month's cumulative outlay to December's
 * projected outlay (docs/domain/insurance.md §2: the partial month is left out of the projection).
 */
export function projectionLine(b: Pick<BudgetView, 'months' | 'projection' | 'projectionDetail'>): (number | null)[] {
  const from = b.projectionDetail.completedMonths;
  if (!b.projectionDetail.basis || from <= 0 || from >= 12) return b.months.map(() => null);
  const start = b.months[from - 1]!.cumulative;
  const step = (b.projection - start) / (12 - from);
  return b.months.map((_, i) => (i < from - 1 ? null : start + step * (i - from + 1)));
}

/** 支出进度: cumulative outlay against cumulative prepayment and the budget, with the projection to December. */
export function BudgetChart({ b }: { b: BudgetView }) {
  const { t } = useTranslation();
  const booked = bookedMonths(b.year, b.asOf);
  const wan = (v: number | null) => (v === null ? null : wanOf(v));
  const names = {
    outlay: t('budget.chart.cumulative'),
    prepaid: t('budget.chart.prepaid'),
    budget: t('budget.chart.budget'),
    projection: t('budget.chart.projection'),
  };
  return (
    <Card size="small" title={t('budget.chart.title')} data-testid="budget-chart">
      <ReactEChartsCore
        echarts={echarts}
        notMerge
        style={{ height: 340 }}
        option={{
          animation: false,
          legend: { top: 0 },
          tooltip: {
            trigger: 'axis' as const,
            valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${t('insuranceUi.wan')}`),
          },
          grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
          xAxis: { type: 'category' as const, data: b.months.map((m) => t('insuranceUi.monthShort', { month: Number(m.month.slice(5)) })) },
          yAxis: { type: 'value' as const, name: t('insuranceUi.wan'), axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') } },
          series: [
            {
              name: names.outlay,
              type: 'line' as const,
              data: b.months.map((m, i) => (i < booked ? wan(m.cumulative) : null)),
              itemStyle: { color: '#d46b08' },
              lineStyle: { width: 3 },
              areaStyle: { opacity: 0.08 },
              symbolSize: 6,
            },
            {
              name: names.prepaid,
              type: 'line' as const,
              data: b.months.map((m) => wan(m.prepaidCumulative)),
              itemStyle: { color: '#1668dc' },
              symbolSize: 4,
            },
            {
              name: names.budget,
              type: 'line' as const,
              data: b.months.map(() => wan(b.budget)),
              itemStyle: { color: '#cf1322' },
              lineStyle: { width: 2 },
              symbol: 'none',
            },
            {
              name: names.projection,
              type: 'line' as const,
              data: projectionLine(b).map(wan),
              itemStyle: { color: '#722ed1' },
              lineStyle: { type: 'dashed' as const, width: 2 },
              symbolSize: 5,
              connectNulls: false,
            },
          ],
        }}
      />
    </Card>
  );
}
