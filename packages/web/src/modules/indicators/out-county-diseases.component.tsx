import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { EmptyState, LoadingState } from '../../shared/components/query-state.component.tsx';
import type { OutCountyDisease } from '@yigong/contracts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type DiseaseRow = OutCountyDisease & { rank: number };

/** Horizontal bars of the top out-of-county diseases, largest on top. */
export function OutCountyChart({ items, dark, height = 320 }: { items: readonly OutCountyDisease[]; dark?: boolean; height?: number }) {
  const { t } = useTranslation();
  const data = [...items].reverse();
  const text = dark ? '#d9e6ff' : '#595959';
  return (
    <ReactEChartsCore
      echarts={echarts}
      notMerge
      style={{ height }}
      option={{
        animation: false,
        tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value' as const, minInterval: 1, axisLabel: { color: text }, splitLine: { lineStyle: { color: dark ? '#1f3b66' : '#f0f0f0' } } },
        yAxis: { type: 'category' as const, data: data.map((d) => `${d.name}（${d.icd3}）`), axisLabel: { color: text } },
        series: [{ name: t('dashboard.count'), type: 'bar' as const, barMaxWidth: 18, itemStyle: { color: dark ? '#f7b32b' : '#fa8c16' }, label: { show: true, position: 'right' as const, color: text }, data: data.map((d) => d.count) }],
      }}
    />
  );
}

/** 县外就诊前十位疾病: chart and table (with Excel export). */
export function OutCountyDiseases({ items, loading, exportName }: { items: readonly OutCountyDisease[] | null | undefined; loading: boolean; exportName: string }) {
  const { t } = useTranslation();
  const rows: DiseaseRow[] = (items ?? []).slice(0, 10).map((d, i) => ({ ...d, rank: i + 1 }));
  const columns: DataColumn<DiseaseRow>[] = [
    { title: t('dashboard.rank'), dataIndex: 'rank', width: 64 },
    { title: t('dashboard.icd3'), dataIndex: 'icd3' },
    { title: t('dashboard.disease'), dataIndex: 'name' },
    { title: t('dashboard.count'), dataIndex: 'count', align: 'right' },
    { title: t('dashboard.share'), dataIndex: 'share', align: 'right', render: (v: number | null) => (v == null ? '' : `${(v * 100).toFixed(1)}%`), exportValue: (r) => (r.share == null ? null : Number((r.share * 100).toFixed(1))) },
  ];
  return (
    <Card size="small" title={t('dashboard.topDiseases')} data-testid="out-county-diseases">
      {loading ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <OutCountyChart items={rows} />
          </Col>
          <Col xs={24} xl={12}>
            <DataTable data-testid="out-county-table" columns={columns} rows={rows} rowKey="icd3" exportName={exportName} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
