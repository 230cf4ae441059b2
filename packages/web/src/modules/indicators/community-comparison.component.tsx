import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommunityView } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { indicatorName } from './indicator-card.component.tsx';
import { formatIndicator, plainValue, STATUS_COLOURS } from './indicator-format.ts';
import { definitionOf, HEADLINE_CODES, useCommunityComparison, type IndicatorSet } from './indicators.resource.ts';

interface ComparisonRow {
  community: CommunityView;
  set: IndicatorSet;
}

/** 各医共体对比: the headline indicators of every community the regulator sees, side by side. */
export function CommunityComparison({ communities, period, exportName }: { communities: readonly CommunityView[]; period: string; exportName: string }) {
  const { t } = useTranslation();
  const q = useCommunityComparison(communities, period);
  const valueColumn = (code: string): DataColumn<ComparisonRow> => {
    const def = definitionOf(code)!;
    const get = (r: ComparisonRow) => r.set.byCode.get(code)?.value ?? null;
    return {
      title: indicatorName(def),
      key: code,
      align: 'right',
      sorter: (a, b) => (get(a) ?? -Infinity) - (get(b) ?? -Infinity),
      render: (_: unknown, r) => {
        const v = r.set.byCode.get(code);
        const colour = v && (v.status === 'green' || v.status === 'amber' || v.status === 'red') ? STATUS_COLOURS[v.status] : undefined;
        return <span style={{ color: colour }}>{formatIndicator(def.unit, v?.value, t)}</span>;
      },
      exportValue: (r) => plainValue(def.unit, get(r)),
    };
  };
  const columns: DataColumn<ComparisonRow>[] = [
    { title: t('dashboard.community'), key: 'community', fixed: 'left', render: (_: unknown, r) => r.community.name, exportValue: (r) => r.community.name },
    { title: t('dashboard.residents'), key: 'residents', align: 'right', sorter: (a, b) => a.community.residentCount - b.community.residentCount, render: (_: unknown, r) => r.community.residentCount.toLocaleString('zh-CN'), exportValue: (r) => r.community.residentCount },
    ...HEADLINE_CODES.map(valueColumn),
  ];
  return (
    <Card size="small" title={t('dashboard.comparison')}>
      <DataTable
        data-testid="community-comparison"
        columns={columns}
        rows={q.rows}
        rowKey={(r: ComparisonRow) => r.community.id}
        loading={q.isPending}
        error={q.error}
        onRetry={q.refetch}
        exportName={exportName}
      />
    </Card>
  );
}
