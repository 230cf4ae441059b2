import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BudgetView } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatYuan } from './insurance-format.ts';
import { moneyColumn } from './money-column.ts';

type Month = BudgetView['months'][number];

/** 月度支出: each month's outlay in and out of county, the cumulative outlay and prepayment; Excel export. */
export function BudgetMonths({ b, booked, exportName }: { b: BudgetView; booked: number; exportName: string }) {
  const { t } = useTranslation();
  const yuan = t('insuranceUi.yuanSuffix');
  const rows = b.months.slice(0, Math.max(booked, 0));
  const columns: DataColumn<Month>[] = [
    { title: t('budget.month'), dataIndex: 'month', fixed: 'left' },
    moneyColumn<Month>(`${t('budget.monthOutlay')}${yuan}`, 'outlay', (m) => m.outlay),
    moneyColumn<Month>(`${t('budget.monthInCounty')}${yuan}`, 'inCounty', (m) => m.inCounty),
    moneyColumn<Month>(`${t('budget.monthOutOfCounty')}${yuan}`, 'outOfCounty', (m) => m.outOfCounty),
    moneyColumn<Month>(`${t('budget.cumulative')}${yuan}`, 'cumulative', (m) => m.cumulative),
    moneyColumn<Month>(`${t('budget.prepaidCumulative')}${yuan}`, 'prepaidCumulative', (m) => m.prepaidCumulative),
    {
      ...moneyColumn<Month>(`${t('budget.prepaidGap')}${yuan}`, 'gap', (m) => m.prepaidCumulative - m.cumulative),
      render: (_: unknown, m: Month) => {
        const gap = m.prepaidCumulative - m.cumulative;
        return <Typography.Text type={gap < 0 ? 'danger' : undefined}>{formatYuan(gap)}</Typography.Text>;
      },
    },
  ];
  return (
    <Card size="small" title={t('budget.months')}>
      <DataTable<Month>
        data-testid="budget-months"
        columns={columns}
        rows={rows}
        rowKey="month"
        exportName={exportName}
        toolbar={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('budget.monthsHint')}</Typography.Text>}
      />
    </Card>
  );
}
