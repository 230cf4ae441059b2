import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferralView, TransitionRequest } from '@yigong/contracts';
import { REJECT_REASONS, type ReferralAction } from '@yigong/domain';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { isApiError } from '../../shared/api/api-client.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { SlotPicker } from '../scheduling/slot-picker.component.tsx';
import { Icd10Select, toIcdValue, type IcdValue } from './icd10-select.component.tsx';
import { targetsFor } from './referral-form.component.tsx';
import { useReferralTransition } from './referral.resource.ts';

export type TransitionAction = Exclude<ReferralAction, 'submit'>;

interface Values {
  comment?: string;
  reason?: string;
  rejectReason?: string;
  toOrganizationId?: string;
  slotId?: string | null;
  diagnosis?: IcdValue | null;
  inpatientNumber?: string;
  keyResults?: string;
  treatment?: string;
  plan?: string;
  rehabilitation?: string;
}

const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

function toBody(action: TransitionAction, v: Values): TransitionRequest {
  const body: TransitionRequest = { comment: text(v.comment) };
  if (action === 'cancel') body.reason = text(v.reason);
  if (action === 'reject') body.rejectReason = v.rejectReason as TransitionRequest['rejectReason'];
  if (action === 'redirect') body.toOrganizationId = v.toOrganizationId;
  if (action === 'schedule') body.slotId = v.slotId ?? undefined;
  if (action === 'complete') {
    body.outcome = {
      diagnosis: v.diagnosis!.value,
      inpatientNumber: text(v.inpatientNumber),
      keyResults: text(v.keyResults),
      treatment: text(v.treatment),
      plan: text(v.plan),
      rehabilitation: text(v.rehabilitation),
    };
  }
  return body;
}

/** The fields one action asks for (REFERRAL_RULES "requires"), plus an optional comment. */
function ActionFields({ action, r }: { action: TransitionAction; r: ReferralView }) {
  const { t } = useTranslation();
  const orgs = useOrganizations(action === 'redirect' ? r.communityId : null);
  const textArea = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label}>
      <Input.TextArea rows={2} maxLength={2000} data-testid={`outcome-${name}`} />
    </Form.Item>
  );
  switch (action) {
    case 'accept':
      return <Typography.Paragraph>{t('referral.acceptConfirm')}</Typography.Paragraph>;
    case 'arrive':
      return <Typography.Paragraph>{t('referral.arriveConfirm')}</Typography.Paragraph>;
    case 'reject':
      return (
        <Form.Item name="rejectReason" label={t('referral.rejectReasonLabel')} rules={[{ required: true, message: t('referral.rejectReasonLabel') }]}>
          <Select data-testid="reject-reason" options={REJECT_REASONS.map((x) => ({ value: x, label: t(`referral.rejectReasons.${x}`) }))} />
        </Form.Item>
      );
    case 'redirect':
      return (
        <Form.Item name="toOrganizationId" label={t('referral.redirectTo')} rules={[{ required: true, message: t('referral.toRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgs.isPending}
            options={targetsFor(r.direction, orgs.data ?? [], r.fromOrganizationId)
              .filter((o) => o.id !== r.toOrganizationId)
              .map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      );
    case 'schedule':
      return (
        <Form.Item name="slotId" label={t('referral.slot')} rules={[{ required: true, message: t('referral.slot') }]}>
          <SlotPicker organizationId={r.toOrganizationId} department={r.toDepartment} />
        </Form.Item>
      );
    case 'cancel':
      return (
        <Form.Item name="reason" label={t('referral.cancelReason')} rules={[{ required: true, whitespace: true, message: t('referral.cancelReasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="cancel-reason" />
        </Form.Item>
      );
    case 'complete':
      return (
        <>
          <Form.Item name="diagnosis" label={t('referral.outcomeDiagnosis')} rules={[{ required: true, message: t('referral.primaryRequired') }]}>
            <Icd10Select data-testid="outcome-diagnosis" />
          </Form.Item>
          <Form.Item name="inpatientNumber" label={t('referral.inpatientNumber')}>
            <Input maxLength={40} style={{ width: 240 }} data-testid="outcome-inpatientNumber" />
          </Form.Item>
          {textArea('keyResults', t('referral.keyResults'))}
          {textArea('treatment', t('referral.outcomeTreatment'))}
          {textArea('plan', t('referral.plan'))}
          {textArea('rehabilitation', t('referral.rehabilitation'))}
        </>
      );
  }
}

interface Props {
  action: TransitionAction | null;
  r: ReferralView;
  onClose: () => void;
}

/** One transition in a modal: the fields it needs, then POST /referrals/:id/:action. */
export function ReferralActionModal({ action, r, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const transition = useReferralTransition(r.id);
  const primary = r.diagnoses.find((d) => d.primary) ?? r.diagnoses[0];

  async function onFinish(v: Values) {
    if (!action) return;
    try {
      await transition.mutateAsync({ action, body: toBody(action, v) });
      void message.success(t('referral.done'));
      onClose();
    } catch (e) {
      if (isApiError(e, 'SLOT_FULL')) form.setFields([{ name: 'slotId', value: null, errors: [t('error.SLOT_FULL')] }]);
      else if (!applyFieldErrors(form, e, ['reason', 'rejectReason', 'toOrganizationId', 'slotId', 'comment'])) void message.error(errorText(e));
    }
  }

  return (
    <Modal
      open={!!action}
      title={action === 'complete' ? t('referral.completeTitle') : action ? t(`referral.actions.${action}`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`referral.actions.${action}`) : t('action.confirm')}
      okButtonProps={{ loading: transition.isPending, danger: action === 'reject' || action === 'cancel', 'data-testid': 'action-confirm' }}
      width={action === 'schedule' || action === 'complete' ? 760 : 520}
      destroyOnHidden
    >
      {action && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => void onFinish(v)}
          initialValues={{ diagnosis: primary ? toIcdValue(primary.code, primary.name) : null, slotId: r.slotId }}
          data-testid="action-form"
        >
          <ActionFields action={action} r={r} />
          {action !== 'cancel' && (
            <Form.Item name="comment" label={t('referral.comment')}>
              <Input maxLength={500} />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
