import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { PACK_STATUSES } from '@yigong/domain';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { PACK_STATUS_CHART_COLOURS } from './sterile-tags.component.tsx';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The community's packs by status (the centre's board, GET /sterile/centre `packCounts`), every status in path order. */
export function PackStatusChart({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  const rows = PACK_STATUSES.map((s) => ({ status: s, count: counts[s] ?? 0 }));
  if (rows.every((r) => r.count === 0)) return <EmptyState description={t('sterile.noPacks')} />;
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height: 260 }}
      data-testid="pack-status-chart"
      option={{
        animation: false,
        tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
        grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category' as const, data: rows.map((r) => t(`sterile.packStatusesShort.${r.status}`)) },
        yAxis: { type: 'value' as const, name: t('sterile.packUnit'), minInterval: 1 },
        series: [
          {
            name: t('sterile.packCount'),
            type: 'bar' as const,
            barMaxWidth: 40,
            data: rows.map((r) => ({ value: r.count, itemStyle: { color: PACK_STATUS_CHART_COLOURS[r.status] } })),
            label: { show: true, position: 'top' as const, fontSize: 11 },
          },
        ],
      }}
    />
  );
}
