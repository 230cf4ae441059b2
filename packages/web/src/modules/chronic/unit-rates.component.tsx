import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rates, UnitRates } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { EmptyState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { OrgKindTag } from '../../shared/components/tags.component.tsx';
import type { OrganizationKind } from '@yigong/domain';
import { percent, TARGETS } from './rates-cards.component.tsx';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type Pick = (u: UnitRates) => Rates;
const byRate = (pick: Pick, key: 'standardRate' | 'controlRate') => (a: UnitRates, b: UnitRates) => (pick(a)[key] ?? -1) - (pick(b)[key] ?? -1);

/** 各机构指标: per managing unit, sortable by every rate, with Excel export. */
export function UnitRatesTable({ rows, loading, error, onRetry, exportName }: { rows?: UnitRates[]; loading: boolean; error: unknown; onRetry: () => void; exportName: string }) {
  const { t } = useTranslation();
  const rateColumn = (title: string, pick: Pick, key: 'standardRate' | 'controlRate'): DataColumn<UnitRates> => ({
    title,
    key: title,
    align: 'right',
    sorter: byRate(pick, key),
    sortDirections: ['ascend', 'descend'],
    render: (_: unknown, u) => {
      const r = pick(u);
      return <span title={`${key === 'standardRate' ? r.standard : r.controlled}/${r.managed}`}>{percent(r[key])}</span>;
    },
    exportValue: (u) => (pick(u)[key] === null ? null : Number(((pick(u)[key] ?? 0) * 100).toFixed(1))),
  });
  const managed = (title: string, pick: Pick): DataColumn<UnitRates> => ({
    title,
    key: title,
    align: 'right',
    sorter: (a, b) => pick(a).managed - pick(b).managed,
    render: (_: unknown, u) => pick(u).managed,
    exportValue: (u) => pick(u).managed,
  });
  const columns: DataColumn<UnitRates>[] = [
    { title: t('chronicRates.unit'), dataIndex: 'name', fixed: 'left', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: t('chronicRates.kind'), dataIndex: 'kind', render: (v: string) => <OrgKindTag kind={v as OrganizationKind} />, exportValue: (u) => t(`orgKind.${u.kind}`) },
    managed(`${t('chronicRates.hypertension')}${t('chronicRates.managed')}`, (u) => u.hypertension),
    rateColumn(t('chronicRates.htnStandard'), (u) => u.hypertension, 'standardRate'),
    rateColumn(t('chronicRates.htnControl'), (u) => u.hypertension, 'controlRate'),
    managed(`${t('chronicRates.diabetes')}${t('chronicRates.managed')}`, (u) => u.diabetes),
    rateColumn(t('chronicRates.dmStandard'), (u) => u.diabetes, 'standardRate'),
    rateColumn(t('chronicRates.dmControl'), (u) => u.diabetes, 'controlRate'),
    rateColumn(t('chronicRates.combinedStandard'), (u) => u.combined, 'standardRate'),
    rateColumn(t('chronicRates.combinedControl'), (u) => u.combined, 'controlRate'),
  ];
  return (
    <DataTable
      data-testid="unit-rates"
      columns={columns}
      rows={rows}
      rowKey="organizationId"
      loading={loading}
      error={error}
      onRetry={onRetry}
      pageSize={20}
      exportName={exportName}
      toolbar={<strong>{t('chronicRates.byUnit')}</strong>}
    />
  );
}

/** Horizontal bars of the two-disease standard-management rate per unit, lowest first, with the 80 % target. */
export function UnitRatesChart({ rows, loading }: { rows?: UnitRates[]; loading: boolean }) {
  const { t } = useTranslation();
  const data = (rows ?? []).filter((u) => u.combined.standardRate !== null).sort((a, b) => (b.combined.standardRate ?? 0) - (a.combined.standardRate ?? 0));
  return (
    <Card size="small" title={t('chronicRates.chart')} data-testid="unit-rates-chart">
      {loading ? (
        <LoadingState />
      ) : data.length === 0 ? (
        <EmptyState />
      ) : (
        <ReactEChartsCore
          echarts={echarts}
          notMerge
          style={{ height: Math.max(280, data.length * 22 + 60) }}
          option={{
            tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
            grid: { left: 8, right: 48, top: 24, bottom: 24, containLabel: true },
            xAxis: { type: 'value' as const, max: 100, axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category' as const, data: data.map((u) => u.name), axisTick: { show: false } },
            series: [
              {
                type: 'bar' as const,
                name: t('chronicRates.combinedStandard'),
                data: data.map((u) => ({
                  value: Math.round((u.combined.standardRate ?? 0) * 1000) / 10,
                  itemStyle: { color: (u.combined.standardRate ?? 0) >= TARGETS.combinedStandard ? '#389e0d' : '#1668dc' },
                })),
                barMaxWidth: 16,
                label: { show: true, position: 'right' as const, formatter: '{c}%', fontSize: 11 },
                markLine: {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { type: 'dashed' as const, color: '#cf1322' },
                  label: { formatter: t('chronicRates.targetLine'), color: '#cf1322' },
                  data: [{ xAxis: TARGETS.combinedStandard * 100 }],
                },
              },
            ],
          }}
        />
      )}
    </Card>
  );
}
