import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsultationSide, ConsultationStatus, ConsultationUrgency } from '@yigong/domain';

/** Colours of the statuses, for tags and the history (antd preset names). */
export const CONSULTATION_COLOURS: Record<ConsultationStatus, string> = {
  requested: 'processing',
  scheduled: 'cyan',
  opinion_given: 'blue',
  closed: 'success',
  declined: 'error',
  cancelled: 'default',
};
/** The same for the history's dots (Timeline takes colour names, not statuses). */
export const CONSULTATION_TIMELINE_COLOURS: Record<ConsultationStatus, string> = {
  requested: 'blue',
  scheduled: 'cyan',
  opinion_given: 'green',
  closed: 'green',
  declined: 'red',
  cancelled: 'gray',
};

export function ConsultationStatusTag({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={CONSULTATION_COLOURS[status]} data-testid="consultation-status">
      {t(`consultation.statuses.${status}`)}
    </Tag>
  );
}

/** 紧急 in red; 普通 plain. */
export function UrgencyTag({ urgency }: { urgency: ConsultationUrgency }) {
  const { t } = useTranslation();
  return (
    <Tag color={urgency === 'urgent' ? 'red' : 'default'} data-testid="consultation-urgency">
      {t(`consultation.urgencies.${urgency}`)}
    </Tag>
  );
}

/** 我方申请 / 邀请我方: the caller's side, when it has one. */
export function SideTag({ side }: { side: ConsultationSide | null }) {
  const { t } = useTranslation();
  if (!side) return null;
  return <Tag color={side === 'consultant' ? 'purple' : 'geekblue'}>{t(`consultation.sides.${side}`)}</Tag>;
}
