import { useTranslation } from 'react-i18next';
import type { ResidentRecord } from '@yigong/contracts';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { useReferralColumns } from './referral-columns.component.tsx';
import { inboxOrder } from './referral-order.ts';
import { useReferrals } from './referral.resource.ts';

/** 转诊 tab of the resident record: this resident's referrals, newest first. */
export function ResidentReferralsTab({ r, active }: { r: ResidentRecord; active: boolean }) {
  const { t } = useTranslation();
  const query = useReferrals({ residentId: r.id }, active);
  const columns = useReferralColumns({ showResident: false });
  return (
    <DataTable
      data-testid="resident-referrals"
      columns={columns}
      rows={query.data && inboxOrder(query.data)}
      loading={active && query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      pageSize={10}
      exportName={`${r.name}-${t('referral.tabResident')}`}
    />
  );
}
