import { useState } from 'react';
import { Space, Tabs } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResidentRecord } from '@yigong/contracts';
import { isApiError } from '../../shared/api/api-client.ts';
import { ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { GrantRequestPanel } from '../grants/grant-request.component.tsx';
import { useResident } from './resident.resource.ts';
import { ResidentHeader } from './resident-header.component.tsx';
import { ResidentBasic } from './resident-basic.component.tsx';
import { ProblemsTab } from './problems-tab.component.tsx';
import { ObservationsTab } from './observations-tab.component.tsx';
import { AccessLogTab, TimelineTab } from './resident-history.component.tsx';

function RecordBody({ r }: { r: ResidentRecord }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('basic');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ResidentHeader r={r} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'basic', label: t('record.tabBasic'), children: <ResidentBasic r={r} /> },
          { key: 'problems', label: `${t('record.tabProblems')} (${r.problems.length})`, children: <ProblemsTab r={r} /> },
          { key: 'observations', label: `${t('record.tabObservations')} (${r.observations.length})`, children: <ObservationsTab r={r} /> },
          { key: 'timeline', label: t('record.tabTimeline'), children: <TimelineTab r={r} /> },
          { key: 'access', label: t('record.tabAccessLog'), children: <AccessLogTab r={r} active={tab === 'access'} /> },
        ]}
      />
    </Space>
  );
}

/** 居民健康档案. A record outside the user's scope turns into a 授权调阅 request. */
export default function ResidentRecordPage() {
  const { id = '' } = useParams();
  const query = useResident(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    const e = query.error;
    if (isApiError(e, 'OUT_OF_SCOPE', 'GRANT_REQUIRED')) {
      return (
        <GrantRequestPanel
          residentId={e.detail<string>('residentId') ?? id}
          communityId={e.detail<string>('communityId') ?? null}
          grantable={e.detail<boolean>('grantable') ?? true}
          serverMessage={e.message}
        />
      );
    }
    return <ErrorState error={e} onRetry={() => void query.refetch()} />;
  }
  return <RecordBody r={query.data} />;
}
