import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { DayOccupancy } from './slot-occupancy.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Pool colours: the reserve in oranges, the public pool in blues; booked dark, free light. */
export const POOL_COLOURS = { reservedBooked: '#d4380d', reservedFree: '#ffbb96', publicBooked: '#1677ff', publicFree: '#bae0ff' } as const;
type Pool = keyof typeof POOL_COLOURS;
const POOLS: Pool[] = ['reservedBooked', 'reservedFree', 'publicBooked', 'publicFree'];

/** 14 days of occupancy as stacked bars: reserved booked / reserved free / public booked / public free. */
export default function OccupancyChart({ days }: { days: readonly DayOccupancy[] }) {
  const { t } = useTranslation();
  const option = {
    // No entry animation: the chart is read, not watched (and screenshots show the final bars).
    animation: false,
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 48 },
    xAxis: { type: 'category' as const, data: days.map((d) => dayjs(d.date).format('MM-DD\nddd')), axisLabel: { interval: 0 } },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: POOLS.map((pool) => ({
      name: t(`scheduling.${pool}`),
      type: 'bar' as const,
      stack: 'places',
      barMaxWidth: 36,
      itemStyle: { color: POOL_COLOURS[pool] },
      emphasis: { focus: 'series' as const },
      data: days.map((d) => d[pool]),
    })),
  };
  return <ReactEChartsCore echarts={echarts} style={{ height: 300 }} notMerge option={option} />;
}
