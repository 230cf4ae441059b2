import { useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { LoadMore } from '../../shared/components/load-more.component.tsx';
import { useResidentColumns } from './resident-columns.component.tsx';
import { useResidentSearch } from './resident.resource.ts';
import { ResidentCreateDrawer } from './resident-create.component.tsx';

/** 居民: search by name, pinyin initials, ID number or phone; create a record. */
export default function ResidentSearchPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { communityId } = useCommunitySelection();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const [creating, setCreating] = useState(false);
  const query = useResidentSearch(communityId, q);
  const rows = query.data?.pages.flatMap((p) => p.items);
  const columns = useResidentColumns();

  function search(v: string) {
    const next = v.trim();
    setParams(next ? { q: next } : {}, { replace: true });
  }

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('residents.title')}
        </Typography.Title>
        <Space wrap>
          <CommunitySelect />
          {can('resident.create') && communityId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="resident-create">
              {t('residents.create')}
            </Button>
          )}
        </Space>
      </Space>
      <Input.Search
        size="large"
        allowClear
        enterButton={t('action.search')}
        placeholder={t('residents.searchPlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={search}
        style={{ maxWidth: 640, marginBottom: 8 }}
        data-testid="resident-search"
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('residents.searchHint')}
        {rows && rows.length > 0 && ` · ${t('residents.count', { count: rows.length })}`}
      </Typography.Paragraph>
      <DataTable
        data-testid="resident-results"
        columns={columns}
        rows={rows}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        exportName={t('residents.title')}
      />
      <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} fetchNextPage={query.fetchNextPage} count={rows?.length} />
      {communityId && <ResidentCreateDrawer open={creating} onClose={() => setCreating(false)} communityId={communityId} />}
    </>
  );
}
