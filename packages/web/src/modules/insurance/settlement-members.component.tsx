import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettlementView } from '@yigong/contracts';
import type { OrganizationKind } from '@yigong/domain';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { OrgKindTag } from '../../shared/components/tags.component.tsx';
import { formatScore } from './insurance-format.ts';
import { LevelTag } from './level-tag.component.tsx';
import { moneyColumn } from './money-column.ts';

type Member = SettlementView['members'][number];

/** 成员分配: each member's level, appraisal score, population served and share of the retained surplus; Excel export. */
export function SettlementMembers({ s, exportName }: { s: SettlementView; exportName: string }) {
  const { t } = useTranslation();
  const columns: DataColumn<Member>[] = [
    { title: t('settlement.unit'), dataIndex: 'organizationName', fixed: 'left', sorter: (a, b) => a.organizationName.localeCompare(b.organizationName, 'zh-CN') },
    { title: t('settlement.kind'), dataIndex: 'kind', render: (v: string) => <OrgKindTag kind={v as OrganizationKind} />, exportValue: (m) => t(`orgKind.${m.kind}`) },
    { title: t('settlement.level'), dataIndex: 'level', render: (v: Member['level']) => <LevelTag level={v} />, exportValue: (m) => t(`insuranceUi.level.${m.level ?? 'none'}`) },
    { title: t('settlement.score'), dataIndex: 'score', align: 'right', sorter: (a, b) => a.score - b.score, render: (v: number) => formatScore(v) },
    { title: t('settlement.population'), dataIndex: 'population', align: 'right', sorter: (a, b) => a.population - b.population, render: (v: number) => v.toLocaleString('zh-CN') },
    { ...moneyColumn<Member>(`${t('settlement.share')}${t('insuranceUi.yuanSuffix')}`, 'share', (m) => m.share), defaultSortOrder: 'descend' },
  ];
  return (
    <Card size="small" title={t('settlement.members')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('settlement.membersHint')}</Typography.Text>}>
      <DataTable<Member> data-testid="settlement-members" columns={columns} rows={s.members} rowKey="organizationId" pageSize={20} exportName={exportName} />
    </Card>
  );
}
