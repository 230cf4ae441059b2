import { Button, Card, Col, Drawer, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppraisalView } from '@yigong/contracts';
import { levelOfOrgKind, type OrganizationKind } from '@yigong/domain';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { EmptyState, QueryState } from '../../shared/components/query-state.component.tsx';
import { OrgKindTag } from '../../shared/components/tags.component.tsx';
import { AppraisalChart } from './appraisal-chart.component.tsx';
import { AppraisalItems } from './appraisal-items.component.tsx';
import { InsuranceHeader, useInsuranceYear } from './insurance-header.component.tsx';
import { formatScore } from './insurance-format.ts';
import { useAppraisal } from './insurance.resource.ts';
import { LevelTag } from './level-tag.component.tsx';

type Member = AppraisalView['members'][number] & { rank: number };

/** 绩效考核 body: the community's own score, the ranking as bars and a table, a member's evidence in a drawer. */
function Scoreboard({ a, year }: { a: AppraisalView; year: number }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const openId = params.get('member');
  const setOpen = (id: string | null) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (id) p.set('member', id);
        else p.delete('member');
        return p;
      },
      { replace: true },
    );
  const rows: Member[] = [...a.members].sort((x, y) => y.score - x.score).map((m, i) => ({ ...m, rank: i + 1 }));
  const opened = rows.find((m) => m.organizationId === openId);
  const columns: DataColumn<Member>[] = [
    { title: t('appraisal.rank'), dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: t('appraisal.unit'),
      dataIndex: 'organizationName',
      render: (v: string, m) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(m.organizationId)} data-testid="appraisal-member-link">
          {v}
        </Button>
      ),
    },
    { title: t('appraisal.kind'), dataIndex: 'kind', render: (v: string) => <OrgKindTag kind={v as OrganizationKind} />, exportValue: (m) => t(`orgKind.${m.kind}`) },
    { title: t('appraisal.level'), key: 'level', render: (_: unknown, m) => <LevelTag level={levelOfOrgKind(m.kind as OrganizationKind)} />, exportValue: (m) => t(`insuranceUi.level.${levelOfOrgKind(m.kind as OrganizationKind) ?? 'none'}`) },
    { title: t('appraisal.itemPoints'), dataIndex: 'itemPoints', align: 'right', render: (v: number) => formatScore(v) },
    { title: t('appraisal.adjustmentPoints'), dataIndex: 'adjustmentPoints', align: 'right', render: (v: number) => (v === 0 ? '—' : formatScore(v)) },
    { title: t('appraisal.score'), dataIndex: 'score', align: 'right', sorter: (x, y) => x.score - y.score, render: (v: number) => <strong>{formatScore(v)}</strong> },
  ];
  return (
    <>
      <Card size="small" title={t('appraisal.communityTitle')} extra={<Tag>{a.schemeVersion > 0 ? t('appraisal.schemeVersion', { version: a.schemeVersion }) : t('appraisal.defaultScheme')}</Tag>} data-testid="appraisal-community">
        <Row gutter={24} align="top">
          <Col xs={24} lg={5}>
            <Statistic title={t('appraisal.communityScore', { year })} value={a.community.score} precision={2} suffix={t('appraisal.pointsUnit')} styles={{ content: { color: '#1668dc', fontSize: 36 } }} data-testid="appraisal-community-score" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('appraisal.communityHint')}</Typography.Text>
          </Col>
          <Col xs={24} lg={19}>
            <AppraisalItems scored={a.community} testId="community-items" />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <AppraisalChart members={a.members} communityScore={a.community.score} onOpen={setOpen} />
        </Col>
        <Col xs={24} xxl={14}>
          <Card size="small" title={t('appraisal.ranking')}>
            <DataTable<Member> data-testid="appraisal-ranking" columns={columns} rows={rows} rowKey="organizationId" pageSize={15} exportName={t('appraisal.export', { year })} />
          </Card>
        </Col>
      </Row>
      <Drawer
        open={!!opened}
        onClose={() => setOpen(null)}
        size="large"
        destroyOnHidden
        title={opened ? t('appraisal.memberTitle', { name: opened.organizationName, score: formatScore(opened.score), rank: opened.rank }) : ''}
        data-testid="appraisal-drawer"
      >
        {opened && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space size={4}>
              <OrgKindTag kind={opened.kind as OrganizationKind} />
              <LevelTag level={levelOfOrgKind(opened.kind as OrganizationKind)} />
            </Space>
            <AppraisalItems scored={opened} testId="member-items" />
          </Space>
        )}
      </Drawer>
    </>
  );
}

/**
 * 绩效考核 (docs/domain/insurance.md "Appraisal scheme"): the scores of the community and its
 * members from the year's indicators, ranked, each drillable to its items and adjustments.
 */
export default function AppraisalPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunitySelection();
  const [year, setYear] = useInsuranceYear();
  const appraisal = useAppraisal(communityId, year);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="appraisal-page">
      <InsuranceHeader title={t('appraisal.title')} year={year} onYear={setYear} />
      {!communityId ? (
        <EmptyState description={t('insuranceUi.chooseCommunity')} />
      ) : (
        <QueryState query={appraisal} isEmpty={(a) => a.members.length === 0}>
          {(a) => <Scoreboard a={a} year={year} />}
        </QueryState>
      )}
    </Space>
  );
}
