import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { useReferralColumns } from './referral-columns.component.tsx';
import { useReferrals } from './referral.resource.ts';

/** 超时转诊: the coordinator's and manager's list of referrals past their answer deadline. */
export default function ReferralEscalationsPage() {
  const { t } = useTranslation();
  const query = useReferrals({ overdue: true });
  const columns = useReferralColumns({ showEscalation: true });
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('referral.escalationsTitle')}
      </Typography.Title>
      <Alert type="warning" showIcon title={t('referral.escalationsHint')} style={{ marginBottom: 16 }} />
      <DataTable
        data-testid="escalation-list"
        columns={columns}
        rows={query.data}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        pageSize={20}
        exportName={t('referral.escalationsTitle')}
      />
    </>
  );
}
