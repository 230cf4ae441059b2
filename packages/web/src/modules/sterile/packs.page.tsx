import { Card, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { shanghaiToday } from '../../shared/i18n/format.ts';
import { BarcodeScan } from './barcode-scan.component.tsx';
import { checkPackBarcode } from './pack-barcode.ts';
import { PackDetail } from './pack-detail.component.tsx';
import { PackStock } from './pack-stock.component.tsx';
import { SterileHeader } from './sterile-nav.component.tsx';
import { usePack, useSterileCentre } from './sterile.resource.ts';

/** The pack of `?barcode=` (checked first: a hand-edited address is no request), its four states. */
function TracedPack({ barcode, today, linkBatch }: { barcode: string; today: string; linkBatch: boolean }) {
  const query = usePack(barcode);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} compact />;
  return <PackDetail p={query.data} today={today} linkBatch={linkBatch} />;
}

/**
 * 灭菌包追溯: scan a pack to see its path from the steriliser to the patient and, at the unit
 * holding it, record its use or send it back; below, the stock with its filters.
 */
export default function PacksPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { communityId } = useCommunitySelection();
  const centre = useSterileCentre(communityId).data ?? undefined;
  const [params, setParams] = useSearchParams();
  const checked = checkPackBarcode(params.get('barcode'));
  const barcode = checked.ok ? checked.barcode : null;
  const today = shanghaiToday();
  const staff = centre?.canProcess === true;
  const centreView = staff || user.role === 'manager';

  function open(code: string) {
    const next = new URLSearchParams(params);
    next.set('barcode', code);
    setParams(next, { replace: true });
  }

  return (
    <>
      <SterileHeader title={t('sterile.packsTitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <BarcodeScan key={barcode ?? ''} current={barcode} onScan={open} />
        {barcode && (
          <div style={{ marginTop: 16 }}>
            <TracedPack key={barcode} barcode={barcode} today={today} linkBatch={staff} />
          </div>
        )}
      </Card>
      <Typography.Title level={5}>{t('sterile.stock')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(centreView ? 'sterile.stockHintCentre' : 'sterile.stockHintUnit')}</Typography.Paragraph>
      <PackStock today={today} centreView={centreView} onOpen={open} />
    </>
  );
}
