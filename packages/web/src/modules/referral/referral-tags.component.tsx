import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '@yigong/contracts';
import type { CatalogueRule, ReferralDirection, ReferralPriority } from '@yigong/domain';
import { formatDateTime } from '../../shared/i18n/format.ts';

const STATUS_COLOURS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'cyan',
  scheduled: 'blue',
  arrived: 'geekblue',
  completed: 'success',
  rejected: 'error',
  redirected: 'purple',
  cancelled: 'default',
  escalated: 'red',
};

const DIRECTION_COLOURS: Record<ReferralDirection, string> = { up: 'volcano', down: 'green', out: 'purple' };
const PRIORITY_COLOURS: Record<ReferralPriority, string> = { routine: 'default', urgent: 'orange', green_channel: 'red' };
export const RULE_COLOURS: Record<CatalogueRule | 'none', string> = { refer_up: 'red', may_treat: 'green', down_when_stable: 'blue', none: 'default' };

export function ReferralStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status] ?? 'default'} data-testid="referral-status">
      {t(`referral.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function DirectionTag({ direction }: { direction: ReferralDirection }) {
  const { t } = useTranslation();
  return <Tag color={DIRECTION_COLOURS[direction]}>{t(`referral.directions.${direction}`)}</Tag>;
}

export function PriorityTag({ priority }: { priority: ReferralPriority }) {
  const { t } = useTranslation();
  return <Tag color={PRIORITY_COLOURS[priority]}>{t(`referral.priorities.${priority}`)}</Tag>;
}

/** The red 超时 tag: past the answer deadline and still unanswered. */
export function OverdueTag({ r }: { r: Pick<ReferralView, 'overdue' | 'deadlineAt' | 'escalatedAt'> }) {
  const { t } = useTranslation();
  if (!r.overdue) return null;
  const tip = `${t('referral.deadline')} ${formatDateTime(r.deadlineAt)}${r.escalatedAt ? ` · ${t('referral.escalatedAt')} ${formatDateTime(r.escalatedAt)}` : ''}`;
  return (
    <Tooltip title={tip}>
      <Tag color="red" data-testid="overdue-tag">
        {t('referral.overdue')}
      </Tag>
    </Tooltip>
  );
}

/** 目录判定: 必须上转 / 可基层诊治 / 稳定后下转 / 目录外. */
export function CatalogueRuleTag({ rule }: { rule: CatalogueRule | null }) {
  const { t } = useTranslation();
  const key = rule ?? 'none';
  return (
    <Tag color={RULE_COLOURS[key]} data-testid="catalogue-rule">
      {t(`referral.rules.${key}`)}
    </Tag>
  );
}

/** `I10 特发性（原发性）高血压` for the primary diagnosis (or the first one). */
export function primaryDiagnosisText(r: Pick<ReferralView, 'diagnoses'>): string {
  const d = r.diagnoses.find((x) => x.primary) ?? r.diagnoses[0];
  return d ? `${d.code}${d.name ? ` ${d.name}` : ''}` : '—';
}
