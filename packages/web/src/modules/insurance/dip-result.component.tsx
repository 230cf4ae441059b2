import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DipView } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatPercent, formatYuan, wanOf } from './insurance-format.ts';
import { moneyColumn } from './money-column.ts';
import { rankedBarZoom } from './ranked-bars.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

type Member = DipView['members'][number];
const SHOWN = 15;

/** 点值: fen per point → `¥6.0397` per point (four decimals: it is not rounded; §5). */
export function formatPointValue(fenPerPoint: number): string {
  return `¥${(fenPerPoint / 100).toLocaleString('zh-CN', { minimumFractionDigits: 4, maximumFractionDigits: 4 })}`;
}

/** The DIP run: point value, points, cases and outliers; each member's payment as bars and a table. */
export function DipResult({ r, exportName }: { r: DipView; exportName: string }) {
  const { t } = useTranslation();
  const paid = r.members.reduce((a, m) => a + m.payment, 0);
  const ranked = [...r.members].sort((a, b) => b.payment - a.payment);
  const columns: DataColumn<Member>[] = [
    { title: t('dip.unit'), dataIndex: 'organizationName', fixed: 'left' },
    { title: t('dip.cases'), dataIndex: 'cases', align: 'right', sorter: (a, b) => a.cases - b.cases },
    { title: t('dip.points'), dataIndex: 'points', align: 'right', sorter: (a, b) => a.points - b.points, render: (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }), exportValue: (m) => Number(m.points.toFixed(4)) },
    moneyColumn<Member>(`${t('dip.payment')}${t('insuranceUi.yuanSuffix')}`, 'payment', (m) => m.payment),
    { title: t('dip.share'), key: 'share', align: 'right', render: (_: unknown, m) => formatPercent(paid > 0 ? m.payment / paid : null, 2), exportValue: (m) => (paid > 0 ? Number(((m.payment / paid) * 100).toFixed(2)) : null) },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="dip-result">
      <Col span={24}>
        <Card size="small">
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8} xl={4}><Statistic title={t('dip.pointValue')} value={formatPointValue(r.pointValue)} suffix={t('dip.perPoint')} styles={{ content: { color: '#1668dc' } }} data-testid="dip-point-value" /></Col>
            <Col xs={12} md={8} xl={4}><Statistic title={t('dip.totalPoints')} value={r.totalPoints} precision={2} /></Col>
            <Col xs={12} md={8} xl={4}><Statistic title={t('dip.casesTotal')} value={r.cases} /></Col>
            <Col xs={12} md={8} xl={4}><Statistic title={t('dip.lowOutliers')} value={r.lowOutliers} suffix={`（${formatPercent(r.cases ? r.lowOutliers / r.cases : null)}）`} /></Col>
            <Col xs={12} md={8} xl={4}><Statistic title={t('dip.highOutliers')} value={r.highOutliers} suffix={`（${formatPercent(r.cases ? r.highOutliers / r.cases : null)}）`} /></Col>
            <Col xs={12} md={8} xl={4}><Statistic title={t('dip.paidTotal')} value={formatYuan(paid)} /></Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dip.resultHint', { period: r.period, reference: r.referenceYear })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} xxl={10}>
        <Card size="small" title={t('dip.chart')} data-testid="dip-chart">
          <ReactEChartsCore
            echarts={echarts}
            notMerge
            style={{ height: 440 }}
            option={{
              animation: false,
              tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: (v: unknown) => `${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${t('insuranceUi.wan')}` },
              grid: { left: 8, right: 56, top: 16, bottom: 8, containLabel: true },
              xAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') } },
              yAxis: { type: 'category' as const, inverse: true, data: ranked.map((m) => m.organizationName), axisTick: { show: false } },
              dataZoom: rankedBarZoom(ranked.length, SHOWN),
              series: [
                {
                  type: 'bar' as const,
                  name: t('dip.payment'),
                  barMaxWidth: 16,
                  itemStyle: { color: '#1668dc' },
                  data: ranked.map((m) => wanOf(m.payment)),
                  label: { show: true, position: 'right' as const, fontSize: 11, formatter: (p: { value: number }) => p.value.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) },
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xxl={14}>
        <Card size="small" title={t('dip.members')}>
          <DataTable<Member> data-testid="dip-members" columns={columns} rows={ranked} rowKey="organizationId" pageSize={15} exportName={exportName} />
        </Card>
      </Col>
    </Row>
  );
}
