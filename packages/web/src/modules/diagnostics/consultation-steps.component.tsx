import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetailView } from '@yigong/contracts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { consultationSteps } from './consultation-steps.ts';

/** 已申请 → 已排期 → 已出具意见 → 已结束, or ending in 已拒绝 / 已取消 in red; the session's time under 已排期. */
export function ConsultationSteps({ c }: { c: ConsultationDetailView }) {
  const { t } = useTranslation();
  return (
    <Steps
      size="small"
      data-testid="consultation-steps"
      items={consultationSteps(c).map((s) => ({
        key: s.status,
        status: s.state,
        title: t(`consultation.statuses.${s.status}`),
        content: s.status === 'scheduled' && c.scheduledAt ? t('consultation.sessionAt', { at: formatDateTime(c.scheduledAt) }) : s.at ? formatDateTime(s.at) : undefined,
      }))}
    />
  );
}
