import { useState } from 'react';
import { Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRACTITIONER_TITLES, type PractitionerTitle } from '@yigong/domain';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { LoadMore } from '../../shared/components/load-more.component.tsx';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { usePractitionerColumns } from './practitioner-columns.component.tsx';
import { usePractitioners } from './practitioner.resource.ts';

/** 人员: staff of the community, filtered by organisation, title and name. */
export default function PractitionerListPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunitySelection();
  const orgs = useOrganizations(communityId);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [title, setTitle] = useState<PractitionerTitle | null>(null);
  const [q, setQ] = useState('');
  const query = usePractitioners({ communityId, organizationId, title, q: q || undefined });
  const rows = query.data?.pages.flatMap((p) => p.items);
  const columns = usePractitionerColumns({ showOrganization: true });

  return (
    <>
      <Typography.Title level={4}>{t('practitioners.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <CommunitySelect />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 260 }}
          placeholder={t('field.organization')}
          loading={orgs.isPending}
          value={organizationId ?? undefined}
          onChange={(v?: string) => setOrganizationId(v ?? null)}
          options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('practitioners.titleLabel')}
          value={title ?? undefined}
          onChange={(v?: PractitionerTitle) => setTitle(v ?? null)}
          options={PRACTITIONER_TITLES.map((x) => ({ value: x, label: t(`title.${x}`) }))}
        />
        <Input.Search allowClear placeholder={t('practitioners.searchName')} style={{ width: 220 }} onSearch={setQ} />
      </Space>
      {!communityId ? (
        <EmptyState />
      ) : (
        <>
          <DataTable
            columns={columns}
            rows={rows}
            loading={query.isPending}
            error={query.error}
            onRetry={() => void query.refetch()}
            exportName={t('practitioners.title')}
          />
          <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} fetchNextPage={query.fetchNextPage} count={rows?.length} />
        </>
      )}
    </>
  );
}
