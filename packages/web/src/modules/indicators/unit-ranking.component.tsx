import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrganizationView } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { OrgKindTag } from '../../shared/components/tags.component.tsx';
import { indicatorName } from './indicator-card.component.tsx';
import { formatIndicator, plainValue, STATUS_COLOURS } from './indicator-format.ts';
import { definitionOf, UNIT_CODES, type IndicatorSet } from './indicators.resource.ts';

export interface UnitRow {
  unit: OrganizationView;
  set: IndicatorSet;
}

/** 成员单位排名: the unit-level indicators per hospital and township centre; sortable, exportable, each unit a link. */
export function UnitRanking({ rows, loading, error, onRetry, exportName, period }: {
  rows: UnitRow[] | undefined; loading: boolean; error: unknown; onRetry: () => void; exportName: string; period: string;
}) {
  const { t } = useTranslation();
  const valueColumn = (code: string): DataColumn<UnitRow> => {
    const def = definitionOf(code)!;
    const get = (r: UnitRow) => r.set.byCode.get(code)?.value ?? null;
    return {
      title: `${indicatorName(def)}${def.unit === 'ratio' ? '(%)' : def.unit === 'days' ? `(${t('indicators.unitDays')})` : def.unit === 'yuan' ? `(${t('indicators.unitYuan')})` : ''}`,
      key: code,
      align: 'right',
      sorter: (a, b) => (get(a) ?? -Infinity) - (get(b) ?? -Infinity),
      sortDirections: def.direction === 'down' ? ['ascend', 'descend'] : ['descend', 'ascend'],
      render: (_: unknown, r) => {
        const v = r.set.byCode.get(code);
        const colour = v && (v.status === 'green' || v.status === 'amber' || v.status === 'red') ? STATUS_COLOURS[v.status] : undefined;
        return <span style={{ color: colour }}>{formatIndicator(def.unit, v?.value, t)}</span>;
      },
      exportValue: (r) => plainValue(def.unit, get(r)),
    };
  };
  const columns: DataColumn<UnitRow>[] = [
    {
      title: t('dashboard.unit'),
      key: 'unit',
      fixed: 'left',
      sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
      render: (_: unknown, r) => (
        <Link to={`/dashboard/units/${r.unit.id}?period=${period}`} data-testid="unit-link">
          {r.unit.name}
        </Link>
      ),
      exportValue: (r) => r.unit.name,
    },
    { title: t('dashboard.kind'), key: 'kind', render: (_: unknown, r) => <OrgKindTag kind={r.unit.kind} />, exportValue: (r) => t(`orgKind.${r.unit.kind}`) },
    ...UNIT_CODES.map(valueColumn),
  ];
  return (
    <Card size="small" title={t('dashboard.ranking')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.rankingHint')}</Typography.Text>}>
      <DataTable
        data-testid="unit-ranking"
        columns={columns}
        rows={rows}
        rowKey={(r: UnitRow) => r.unit.id}
        loading={loading}
        error={error}
        onRetry={onRetry}
        pageSize={20}
        exportName={exportName}
      />
    </Card>
  );
}
