import { useState } from 'react';
import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUpResponse, ResidentEnrollment, ResidentRecord } from '@yigong/contracts';
import { FollowUpForm } from './follow-up-form.component.tsx';
import { FollowUpResult } from './follow-up-result.component.tsx';

/** 新增随访 from the record: the form, then the server's decision (and a referral proposal). */
export function FollowUpDrawer({ r, enrollment, onClose }: { r: ResidentRecord; enrollment: ResidentEnrollment; onClose: () => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<FollowUpResponse | null>(null);
  const previous = enrollment.followUps[0]?.classification ?? enrollment.last_classification;
  return (
    <Drawer
      open
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={t('chronic.followUpTitle', { name: r.name, disease: t(`chronic.diseases.${enrollment.disease}`) })}
      data-testid="followup-drawer"
    >
      {result ? (
        <FollowUpResult
          result={result}
          subject={{ residentId: r.id, residentName: r.name, communityId: r.communityId, organizationId: r.organizationId, problems: r.problems }}
          onNext={onClose}
          nextLabel={t('action.confirm')}
        />
      ) : (
        <FollowUpForm
          subject={{
            enrollmentId: enrollment.id,
            residentName: r.name,
            disease: enrollment.disease,
            birthDate: r.birthDate,
            enrolledOn: enrollment.enrolled_on,
            lastClassification: previous ?? null,
            sex: r.sex,
          }}
          onDone={setResult}
        />
      )}
    </Drawer>
  );
}
