import { useState } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import { AlertOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReferralProposal, ReferralView } from '@yigong/contracts';
import { newId } from '../../shared/api/api-client.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { toIcdValue } from '../referral/icd10-select.component.tsx';
import { NewReferralDrawer, type ReferralSubject } from '../referral/referral-new.component.tsx';
import { useCreateReferral } from '../referral/referral.resource.ts';

/**
 * 紧急转诊建议: the up-referral the server proposes after an urgent (or twice unsatisfactory)
 * follow-up. One click submits it through the referral API as proposed; the other opens the
 * 发起转诊 form pre-filled, to change the department, reason or slot first.
 */
export function ReferralProposalPanel({ proposal, subject }: { proposal: ReferralProposal; subject: ReferralSubject }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const create = useCreateReferral();
  const [requestId] = useState(newId);
  const [created, setCreated] = useState<ReferralView | null>(null);
  const [editing, setEditing] = useState(false);
  const urgent = proposal.priority === 'green_channel';
  const primary = proposal.diagnoses.find((d) => d.primary) ?? proposal.diagnoses[0];

  async function submit() {
    try {
      const r = await create.mutateAsync({
        id: requestId,
        residentId: subject.residentId,
        direction: proposal.direction,
        toOrganizationId: proposal.toOrganizationId,
        priority: proposal.priority,
        reason: proposal.reason,
        diagnoses: proposal.diagnoses,
      });
      setCreated(r);
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  return (
    <>
      <Alert
        type={urgent ? 'error' : 'warning'}
        showIcon
        icon={<AlertOutlined />}
        data-testid="referral-proposal"
        title={
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t(urgent ? 'chronic.proposalUrgent' : 'chronic.proposalRoutine')}
          </Typography.Text>
        }
        description={
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <span>
              {t('chronic.proposalHint', { priority: t(`referral.priorities.${proposal.priority}`), to: proposal.toOrganizationName, diagnosis: primary?.code ?? '—' })}
            </span>
            <Typography.Text type="secondary">{proposal.reason}</Typography.Text>
            {created ? (
              <Space wrap data-testid="proposal-created">
                <Typography.Text strong>{t('chronic.proposalCreated', { code: created.pickupCode })}</Typography.Text>
                <Link to={`/referrals/${created.id}`}>{t('chronic.proposalOpen')}</Link>
              </Space>
            ) : (
              <Space wrap>
                <Button type="primary" danger={urgent} icon={<SendOutlined />} loading={create.isPending} onClick={() => void submit()} data-testid="proposal-create">
                  {t('chronic.proposalCreate')}
                </Button>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="proposal-edit">
                  {t('chronic.proposalEdit')}
                </Button>
              </Space>
            )}
          </Space>
        }
      />
      {editing && (
        <NewReferralDrawer
          open={editing}
          onClose={() => setEditing(false)}
          subject={subject}
          defaults={{ direction: 'up', toOrganizationId: proposal.toOrganizationId, primary: primary ? toIcdValue(primary.code) : undefined }}
        />
      )}
    </>
  );
}
