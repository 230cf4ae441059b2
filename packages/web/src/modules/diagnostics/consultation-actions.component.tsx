import { useMemo, useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsultationActionRequest, ConsultationDetailView } from '@yigong/contracts';
import { CONSULTATION_OPINION_LENGTH, CONSULTATION_REASON_MAX_LENGTH, MAX_SCHEDULE_AHEAD_DAYS, type ConsultationAction } from '@yigong/domain';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatDateTime, shanghaiWallClock } from '../../shared/i18n/format.ts';
import { charCount } from './consultation-request.ts';
import { useConsultationAction } from './consultation.resource.ts';
import { SchedulePicker } from './schedule-picker.component.tsx';
import { inWindow, scheduleWindow } from './schedule-window.ts';

interface Values {
  scheduledAt?: string;
  reason?: string;
  opinion?: string;
}

const FIELDS = ['scheduledAt', 'reason', 'opinion'];

function toBody(action: ConsultationAction, v: Values): ConsultationActionRequest {
  switch (action) {
    case 'schedule':
    case 'reschedule':
      return { scheduledAt: v.scheduledAt };
    case 'decline':
    case 'cancel':
      return { reason: v.reason!.trim() };
    case 'give_opinion':
      return { opinion: v.opinion!.trim() };
    case 'close':
      return {};
  }
}

function ActionFields({ action, c }: { action: ConsultationAction; c: ConsultationDetailView }) {
  const { t } = useTranslation();
  // The window is fixed when the dialog opens; the server checks the time again on submission.
  const window = useMemo(() => scheduleWindow(new Date(), MAX_SCHEDULE_AHEAD_DAYS), []);
  switch (action) {
    case 'schedule':
    case 'reschedule':
      return (
        <>
          {action === 'reschedule' && c.scheduledAt && <Typography.Paragraph type="secondary">{t('consultation.currentSchedule', { at: formatDateTime(c.scheduledAt) })}</Typography.Paragraph>}
          <Form.Item
            name="scheduledAt"
            label={t('consultation.sessionTime')}
            extra={t('consultation.scheduleHint', { days: MAX_SCHEDULE_AHEAD_DAYS })}
            rules={[
              { required: true, message: t('consultation.scheduleRequired') },
              { validator: (_, v?: string) => (!v || inWindow(shanghaiWallClock(v), window) ? Promise.resolve() : Promise.reject(new Error(t('consultation.scheduleOutside', { days: MAX_SCHEDULE_AHEAD_DAYS })))) },
            ]}
          >
            <SchedulePicker window={window} data-testid="consultation-schedule" />
          </Form.Item>
        </>
      );
    case 'decline':
    case 'cancel':
      return (
        <Form.Item
          name="reason"
          label={t(action === 'decline' ? 'consultation.declineReason' : 'consultation.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('consultation.reasonRequired') }, { validator: (_, v?: string) => (charCount(v) <= CONSULTATION_REASON_MAX_LENGTH ? Promise.resolve() : Promise.reject(new Error(t('consultation.reasonMax', { max: CONSULTATION_REASON_MAX_LENGTH })))) }]}
        >
          <Input.TextArea rows={3} count={{ show: true, max: CONSULTATION_REASON_MAX_LENGTH, strategy: charCount }} placeholder={t(action === 'decline' ? 'consultation.declinePlaceholder' : 'consultation.cancelPlaceholder')} data-testid="consultation-reason" />
        </Form.Item>
      );
    case 'give_opinion':
      return (
        <Form.Item
          name="opinion"
          label={t('consultation.opinion')}
          rules={[
            {
              validator: (_, v?: string) => {
                const n = charCount(v);
                return n >= CONSULTATION_OPINION_LENGTH.min && n <= CONSULTATION_OPINION_LENGTH.max ? Promise.resolve() : Promise.reject(new Error(t('consultation.opinionLength', CONSULTATION_OPINION_LENGTH)));
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} count={{ show: true, max: CONSULTATION_OPINION_LENGTH.max, strategy: charCount }} placeholder={t('consultation.opinionPlaceholder')} data-testid="consultation-opinion" />
        </Form.Item>
      );
    case 'close':
      return <Typography.Paragraph>{t('consultation.closeConfirm')}</Typography.Paragraph>;
  }
}

/** One action: what it needs (a time, a reason, the opinion), then POST …/consultations/:id/:action. */
function ConsultationActionModal({ action, c, onClose }: { action: ConsultationAction | null; c: ConsultationDetailView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const act = useConsultationAction(c.id);
  const title = action ? t(`consultation.actions.${action}`) : '';

  async function onFinish(v: Values) {
    if (!action) return;
    try {
      await act.mutateAsync({ action, body: toBody(action, v) });
      void message.success(t('consultation.done'));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorText(e));
    }
  }

  return (
    <Modal
      open={!!action}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={title || t('action.confirm')}
      okButtonProps={{ loading: act.isPending, danger: action === 'decline' || action === 'cancel', 'data-testid': 'consultation-action-confirm' }}
      width={action === 'give_opinion' ? 720 : 520}
      destroyOnHidden
    >
      {action && (
        <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ scheduledAt: action === 'reschedule' ? (c.scheduledAt ?? undefined) : undefined }} onFinish={(v) => void onFinish(v)} data-testid="consultation-action-form">
          <ActionFields action={action} c={c} />
        </Form>
      )}
    </Modal>
  );
}

const DANGER: ReadonlySet<ConsultationAction> = new Set(['decline', 'cancel']);
/** The main action first: the opinion before a new time, the schedule before declining. */
const ORDER: readonly ConsultationAction[] = ['give_opinion', 'schedule', 'reschedule', 'close', 'decline', 'cancel'];

/** The buttons of what the server offers the caller now (`actions`: its side, its role, the status). */
export function ConsultationActions({ c }: { c: ConsultationDetailView }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ConsultationAction | null>(null);
  const actions = ORDER.filter((a) => c.actions.includes(a));
  if (actions.length === 0) return <Typography.Text type="secondary">{t('consultation.noActions')}</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="consultation-actions">
        {actions.map((a, i) => (
          <Button key={a} type={i === 0 && !DANGER.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => setAction(a)} data-testid={`consultation-action-${a}`}>
            {t(`consultation.actions.${a}`)}
          </Button>
        ))}
      </Space>
      {/* A new form for each action: the last action's values never leak into the next one (a reschedule starts from the session's time). */}
      <ConsultationActionModal key={action ?? ''} action={action} c={c} onClose={() => setAction(null)} />
    </>
  );
}
