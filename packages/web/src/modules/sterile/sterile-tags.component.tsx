import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchView } from '@yigong/contracts';
import type { PackStatus, SterileRequestStatus } from '@yigong/domain';
import { daysLeft, expiryState } from './expiry.ts';

const PACK_COLOURS: Record<PackStatus, string> = {
  sterilised: 'gold',
  released: 'green',
  delivered: 'blue',
  used: 'default',
  returned: 'orange',
  expired: 'volcano',
  recalled: 'red',
};
export const BATCH_COLOURS: Record<BatchView['status'], string> = { held: 'gold', released: 'green', recalled: 'red' };
const REQUEST_COLOURS: Record<SterileRequestStatus, string> = { requested: 'processing', partially_delivered: 'gold', delivered: 'success', cancelled: 'default' };

/** Chart colours of the pack statuses, the tags' hues. */
export const PACK_STATUS_CHART_COLOURS: Record<PackStatus, string> = {
  sterilised: '#d4b106',
  released: '#389e0d',
  delivered: '#1668dc',
  used: '#8c8c8c',
  returned: '#d46b08',
  expired: '#d4380d',
  recalled: '#cf1322',
};

export function PackStatusTag({ status }: { status: PackStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PACK_COLOURS[status]} data-testid="pack-status">
      {t(`sterile.packStatuses.${status}`)}
    </Tag>
  );
}

/** 待放行 / 已放行 / 已召回. */
export function BatchStatusTag({ status }: { status: BatchView['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={BATCH_COLOURS[status]} data-testid="batch-status">
      {t(`sterile.batchStatuses.${status}`)}
    </Tag>
  );
}

export function RequestStatusTag({ status }: { status: SterileRequestStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REQUEST_COLOURS[status]} data-testid="request-status">
      {t(`sterile.requestStatuses.${status}`)}
    </Tag>
  );
}

/**
 * A monitoring result: 合格 green, 不合格 red, and null as `none` says — 未做 (B-D), 未放置 (a
 * biological indicator not in this load), 待结果 (one required and awaited), 不要求, 按厂家参数.
 */
export function MonitoringTag({ pass, none = 'notDone' }: { pass: boolean | null; none?: 'notDone' | 'notPlaced' | 'awaited' | 'notRequired' | 'manufacturer' }) {
  const { t } = useTranslation();
  if (pass === null) return <Tag color={none === 'awaited' ? 'gold' : 'default'}>{t(`sterile.monitoring.${none}`)}</Tag>;
  return <Tag color={pass ? 'green' : 'red'}>{t(pass ? 'sterile.monitoring.pass' : 'sterile.monitoring.fail')}</Tag>;
}

/** 已过期 / 临近过期 (within the 3 days of the stock filter), nothing otherwise; the days left in the tooltip. */
export function ExpiryTag({ expiresOn, today }: { expiresOn: string; today: string }) {
  const { t } = useTranslation();
  const state = expiryState(expiresOn, today);
  if (state === 'ok') return null;
  return (
    <Tooltip title={state === 'soon' ? t('sterile.daysLeft', { count: daysLeft(expiresOn, today) }) : undefined}>
      <Tag color={state === 'expired' ? 'red' : 'orange'} data-testid="expiry-tag">
        {t(state === 'expired' ? 'sterile.expired' : 'sterile.expiringSoon')}
      </Tag>
    </Tooltip>
  );
}

export function ImplantsTag({ implants }: { implants: boolean }) {
  const { t } = useTranslation();
  return implants ? <Tag color="purple">{t('sterile.implants')}</Tag> : null;
}
