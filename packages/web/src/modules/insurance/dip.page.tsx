import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { DipForm } from './dip-form.component.tsx';
import { DipResult } from './dip-result.component.tsx';
import { InsuranceHeader } from './insurance-header.component.tsx';
import { useDipPointValue } from './insurance.resource.ts';

/**
 * DIP 点值 (docs/domain/insurance.md §5): scores the disease groups on a reference year, sums the
 * period's case points and gives the point value and each member's payment. Computed on request
 * (nothing stored), by `insurance.write`.
 */
export default function DipPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { communityId } = useCommunitySelection();
  const dip = useDipPointValue();
  const result = dip.data && dip.data.communityId === communityId ? dip.data : undefined;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dip-page">
      <InsuranceHeader title={t('dip.title')} />
      {!communityId ? (
        <EmptyState description={t('insuranceUi.chooseCommunity')} />
      ) : !can('insurance.write') ? (
        <Alert type="info" showIcon title={t('dip.writeOnly')} />
      ) : (
        <>
          <Alert type="info" showIcon title={t('dip.intro')} />
          <DipForm communityId={communityId} run={(req) => dip.mutateAsync(req)} running={dip.isPending} />
          {result ? <DipResult r={result} exportName={t('dip.export', { period: result.period })} /> : <EmptyState description={t('dip.noResult')} />}
        </>
      )}
    </Space>
  );
}
