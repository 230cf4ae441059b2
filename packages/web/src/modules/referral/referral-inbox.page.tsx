import { Badge, Select, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REFERRAL_DIRECTIONS, REFERRAL_STATUSES, type ReferralDirection, type ReferralStatus } from '@yigong/domain';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { useReferralColumns } from './referral-columns.component.tsx';
import { inboxOrder } from './referral-order.ts';
import { useReferrals, type ReferralListQuery } from './referral.resource.ts';

type Box = 'incoming' | 'outgoing' | 'all';
const BOXES: Box[] = ['incoming', 'outgoing', 'all'];

/** 转诊: the receiver's inbox (overdue first), what the user sent, or everything in scope. */
export default function ReferralInboxPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  // A community manager has no unit of its own: it coordinates every referral of the community.
  const hasUnit = !!user.organizationId;
  const box = (BOXES.find((b) => b === params.get('box')) ?? (hasUnit ? 'incoming' : 'all')) as Box;
  const direction = (params.get('direction') ?? undefined) as ReferralDirection | undefined;
  const status = (params.get('status') ?? undefined) as ReferralStatus | undefined;
  const q: ReferralListQuery = { role: box === 'all' ? undefined : box, direction, status };
  const query = useReferrals(q);
  const waiting = useReferrals({ role: 'incoming', status: 'submitted' }, hasUnit);
  const columns = useReferralColumns();

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const filters = (
    <Space wrap>
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('referral.direction')}
        value={direction}
        onChange={(v?: string) => setParam('direction', v)}
        options={REFERRAL_DIRECTIONS.map((d) => ({ value: d, label: t(`referral.directions.${d}`) }))}
        data-testid="filter-direction"
      />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('referral.status')}
        value={status}
        onChange={(v?: string) => setParam('status', v)}
        options={REFERRAL_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(`referral.statuses.${s}`) }))}
        data-testid="filter-status"
      />
    </Space>
  );

  const tabs = (hasUnit ? BOXES : (['all'] as Box[])).map((b) => ({
    key: b,
    label:
      b === 'incoming' ? (
        <Badge count={waiting.data?.length ?? 0} size="small" offset={[10, -2]} title={t('referral.waiting', { count: waiting.data?.length ?? 0 })}>
          {t('referral.tabIncoming')}
        </Badge>
      ) : (
        t(b === 'outgoing' ? 'referral.tabOutgoing' : 'referral.tabAll')
      ),
  }));

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('referral.inboxTitle')}
      </Typography.Title>
      <Tabs activeKey={box} onChange={(k) => setParam('box', k)} items={tabs} data-testid="referral-tabs" />
      <DataTable
        data-testid="referral-list"
        columns={columns}
        rows={query.data && inboxOrder(query.data)}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        toolbar={filters}
        pageSize={20}
        exportName={`${t('referral.inboxTitle')}-${t(box === 'incoming' ? 'referral.tabIncoming' : box === 'outgoing' ? 'referral.tabOutgoing' : 'referral.tabAll')}`}
      />
    </>
  );
}
