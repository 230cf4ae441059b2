import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useRecordCall } from './chronic.resource.ts';
import { CALL_OUTCOMES, type CallOutcome, type WorklistRow } from '@yigong/contracts';

interface Values {
  calledOn: Dayjs;
  outcome: CallOutcome;
  note?: string;
}

/** 电话随访: the outcome of a call about an overdue follow-up; moved or died ends the enrolment. */
export function CallDialog({ row, onClose }: { row: WorklistRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const call = useRecordCall();

  async function onFinish(v: Values) {
    try {
      await call.mutateAsync({ enrollmentId: row.id, calledOn: v.calledOn.format('YYYY-MM-DD'), outcome: v.outcome, note: v.note?.trim() || undefined });
      void message.success(t('workbench.callSaved'));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['calledOn', 'outcome', 'note'])) void message.error(errorText(e));
    }
  }

  return (
    <Modal
      open
      title={t('workbench.callTitle', { name: row.resident_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      confirmLoading={call.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ calledOn: dayjs() }} onFinish={(v) => void onFinish(v)} data-testid="call-form">
        <Form.Item name="calledOn" label={t('workbench.calledOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="outcome" label={t('workbench.outcome')} rules={[{ required: true, message: t('workbench.outcomeRequired') }]}>
          <Radio.Group data-testid="call-outcome">
            {CALL_OUTCOMES.map((o) => (
              <Radio key={o} value={o}>
                {t(`workbench.outcomes.${o}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {(outcome === 'moved' || outcome === 'died') && <Alert type="warning" showIcon title={t('workbench.endsEnrollment')} style={{ marginBottom: 16 }} />}
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
