import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Space, Tag, Typography } from 'antd';
import { HeartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { ecgLayout, type EcgLayout } from './ecg-layout.ts';
import { useEcgWaveform } from './diagnostics.resource.ts';

echarts.use([LineChart, GridComponent, TitleComponent, CanvasRenderer]);

/** ECG paper: 1 mm minor squares (0.04 s, 0.1 mV), 5 mm major ones (0.2 s, 0.5 mV). */
const PAPER = '#fff7f5';
const MAJOR = '#f2a7a0';
const MINOR = '#fbdcd8';
const TRACE = '#1f1f1f';

function paperAxis(min: number, max: number, interval: number, gridIndex: number) {
  return {
    gridIndex,
    type: 'value' as const,
    min,
    max,
    interval,
    axisLine: { show: false },
    axisTick: { show: false },
    axisLabel: { show: false },
    splitLine: { show: true, lineStyle: { color: MAJOR, width: 1 } },
    minorTick: { show: false, splitNumber: 5 },
    minorSplitLine: { show: true, lineStyle: { color: MINOR, width: 0.5 } },
  };
}

function option(layout: EcgLayout, rhythmTitle: (lead: string) => string) {
  const { cells } = layout;
  return {
    animation: false,
    backgroundColor: PAPER,
    title: cells.map((c) => ({
      text: c.rhythm ? rhythmTitle(c.lead) : c.lead,
      left: `${c.left + 0.4}%`,
      top: `${c.top + 0.6}%`,
      textStyle: { fontSize: 12, fontWeight: 'bold' as const, color: '#595959' },
    })),
    grid: cells.map((c) => ({ left: `${c.left}%`, top: `${c.top}%`, width: `${c.width}%`, height: `${c.height}%`, show: true, borderColor: MAJOR, borderWidth: 1 })),
    xAxis: cells.map((c, i) => paperAxis(0, c.to - c.from, 0.2, i)),
    yAxis: cells.map((c, i) => paperAxis(c.min, c.max, 0.5, i)),
    series: cells.map((c, i) => ({
      type: 'line' as const,
      xAxisIndex: i,
      yAxisIndex: i,
      data: c.points,
      showSymbol: false,
      silent: true,
      lineStyle: { color: TRACE, width: 1 },
    })),
  };
}

/** The 12-lead ECG drawn on ECG paper at 25 mm/s and 10 mm/mV (the container keeps the paper's proportions). */
export function EcgChart({ o }: { o: OrderDetailView }) {
  const { t } = useTranslation();
  const query = useEcgWaveform(o.id, !!o.ecg);
  const layout = useMemo(() => (query.data ? ecgLayout(query.data) : null), [query.data]);
  const opts = useMemo(() => (layout ? option(layout, (lead) => t('diagnostics.rhythmStrip', { lead })) : null), [layout, t]);
  const summary = o.ecg;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="ecg">
      {summary && (
        <Space wrap>
          <Tag color={summary.heartRate === null ? 'default' : 'magenta'} icon={<HeartOutlined />} style={{ fontSize: 14, padding: '2px 8px' }} data-testid="heart-rate">
            {summary.heartRate === null ? t('diagnostics.heartRateNone') : t('diagnostics.heartRate', { hr: summary.heartRate })}
          </Tag>
          <Typography.Text type="secondary">{t('diagnostics.ecgMeta', { rate: summary.samplingRate, seconds: summary.seconds })}</Typography.Text>
        </Space>
      )}
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} compact onRetry={() => void query.refetch()} />
      ) : (
        layout &&
        opts && (
          <div style={{ width: '100%', aspectRatio: `${layout.widthMm} / ${layout.heightMm}`, border: `1px solid ${MAJOR}` }} data-testid="ecg-chart">
            <ReactEChartsCore echarts={echarts} notMerge style={{ width: '100%', height: '100%' }} option={opts} />
          </div>
        )
      )}
    </Space>
  );
}
