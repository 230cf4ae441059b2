import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { EmptyState, QueryState } from '../../shared/components/query-state.component.tsx';
import { CentreCard } from './centre-card.component.tsx';
import { PackTypeTable } from './pack-type-table.component.tsx';
import { SterileHeader } from './sterile-nav.component.tsx';
import { usePackTypes, useSterileCentre } from './sterile.resource.ts';

/** 消毒供应: the community's centre with its board, and the pack catalogue with the stock on the shelf. */
export default function SterilePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { communityId } = useCommunitySelection();
  const centre = useSterileCentre(communityId);
  const types = usePackTypes(communityId);
  return (
    <>
      <SterileHeader title={t('sterile.title')} extra={<CommunitySelect />} />
      <Typography.Paragraph type="secondary">{t('sterile.hint')}</Typography.Paragraph>
      <QueryState query={centre} empty={<EmptyState description={t('sterile.noCentre')} />}>
        {(c) => c && <CentreCard centre={c} showBatches={can('sterile.process')} />}
      </QueryState>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('sterile.catalogue')}
      </Typography.Title>
      <PackTypeTable types={types.data} loading={types.isPending} error={types.error} onRetry={() => void types.refetch()} />
    </>
  );
}
