import { useState } from 'react';
import { Space, Tabs } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResidentRecord } from '@yigong/contracts';
import { isApiError } from '../../shared/api/api-client.ts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { GrantRequestPanel } from '../grants/grant-request.component.tsx';
import { NewReferralButton } from '../referral/referral-new.component.tsx';
import { ResidentReferralsTab } from '../referral/referral-resident-tab.component.tsx';
import { ResidentOrdersTab } from '../diagnostics/diagnostics-resident-tab.component.tsx';
import { useResident } from './resident.resource.ts';
import { ResidentHeader } from './resident-header.component.tsx';
import { ResidentBasic } from './resident-basic.component.tsx';
import { ProblemsTab } from './problems-tab.component.tsx';
import { ObservationsTab } from './observations-tab.component.tsx';
import { AccessLogTab, TimelineTab } from './resident-history.component.tsx';
import { ContractsTab } from '../family-doctor/contracts-tab.component.tsx';
import { ChronicTab } from '../chronic/chronic-tab.component.tsx';

function RecordBody({ r }: { r: ResidentRecord }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [tab, setTab] = useState('basic');
  // 发起转诊 needs the record in scope (not a read-only 授权调阅) and an active resident.
  const canRefer = can('referral.create') && r.status === 'active' && r.access !== 'grant';
  const subject = { residentId: r.id, residentName: r.name, communityId: r.communityId, organizationId: r.organizationId, problems: r.problems };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ResidentHeader r={r} extra={canRefer && <NewReferralButton subject={subject} />} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'basic', label: t('record.tabBasic'), children: <ResidentBasic r={r} /> },
          { key: 'problems', label: `${t('record.tabProblems')} (${r.problems.length})`, children: <ProblemsTab r={r} /> },
          { key: 'observations', label: `${t('record.tabObservations')} (${r.observations.length})`, children: <ObservationsTab r={r} /> },
          { key: 'contracts', label: t('contract.tab'), children: <ContractsTab r={r} active={tab === 'contracts'} /> },
          { key: 'chronic', label: t('chronic.tab'), children: <ChronicTab r={r} active={tab === 'chronic'} /> },
          ...(can('referral.read') ? [{ key: 'referrals', label: t('referral.tabResident'), children: <ResidentReferralsTab r={r} active={tab === 'referrals'} /> }] : []),
          ...(can('diagnostics.read') ? [{ key: 'diagnostics', label: t('diagnostics.residentTab'), children: <ResidentOrdersTab r={r} active={tab === 'diagnostics'} /> }] : []),
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
