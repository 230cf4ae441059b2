import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useState } from 'react';
import { Card, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettlementView } from '@yigong/contracts';
import { formatYuan, wanOf } from './insurance-format.ts';
import { settlementWaterfall } from './settlement-steps.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const COLOURS = { total: '#1668dc', decrease: '#d46b08', increase: '#cf1322' } as const;
const LEVEL_COLOURS = { hospital: '#389e0d', center: '#52c41a', village: '#95de64' } as const;

/**
 * 结算瀑布图 (docs/domain/insurance.md §3–4): budget → outlay → surplus → returned to the fund →
 * retained → the shares of the three levels; an overspend year splits the overspend between the
 * fund and the community. Each bar floats on a transparent base.
 */
export function SettlementWaterfall({ s }: { s: SettlementView }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'all' | 'split'>('all');
  const steps = settlementWaterfall(s, view);
  const extra = (
    <Segmented<'all' | 'split'>
      size="small"
      value={view}
      onChange={setView}
      options={[
        { value: 'all', label: t('settlement.viewAll') },
        { value: 'split', label: s.difference < 0 ? t('settlement.viewOverspend') : t('settlement.viewSurplus') },
      ]}
      data-testid="waterfall-view"
    />
  );
  return (
    <Card size="small" title={t('settlement.waterfallTitle')} extra={extra} data-testid="settlement-waterfall">
      <ReactEChartsCore
        echarts={echarts}
        notMerge
        style={{ height: 320 }}
        option={{
          animation: false,
          tooltip: {
            trigger: 'axis' as const,
            axisPointer: { type: 'shadow' as const },
            formatter: (params: { dataIndex: number }[]) => {
              const step = steps[params[0]?.dataIndex ?? 0];
              return step ? `${t(step.label)}<br/><b>${formatYuan(step.amount)}</b>` : '';
            },
          },
          grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
          xAxis: { type: 'category' as const, data: steps.map((x) => t(x.label)), axisLabel: { interval: 0 } },
          yAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') } },
          series: [
            { type: 'bar' as const, stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: steps.map((x) => wanOf(x.low)) },
            {
              type: 'bar' as const,
              stack: 'w',
              barMaxWidth: 56,
              data: steps.map((x) => ({ value: wanOf(x.amount), itemStyle: { color: x.level ? LEVEL_COLOURS[x.level] : COLOURS[x.kind] } })),
              label: { show: true, position: 'top' as const, fontSize: 11, formatter: (p: { value: number }) => p.value.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) },
            },
          ],
        }}
      />
    </Card>
  );
}
