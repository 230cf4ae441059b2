import { Card, Descriptions, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssignmentView, PractitionerView } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { QueryState } from '../../shared/components/query-state.component.tsx';
import { formatDate, orDash } from '../../shared/i18n/format.ts';
import { usePractitioner } from './practitioner.resource.ts';
import { AssignmentForm } from './assignment-form.component.tsx';

function PractitionerBody({ p }: { p: PractitionerView }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const columns: DataColumn<AssignmentView>[] = [
    {
      title: t('practitioners.assignmentKind'),
      dataIndex: 'kind',
      render: (v: AssignmentView['kind']) => <Tag color={v === 'dispatch' ? 'purple' : 'blue'}>{t(`assignmentKind.${v}`)}</Tag>,
      exportValue: (a) => t(`assignmentKind.${a.kind}`),
    },
    { title: t('field.organization'), dataIndex: 'organizationName', render: (_: unknown, a) => <Link to={`/organizations/${a.organizationId}`}>{a.organizationName}</Link> },
    { title: t('practitioners.startsOn'), dataIndex: 'startsOn', render: (v: string) => formatDate(v) },
    { title: t('practitioners.endsOn'), dataIndex: 'endsOn', render: (v: string | null) => (v ? formatDate(v) : t('practitioners.ongoing')) },
    { title: t('field.note'), dataIndex: 'note', render: (v: string | null) => orDash(v) },
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={<span data-testid="practitioner-name">{p.name}</span>} extra={!p.active && <Tag>{t('org.inactive')}</Tag>}>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'org', label: t('field.organization'), children: <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link> },
            { key: 'dept', label: t('practitioners.department'), children: orDash(p.departmentName) },
            { key: 'title', label: t('practitioners.titleLabel'), children: t(`title.${p.title}`) },
            { key: 'sex', label: t('field.sex'), children: p.sex ? t(`sex.${p.sex}`) : '—' },
            { key: 'spec', label: t('practitioners.specialty'), children: orDash(p.specialty) },
            { key: 'licence', label: t('practitioners.licence'), children: orDash(p.licenceNumber) },
            { key: 'phone', label: t('field.phone'), children: orDash(p.phone) },
          ]}
        />
      </Card>
      <Card title={t('practitioners.assignments')} size="small">
        <DataTable columns={columns} rows={p.assignments ?? []} exportName={`${p.name}-${t('practitioners.assignments')}`} />
        {can('staff.write') && (
          <div style={{ marginTop: 16 }}>
            <AssignmentForm practitionerId={p.id} communityId={p.communityId} />
          </div>
        )}
      </Card>
    </Space>
  );
}

/** 人员详情 with 县管乡用 / 下沉驻点 assignments. */
export default function PractitionerDetailPage() {
  const { id = '' } = useParams();
  const query = usePractitioner(id);
  return (
    <QueryState query={query} isEmpty={() => false}>
      {(p) => <PractitionerBody p={p} />}
    </QueryState>
  );
}
