import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiagnosticsIndicatorsView } from '@yigong/contracts';
import { MODALITIES } from '@yigong/domain';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { formatDuration } from './diagnostics-format.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/**
 * 报告周转时间: p50 and p90 minutes per modality as bars (every modality, the count of reported
 * orders under its name; none reported: no bar), the duration in words in the tooltip.
 */
export function TurnaroundChart({ turnaround }: { turnaround: DiagnosticsIndicatorsView['turnaround'] }) {
  const { t } = useTranslation();
  const rows = MODALITIES.map((m) => turnaround.find((x) => x.modality === m) ?? { modality: m, count: 0, p50: null, p90: null });
  const minutes = (v: unknown) => (typeof v === 'number' ? formatDuration(v, t) : '—');
  return (
    <Card size="small" title={t('centreIndicators.turnaround')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('centreIndicators.turnaroundHint')}</Typography.Text>} data-testid="turnaround-chart">
      {rows.every((r) => r.count === 0) ? (
        <EmptyState description={t('centreIndicators.noReports')} />
      ) : (
        <ReactEChartsCore
          echarts={echarts}
          notMerge
          style={{ height: 320 }}
          option={{
            animation: false,
            legend: { top: 0 },
            tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: minutes },
            grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
            xAxis: { type: 'category' as const, data: rows.map((r) => t('centreIndicators.modalityCount', { modality: t(`diagnostics.modalities.${r.modality}`), count: r.count })) },
            yAxis: { type: 'value' as const, name: t('centreIndicators.minutes') },
            series: [
              { name: 'P50', type: 'bar' as const, data: rows.map((r) => r.p50), itemStyle: { color: '#1668dc' }, barMaxWidth: 36, label: { show: true, position: 'top' as const, fontSize: 11 } },
              { name: 'P90', type: 'bar' as const, data: rows.map((r) => r.p90), itemStyle: { color: '#d46b08' }, barMaxWidth: 36, label: { show: true, position: 'top' as const, fontSize: 11 } },
            ],
          }}
        />
      )}
    </Card>
  );
}
