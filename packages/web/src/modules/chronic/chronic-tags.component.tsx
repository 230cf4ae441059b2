import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Classification, NextStep } from '@yigong/domain';
import type { CallOutcome } from '@yigong/contracts';

const DISEASE_COLOURS: Record<string, string> = { hypertension: 'red', diabetes: 'volcano' };
const CLASSIFICATION_COLOURS: Record<Classification, string> = { satisfactory: 'success', unsatisfactory: 'warning', adverse_reaction: 'magenta', complication: 'error' };
const NEXT_STEP_COLOURS: Record<NextStep, string> = { routine: 'default', recheck_2w: 'gold', referral_2w: 'orange', urgent_referral: 'red' };
const CALL_COLOURS: Record<CallOutcome, string> = { agreed_visit: 'green', remind_later: 'blue', moved: 'default', died: 'default' };

export function DiseaseTag({ disease }: { disease: string }) {
  const { t } = useTranslation();
  return <Tag color={DISEASE_COLOURS[disease] ?? 'default'}>{t(`chronic.diseases.${disease}`, { defaultValue: disease })}</Tag>;
}

/** 此次随访分类; a dash when there is none yet. */
export function ClassificationTag({ value }: { value: Classification | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <span>—</span>;
  return (
    <Tag color={CLASSIFICATION_COLOURS[value]} data-testid="classification-tag">
      {t(`chronic.classifications.${value}`)}
    </Tag>
  );
}

export function NextStepTag({ value }: { value: NextStep }) {
  const { t } = useTranslation();
  return (
    <Tag color={NEXT_STEP_COLOURS[value]} data-testid="next-step-tag">
      {t(`chronic.nextSteps.${value}`)}
    </Tag>
  );
}

export function CallOutcomeTag({ value }: { value: CallOutcome | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <span>—</span>;
  return <Tag color={CALL_COLOURS[value]}>{t(`workbench.outcomes.${value}`)}</Tag>;
}

/** 超期N天 in red: how late the follow-up is. */
export function OverdueDaysTag({ days }: { days: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={days > 30 ? 'red' : 'volcano'} data-testid="overdue-days">
      {t('chronic.overdueDays', { days })}
    </Tag>
  );
}
