import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrganizationDetail, OrganizationView } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { EmptyState, QueryState } from '../../shared/components/query-state.component.tsx';
import { OrgKindTag } from '../../shared/components/tags.component.tsx';
import { LoadMore } from '../../shared/components/load-more.component.tsx';
import { orDash } from '../../shared/i18n/format.ts';
import { usePractitioners } from '../practitioners/practitioner.resource.ts';
import { usePractitionerColumns } from '../practitioners/practitioner-columns.component.tsx';
import { useOrganization } from './org.resource.ts';
import { OrganizationFormDrawer } from './organization-form.component.tsx';
import { DepartmentForm } from './department-form.component.tsx';

function StaffTable({ org }: { org: OrganizationDetail }) {
  const { t } = useTranslation();
  const staff = usePractitioners({ communityId: org.communityId, organizationId: org.id });
  const rows = staff.data?.pages.flatMap((p) => p.items);
  return (
    <>
      <DataTable columns={usePractitionerColumns({ showOrganization: false })} rows={rows} pageSize={10} loading={staff.isPending} error={staff.error} onRetry={() => void staff.refetch()} exportName={`${org.name}-${t('org.staff')}`} />
      <LoadMore hasNextPage={staff.hasNextPage} isFetchingNextPage={staff.isFetchingNextPage} fetchNextPage={staff.fetchNextPage} count={rows?.length} />
    </>
  );
}

function OrganizationBody({ org }: { org: OrganizationDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const childColumns: DataColumn<OrganizationView>[] = [
    { title: t('field.name'), dataIndex: 'name', render: (_: unknown, o) => <Link to={`/organizations/${o.id}`}>{o.name}</Link> },
    { title: t('field.kind'), dataIndex: 'kind', render: (_: unknown, o) => <OrgKindTag kind={o.kind} />, exportValue: (o) => t(`orgKind.${o.kind}`) },
    { title: t('org.beds'), dataIndex: 'beds', align: 'right' },
    { title: t('org.staffCount'), dataIndex: 'staffCount', align: 'right' },
    { title: t('org.residentCount'), dataIndex: 'residentCount', align: 'right' },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="org-name">{org.name}</span>
            <OrgKindTag kind={org.kind} />
            {!org.active && <Tag>{t('org.inactive')}</Tag>}
          </Space>
        }
        extra={can('org.write') && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('action.edit')}</Button>}
      >
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'second', label: t('org.secondPlate'), children: orDash(org.secondPlateName), span: 2 },
            { key: 'short', label: t('org.shortName'), children: orDash(org.shortName) },
            { key: 'level', label: t('org.level'), children: org.level ? t(`orgLevel.${org.level}`) : '—' },
            { key: 'grid', label: t('org.grid'), children: orDash(org.gridName) },
            { key: 'region', label: t('org.regionCode'), children: orDash(org.regionCode) },
            { key: 'beds', label: t('org.beds'), children: org.beds },
            { key: 'staff', label: t('org.staffCount'), children: org.staffCount },
            { key: 'residents', label: t('org.residentCount'), children: org.residentCount },
            { key: 'address', label: t('field.address'), children: orDash(org.address) },
            { key: 'phone', label: t('field.phone'), children: orDash(org.phone) },
            { key: 'parent', label: t('org.parent'), children: org.parentId ? <Link to={`/organizations/${org.parentId}`}>{t('action.view')}</Link> : '—' },
          ]}
        />
      </Card>
      <Card title={t('org.departments')} size="small">
        {org.departments.length === 0 ? (
          <EmptyState />
        ) : (
          <Space wrap>
            {org.departments.map((d) => (
              <Tag key={d.id}>{d.name}</Tag>
            ))}
          </Space>
        )}
        {can('org.write') && <DepartmentForm communityId={org.communityId} organizationId={org.id} />}
      </Card>
      <Card title={t('org.staff')} size="small">
        <StaffTable org={org} />
      </Card>
      <Card title={t('org.children')} size="small">
        <DataTable columns={childColumns} rows={org.children} pageSize={10} exportName={`${org.name}-${t('org.children')}`} />
      </Card>
      <OrganizationFormDrawer open={editing} onClose={() => setEditing(false)} communityId={org.communityId} organization={org} />
    </Space>
  );
}

/** 机构详情: fields, departments, staff, child units; edit for admin/manager. */
export default function OrganizationDetailPage() {
  const { id = '' } = useParams();
  const query = useOrganization(id);
  return (
    <QueryState query={query} isEmpty={() => false}>
      {(org) => <OrganizationBody org={org} />}
    </QueryState>
  );
}
