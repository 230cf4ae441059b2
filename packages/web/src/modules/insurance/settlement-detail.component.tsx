import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SettlementView } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { ErrorState, LoadingState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatPercent, formatScore, formatYuan } from './insurance-format.ts';
import { useConfirmSettlement, useSettlement } from './insurance.resource.ts';
import { SettlementMembers } from './settlement-members.component.tsx';
import { SettlementWaterfall } from './settlement-waterfall.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';

export function SettlementStatusTag({ status }: { status: SettlementView['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'confirmed' ? 'green' : 'gold'} style={{ marginInlineEnd: 0 }} data-testid="settlement-status">
      {t(`settlement.status.${status}`)}
    </Tag>
  );
}

/** The figures of a settlement: budget, outlay, the surplus and its split, or the overspend and its sharing. */
function SettlementFigures({ s }: { s: SettlementView }) {
  const { t } = useTranslation();
  const surplus = s.difference >= 0;
  const money = (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatYuan(v)}</span>;
  const items = [
    { key: 'budget', label: t('settlement.budget'), children: money(s.budget) },
    { key: 'outlay', label: t('settlement.outlay'), children: money(s.outlay) },
    {
      key: 'difference',
      label: surplus ? t('settlement.surplus') : t('settlement.overspend'),
      children: <Typography.Text type={surplus ? 'success' : 'danger'} strong>{formatYuan(Math.abs(s.difference))}</Typography.Text>,
    },
    { key: 'score', label: t('settlement.communityScore'), children: `${formatScore(s.communityScore)}（${t(`settlement.scoreSource.${s.scoreSource}`)}）` },
    ...(surplus
      ? [
          { key: 'ratio', label: t('settlement.retentionRatio'), children: formatPercent(s.retentionRatio, 0) },
          { key: 'retained', label: t('settlement.retained'), children: money(s.retained) },
          { key: 'returned', label: t('settlement.returnedToFund'), children: money(s.returnedToFund) },
        ]
      : [
          { key: 'fundBears', label: t('settlement.fundBears'), children: money(s.fundBears) },
          { key: 'communityBears', label: t('settlement.communityBears'), children: money(s.communityBears) },
        ]),
    { key: 'policy', label: t('settlement.policyVersion'), children: `v${s.policyVersion}` },
    { key: 'prepared', label: t('settlement.prepared'), children: `${s.preparedBy} · ${formatDateTime(s.preparedAt)}` },
    { key: 'confirmed', label: t('settlement.confirmed'), children: s.confirmedBy ? `${s.confirmedBy} · ${formatDateTime(s.confirmedAt)}` : '—' },
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} items={items} data-testid="settlement-figures" />;
}

/**
 * One settlement: its figures, the waterfall and the members' shares. The manager confirms a
 * draft (never one they prepared; one confirmed settlement a year) after a confirmation dialog;
 * a refusal (403, 409) stays on screen with the server's reason.
 */
export function SettlementDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const { can } = useAuth();
  const query = useSettlement(id);
  const confirm = useConfirmSettlement();
  const [refusal, setRefusal] = useState<{ id: string; text: string } | null>(null);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;

  function onConfirm() {
    modal.confirm({
      title: t('settlement.confirmTitle', { year: s.year }),
      content: t('settlement.confirmText', { retained: formatYuan(s.retained), overspend: formatYuan(s.overspend) }),
      okText: t('settlement.confirm'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          await confirm.mutateAsync(s.id);
          setRefusal(null);
          void message.success(t('settlement.confirmedMessage', { year: s.year }));
        } catch (e) {
          const text = errorText(e);
          setRefusal({ id: s.id, text });
          void message.error(text);
        }
      },
    });
  }

  const canConfirm = s.status === 'draft' && can('insurance.confirm');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="settlement-detail" data-settlement-id={s.id}>
      <Card
        size="small"
        title={
          <Space>
            {t('settlement.detailTitle', { year: s.year })}
            <SettlementStatusTag status={s.status} />
          </Space>
        }
        extra={
          canConfirm && (
            <Button type="primary" icon={<CheckCircleOutlined />} onClick={onConfirm} loading={confirm.isPending} data-testid="settlement-confirm">
              {t('settlement.confirm')}
            </Button>
          )
        }
      >
        {refusal?.id === s.id && <Alert type="error" showIcon title={t('settlement.confirmRefused')} description={refusal.text} style={{ marginBottom: 12 }} data-testid="settlement-refusal" closable={{ onClose: () => setRefusal(null) }} />}
        <SettlementFigures s={s} />
      </Card>
      <SettlementWaterfall s={s} />
      <SettlementMembers s={s} exportName={t('settlement.membersExport', { year: s.year, status: t(`settlement.status.${s.status}`) })} />
    </Space>
  );
}
