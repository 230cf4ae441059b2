import { Alert, Card, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { LoadingState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatYuan, formatYuanDelta, yuanOf } from './insurance-format.ts';
import type { WhatIfView } from './insurance.resource.ts';
import { LevelTag } from './level-tag.component.tsx';
import { moneyColumn } from './money-column.ts';

type Side = WhatIfView['actual'];
type Member = WhatIfView['members'][number];

const ROWS: (keyof Side)[] = ['budget', 'riskReserve', 'outlay', 'difference', 'retained', 'returnedToFund', 'overspend', 'fundBears', 'communityBears'];

function Delta({ fen, testId }: { fen: number; testId?: string }) {
  const type = fen > 0 ? 'success' : fen < 0 ? 'danger' : 'secondary';
  return <Typography.Text type={type} data-testid={testId}>{formatYuanDelta(fen)}</Typography.Text>;
}

/** 实际 vs 情景: the settlement figures side by side with scenario − actual. */
function SideBySide({ w }: { w: WhatIfView }) {
  const { t } = useTranslation();
  const columns: ColumnsType<{ key: keyof Side }> = [
    { title: t('scenario.figure'), key: 'figure', render: (_: unknown, r) => t(`scenario.figures.${r.key}`) },
    { title: t('scenario.actual'), key: 'actual', align: 'right', render: (_: unknown, r) => formatYuan(w.actual[r.key]) },
    { title: t('scenario.scenario'), key: 'scenario', align: 'right', render: (_: unknown, r) => <strong data-testid={`scenario-${r.key}`}>{formatYuan(w.scenario[r.key])}</strong> },
    { title: t('scenario.difference'), key: 'difference', align: 'right', render: (_: unknown, r) => <Delta fen={w.differences[r.key]} testId={`difference-${r.key}`} /> },
  ];
  return <Table size="small" pagination={false} rowKey="key" columns={columns} dataSource={ROWS.map((key) => ({ key }))} data-testid="scenario-sides" />;
}

/**
 * The live what-if: the figures side by side and each member's actual and scenario share, with a
 * spinner while the next answer is computed and the server's reason when the scenario is refused.
 */
export function ScenarioComparison({ data, busy, error, exportName }: { data: WhatIfView | undefined; busy: boolean; error: unknown; exportName: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const changed = (data?.members ?? []).filter((m) => m.difference !== 0).length;
  const columns: DataColumn<Member>[] = [
    { title: t('settlement.unit'), dataIndex: 'organizationName', fixed: 'left' },
    { title: t('settlement.level'), dataIndex: 'level', render: (v: Member['level']) => <LevelTag level={v} />, exportValue: (m) => t(`insuranceUi.level.${m.level ?? 'none'}`) },
    { ...moneyColumn<Member>(`${t('scenario.actualShare')}${t('insuranceUi.yuanSuffix')}`, 'actualShare', (m) => m.actualShare), render: (_: unknown, m: Member) => <span data-testid="actual-share" data-fen={m.actualShare}>{formatYuan(m.actualShare)}</span> },
    { ...moneyColumn<Member>(`${t('scenario.scenarioShare')}${t('insuranceUi.yuanSuffix')}`, 'scenarioShare', (m) => m.scenarioShare), render: (_: unknown, m: Member) => <span data-testid="scenario-share" data-fen={m.scenarioShare}>{formatYuan(m.scenarioShare)}</span> },
    {
      title: `${t('scenario.difference')}${t('insuranceUi.yuanSuffix')}`,
      key: 'difference',
      align: 'right',
      sorter: (a, b) => a.difference - b.difference,
      render: (_: unknown, m) => <Delta fen={m.difference} />,
      exportValue: (m) => yuanOf(m.difference),
    },
  ];
  const status = busy ? (
    <Tag color="processing" data-testid="scenario-busy"><Spin size="small" /> {t('scenario.computing')}</Tag>
  ) : error ? (
    <Tag color="error">{t('scenario.refused')}</Tag>
  ) : (
    <Tag color="success" data-testid="scenario-ready">{t('scenario.upToDate')}</Tag>
  );
  return (
    <>
      <Card size="small" title={t('scenario.comparison')} extra={status} data-testid="scenario-comparison" data-busy={busy ? 'true' : 'false'}>
        {error ? <Alert type="warning" showIcon title={t('scenario.refusedTitle')} description={errorText(error)} style={{ marginBottom: 12 }} data-testid="scenario-error" /> : null}
        {data ? <SideBySide w={data} /> : error ? null : <LoadingState />}
      </Card>
      {(data || !error) && (
        <Card size="small" title={t('scenario.members')} extra={data && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('scenario.membersChanged', { n: changed })}</Typography.Text>}>
          {data ? (
            <DataTable<Member> data-testid="scenario-members" columns={columns} rows={data.members} rowKey="organizationId" pageSize={15} exportName={exportName} />
          ) : (
            <LoadingState />
          )}
        </Card>
      )}
    </>
  );
}
