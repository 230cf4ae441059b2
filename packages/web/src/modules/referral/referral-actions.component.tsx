import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '@yigong/contracts';
import { REFERRAL_RULES } from '@yigong/domain';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { ReferralActionModal, type TransitionAction } from './referral-action-modal.component.tsx';

const ORDER: TransitionAction[] = ['accept', 'schedule', 'arrive', 'complete', 'redirect', 'reject', 'cancel'];

/**
 * The buttons of what the caller may do now: the server's `actions` for the caller's side,
 * narrowed to the actions the caller's role may take (a manager coordinates but does not complete).
 */
export function usePermittedActions(r: ReferralView): TransitionAction[] {
  const user = useUser();
  return ORDER.filter((a) => r.actions.includes(a) && REFERRAL_RULES[a].roles.includes(user.role));
}

export function ReferralActions({ r }: { r: ReferralView }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<TransitionAction | null>(null);
  const actions = usePermittedActions(r);
  if (actions.length === 0) return <Typography.Text type="secondary">{t('referral.noActions')}</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="referral-actions">
        {actions.map((a, i) => (
          <Button key={a} type={i === 0 ? 'primary' : 'default'} danger={a === 'reject' || a === 'cancel'} onClick={() => setAction(a)} data-testid={`action-${a}`}>
            {t(`referral.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <ReferralActionModal action={action} r={r} onClose={() => setAction(null)} />
    </>
  );
}
