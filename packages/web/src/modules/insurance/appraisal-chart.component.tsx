import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppraisalView } from '@yigong/contracts';
import { levelOfOrgKind, type OrganizationKind } from '@yigong/domain';
import { rankedBarZoom } from './ranked-bars.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, DataZoomComponent, CanvasRenderer]);

type Member = AppraisalView['members'][number];

const LEVEL_COLOURS = { hospital: '#389e0d', center: '#13c2c2', village: '#a0d911' } as const;
const SHOWN = 20;

/**
 * 成员得分排名: members as horizontal bars, best first, coloured by level, with the community's
 * score as a line; twenty at a time (scroll or drag the slider for the rest); a bar opens the member.
 */
export function AppraisalChart({ members, communityScore, onOpen }: { members: Member[]; communityScore: number; onOpen: (organizationId: string) => void }) {
  const { t } = useTranslation();
  const ranked = [...members].sort((a, b) => b.score - a.score);
  // The axis spans the scores (not 0–100): members a few tenths apart must look apart.
  const low = Math.min(communityScore, ...ranked.map((m) => m.score));
  const high = Math.max(communityScore, ...ranked.map((m) => m.score));
  const axisMin = Math.max(0, Math.floor(low / 5) * 5 - 5);
  const axisMax = Math.min(100, Math.ceil(high / 5) * 5 + 5);
  return (
    <Card size="small" title={t('appraisal.chart')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('appraisal.chartHint')}</Typography.Text>} data-testid="appraisal-chart">
      <ReactEChartsCore
        echarts={echarts}
        notMerge
        style={{ height: 560 }}
        onEvents={{ click: (p: { dataIndex: number }) => { const m = ranked[p.dataIndex]; if (m) onOpen(m.organizationId); } }}
        option={{
          animation: false,
          tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: (v: unknown) => Number(v).toFixed(2) },
          grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
          xAxis: { type: 'value' as const, min: axisMin, max: axisMax },
          yAxis: { type: 'category' as const, inverse: true, data: ranked.map((m) => m.organizationName), axisTick: { show: false } },
          dataZoom: rankedBarZoom(ranked.length, SHOWN),
          series: [
            {
              type: 'bar' as const,
              name: t('appraisal.score'),
              barMaxWidth: 14,
              cursor: 'pointer',
              data: ranked.map((m) => {
                const level = levelOfOrgKind(m.kind as OrganizationKind);
                return { value: m.score, itemStyle: { color: level ? LEVEL_COLOURS[level] : '#8c8c8c' } };
              }),
              label: { show: true, position: 'right' as const, fontSize: 11, formatter: (p: { value: number }) => p.value.toFixed(2) },
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed' as const, color: '#1668dc' },
                label: { formatter: t('appraisal.communityLine', { score: communityScore.toFixed(2) }), color: '#1668dc', position: 'start' as const },
                data: [{ xAxis: communityScore }],
              },
            },
          ],
        }}
      />
    </Card>
  );
}
