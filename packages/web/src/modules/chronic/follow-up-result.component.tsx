import { Button, Descriptions, Result, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUpResponse } from '@yigong/contracts';
import { formatDate } from '../../shared/i18n/format.ts';
import type { ReferralSubject } from '../referral/referral-new.component.tsx';
import { ClassificationTag, NextStepTag } from './chronic-tags.component.tsx';
import { ReferralProposalPanel } from './referral-proposal.component.tsx';

/**
 * What the server decided about a follow-up: classification, next step, next due date, the
 * urgent signs it found and, for urgent or repeated problems, the proposed referral.
 */
export function FollowUpResult({ result, subject, onNext, nextLabel }: { result: FollowUpResponse; subject: ReferralSubject; onNext?: () => void; nextLabel?: string }) {
  const { t } = useTranslation();
  const urgent = result.nextStep === 'urgent_referral';
  return (
    <div data-testid="fu-result">
      <Result
        status={result.controlled && !urgent ? 'success' : 'warning'}
        title={t('chronic.result')}
        subTitle={subject.residentName}
        style={{ padding: '16px 0' }}
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {result.referralProposal && <ReferralProposalPanel proposal={result.referralProposal} subject={subject} />}
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'c', label: t('chronic.classification'), children: <ClassificationTag value={result.classification} /> },
            { key: 'n', label: t('chronic.nextStep'), children: <NextStepTag value={result.nextStep} /> },
            { key: 'd', label: t('chronic.nextDueDate'), children: <span data-testid="fu-next-due">{formatDate(result.nextDueDate)}</span> },
            ...(result.urgentReasons.length
              ? [
                  {
                    key: 'u',
                    label: t('chronic.urgentReasons'),
                    children: (
                      <Space size={[0, 4]} wrap>
                        {result.urgentReasons.map((r) => (
                          <Tag key={r} color="red">
                            {r}
                          </Tag>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
            { key: 'r', label: t('chronic.ruleSet'), children: result.ruleSet },
          ]}
        />
        {onNext && (
          <Button block onClick={onNext} data-testid="fu-next">
            {nextLabel ?? t('chronic.next')}
          </Button>
        )}
      </Space>
    </div>
  );
}
