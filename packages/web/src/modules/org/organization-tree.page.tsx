import { useMemo, useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { ErrorState, LoadingState, EmptyState } from '../../shared/components/query-state.component.tsx';
import { OrgKindTag } from '../../shared/components/tags.component.tsx';
import { orDash } from '../../shared/i18n/format.ts';
import { buildOrgTree, filterOrgsWithAncestors, parentIds, type OrgTreeNode } from './org-tree.ts';
import { useOrganizations } from './org.resource.ts';
import { OrganizationFormDrawer } from './organization-form.component.tsx';

/** 机构树: the community's member units as a tree table built from parentId. */
export default function OrganizationTreePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const selection = useCommunitySelection();
  const communityId = selection.communityId;
  const orgs = useOrganizations(communityId);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);

  const tree = useMemo(() => buildOrgTree(filterOrgsWithAncestors(orgs.data ?? [], q)), [orgs.data, q]);
  // Expand everything while searching; otherwise the top two levels.
  const defaultExpanded = useMemo(() => (q ? parentIds(tree) : tree.filter((n) => n.children?.length).map((n) => n.id)), [tree, q]);

  const columns: DataColumn<OrgTreeNode>[] = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      render: (_: unknown, o) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/organizations/${o.id}`}>{o.name}</Link>
          {o.secondPlateName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.secondPlateName}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('field.kind'), dataIndex: 'kind', render: (_: unknown, o) => <OrgKindTag kind={o.kind} />, exportValue: (o) => t(`orgKind.${o.kind}`) },
    { title: t('org.level'), dataIndex: 'level', render: (v: string | null) => (v ? t(`orgLevel.${v}`) : '—'), exportValue: (o) => (o.level ? t(`orgLevel.${o.level}`) : '') },
    { title: t('org.grid'), dataIndex: 'gridName', render: (v: string | null) => orDash(v) },
    { title: t('org.beds'), dataIndex: 'beds', align: 'right' },
    { title: t('org.staffCount'), dataIndex: 'staffCount', align: 'right' },
    { title: t('org.residentCount'), dataIndex: 'residentCount', align: 'right' },
  ];

  let body: React.ReactNode;
  if (selection.isPending || (orgs.isPending && !!communityId)) body = <LoadingState />;
  else if (selection.error) body = <ErrorState error={selection.error} />;
  else if (!communityId) body = <EmptyState />;
  else if (orgs.isError) body = <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  else
    body = (
      <DataTable<OrgTreeNode>
        data-testid="org-tree"
        columns={columns}
        rows={tree}
        exportName={t('org.treeTitle')}
        exportRows={filterOrgsWithAncestors(orgs.data ?? [], q)}
        expandable={{ expandedRowKeys: expanded ?? defaultExpanded, onExpandedRowsChange: (keys) => setExpanded(keys) }}
      />
    );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('org.treeTitle')}
          {selection.community && <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>{selection.community.name}</Typography.Text>}
        </Typography.Title>
        <Space wrap>
          <CommunitySelect />
          <Input.Search allowClear placeholder={t('org.search')} style={{ width: 240 }} onSearch={(v) => { setQ(v); setExpanded(null); }} onChange={(e) => { if (!e.target.value) setQ(''); }} data-testid="org-search" />
          {can('org.write') && communityId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('org.add')}
            </Button>
          )}
        </Space>
      </Space>
      {body}
      {communityId && <OrganizationFormDrawer open={adding} onClose={() => setAdding(false)} communityId={communityId} />}
    </>
  );
}
